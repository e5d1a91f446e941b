import { useLayoutEffect, useState } from 'react';

/**
 * The layout height of an element in CSS px (before the stage's scale), kept
 * current by a ResizeObserver; `initial` until it is measured. For a chart
 * whose box the page's layout sizes (e.g. a flex item that takes the room a
 * slide has left): the chart draws at this height, so that a message or an
 * open panel above it shrinks the chart instead of pushing its labels off the
 * slide. The element's own content must not size it (an absolutely placed SVG).
 */
export function useElementHeight(initial: number) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [height, setHeight] = useState(initial);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      if (element.clientHeight > 0) setHeight(element.clientHeight);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, height] as const;
}
