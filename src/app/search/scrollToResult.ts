import type { Position } from '../../deck/navigation';

/**
 * Scrolls the phone's reading view (every slide, every step, one after the
 * other) to a search result: the slide, or the first block of its step. At
 * once, not smoothly: the reader asked to be there.
 */
export function scrollReadingViewTo(position: Position, root: ParentNode = document) {
  const slide = root.querySelector(`.all-slides [data-slide-index="${position.slide}"]`);
  const step =
    position.step > 0 ? slide?.querySelector(`.slide__block[data-step="${position.step}"]`) : null;
  (step ?? slide)?.scrollIntoView({ block: 'start' });
}
