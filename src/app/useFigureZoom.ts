import { useCallback, useEffect, useRef } from 'react';
import { firstLiveFigure, liveFigureAround } from '../deck/figures';
import type { Position } from '../deck/navigation';
import { zoomElement } from './zoom';

export interface FigureZoom {
  /** Whether a figure is zoomed now. */
  zoomed: () => boolean;
  /**
   * Zooms the panel of a figure around `target` (or under the mouse), else that
   * whole figure, else the slide's first live figure; or ends the zoom.
   */
  toggle: (target: Element | null) => void;
}

/**
 * Z and Alt+click zoom a figure so the back of the room can read it; moving on
 * ends the zoom. Figures are found through the slide view's registry of figure
 * boxes, and a panel is the nearest `<figure>` inside one.
 */
export function useFigureZoom(position: Position, showNotice: (text: string) => void): FigureZoom {
  /** Undoes the current zoom, if a figure is zoomed. */
  const unzoom = useRef<(() => void) | null>(null);
  /** Where the mouse was last: Z zooms the figure under it. */
  const lastPointer = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const move = (event: PointerEvent) =>
      (lastPointer.current = { x: event.clientX, y: event.clientY });
    window.addEventListener('pointermove', move);
    return () => window.removeEventListener('pointermove', move);
  }, []);

  const toggle = useCallback(
    (target: Element | null) => {
      if (unzoom.current) {
        unzoom.current();
        unzoom.current = null;
        return;
      }
      const p = lastPointer.current;
      const from = target ?? (p ? document.elementFromPoint(p.x, p.y) : null);
      const figure = liveFigureAround(from);
      const element = figure ? (outermostPanel(from, figure) ?? figure) : null;
      const chosen = (element ?? firstLiveFigure()) as HTMLElement | null;
      if (chosen) unzoom.current = zoomElement(chosen);
      else showNotice('There is no figure on this slide to zoom into.');
    },
    [showNotice],
  );

  // Moving on ends a zoom.
  useEffect(() => {
    unzoom.current?.();
    unzoom.current = null;
  }, [position.slide, position.step]);

  // Alt+click zooms the figure clicked (or ends the zoom).
  useEffect(() => {
    const altClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!event.altKey || (!liveFigureAround(target) && !unzoom.current)) return;
      event.preventDefault();
      toggle(target);
    };
    window.addEventListener('click', altClick, true);
    return () => window.removeEventListener('click', altClick, true);
  }, [toggle]);

  const zoomed = useCallback(() => unzoom.current !== null, []);
  return { zoomed, toggle };
}

/**
 * The panel of a figure around `from`: the outermost `<figure>` inside the
 * figure's box that holds it (a panel may hold captioned sub-figures; the
 * whole panel is what the room wants to read).
 */
function outermostPanel(from: Element | null, box: Element): Element | null {
  let panel = from?.closest('figure') ?? null;
  if (!panel || !box.contains(panel)) return null;
  for (let up = panel.parentElement?.closest('figure'); up && box.contains(up);) {
    panel = up;
    up = up.parentElement?.closest('figure');
  }
  return panel;
}
