/**
 * Dragging with mouse, touch and pen alike, through pointer events. The
 * pointer is captured on press, so the moves keep coming when it leaves the
 * element, and the element must outlive redraws (see clearSvg's
 * `data-persistent`): removing it would end the capture.
 */
import { local, pointer, type Selection } from 'd3';

export interface PointerDragHandlers<D, T> {
  /** The press on the element bound to `d`, at `point`; returns what the moves need (e.g. π at the start). */
  start: (point: [number, number], d: D) => T;
  /** Every move while the pointer is held, and the press itself. */
  move: (point: [number, number], gesture: T, event: PointerEvent) => void;
}

const gestures = local<unknown>();

/**
 * Makes `selection` draggable. Positions are read in the coordinates of the
 * element `frameOf` returns (a <g> of the chart) with d3.pointer, which maps
 * the client position through getScreenCTM().inverse(): the CSS scale of the
 * slide stage and any zoom are undone there, not with hand-made offsets.
 * Calling it again on the same elements replaces the handlers, so a redraw
 * hands the moves of a drag in progress the new data.
 */
export function pointerDrag<D, T>(
  selection: Selection<SVGGElement, D, Element | null, unknown>,
  frameOf: (element: SVGGElement) => Element,
  handlers: PointerDragHandlers<D, T>,
) {
  selection
    .on('pointerdown.drag', function (this: SVGGElement, event: PointerEvent, d: D) {
      if (event.button !== 0) return; // the main button, a touch contact or the pen tip
      event.preventDefault(); // no text selection, no compatibility mouse events
      this.setPointerCapture(event.pointerId);
      this.focus({ preventScroll: true });
      const point = pointer(event, frameOf(this));
      const gesture = handlers.start(point, d);
      gestures.set(this, gesture);
      handlers.move(point, gesture, event);
    })
    .on('pointermove.drag', function (this: SVGGElement, event: PointerEvent) {
      if (!this.hasPointerCapture(event.pointerId)) return;
      handlers.move(pointer(event, frameOf(this)), gestures.get(this) as T, event);
    })
    .on('pointerup.drag pointercancel.drag', function (this: SVGGElement, event: PointerEvent) {
      if (this.hasPointerCapture(event.pointerId)) this.releasePointerCapture(event.pointerId);
    })
    // A class while dragging, for the grabbing cursor.
    .on('gotpointercapture.drag', function (this: SVGGElement) {
      this.classList.add('is-dragging');
    })
    .on('lostpointercapture.drag', function (this: SVGGElement) {
      this.classList.remove('is-dragging');
      gestures.remove(this);
    });
}
