import { useLayoutEffect, useState } from 'react';

/**
 * The layout width of an element in CSS px (before the stage's scale, which
 * a transform applies), kept current by a ResizeObserver; `initial` until it is
 * measured. Figures draw their SVGs at this width, so that an SVG's viewBox
 * scale is 1 and its text renders at the size the CSS gives it, on the stage
 * and in the phone's reading view alike.
 */
export function useElementWidth(initial: number) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width] as const;
}
