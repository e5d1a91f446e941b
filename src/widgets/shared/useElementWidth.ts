import { useEffect, useState, type RefObject } from 'react';

/**
 * The layout width of `ref`'s element in CSS pixels (before the stage's
 * scale), followed as it changes, so that a figure can be drawn at the width
 * it is shown and its text keeps the size its CSS gives it. `fallback` until
 * the first measurement.
 */
export function useElementWidth(ref: RefObject<Element | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
