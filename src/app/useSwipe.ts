import { useEffect, useRef } from 'react';

const MIN_DISTANCE = 50;

/**
 * Horizontal swipes on `element`: left calls `onNext`, right `onPrevious`.
 * Mostly vertical moves are ignored so the page can still scroll, and swipes
 * that start on a control (a slider being dragged) are left to the control.
 */
export function useSwipe(element: HTMLElement | null, onNext: () => void, onPrevious: () => void) {
  const callbacks = useRef({ onNext, onPrevious });
  useEffect(() => {
    callbacks.current = { onNext, onPrevious };
  });
  useEffect(() => {
    if (!element) return;
    let start: { x: number; y: number } | null = null;
    const down = (event: PointerEvent) => {
      if (event.pointerType !== 'touch') return;
      const target = event.target as Element;
      start = target.closest('input, [role="slider"], svg, canvas')
        ? null
        : { x: event.clientX, y: event.clientY };
    };
    const up = (event: PointerEvent) => {
      if (!start) return;
      const dx = event.clientX - start.x;
      const dy = event.clientY - start.y;
      start = null;
      if (Math.abs(dx) < MIN_DISTANCE || Math.abs(dx) < 1.5 * Math.abs(dy)) return;
      if (dx < 0) callbacks.current.onNext();
      else callbacks.current.onPrevious();
    };
    const cancel = () => (start = null);
    element.addEventListener('pointerdown', down);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', cancel);
    return () => {
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', cancel);
    };
  }, [element]);
}
