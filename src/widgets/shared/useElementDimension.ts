import { useLayoutEffect, useState } from 'react';

/**
 * One layout dimension of an element in CSS px (before the stage's scale,
 * which a transform applies), kept current by a ResizeObserver; `initial`
 * until it is measured (a zero, e.g. while hidden, is not a measurement).
 */
export function useElementDimension(dimension: 'clientWidth' | 'clientHeight', initial: number) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [size, setSize] = useState(initial);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      if (element[dimension] > 0) setSize(element[dimension]);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, dimension]);
  return [setElement, size] as const;
}
