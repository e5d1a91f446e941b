import type { Position } from '../../deck/navigation';
import type { Slide } from '../../deck/types';
import { parseInkKey, type InkKey } from './inkFormat';

/**
 * The print's pages with every step that has ink added (in deck order), so
 * that no ink is left out of a handout that prints, say, only last steps.
 */
export function pagesWithInk(
  pages: readonly Position[],
  inked: Iterable<InkKey>,
  slides: readonly Slide[],
): Position[] {
  const index = new Map(slides.map((s, i) => [s.id, i]));
  const all = new Map(pages.map((p) => [`${p.slide}/${p.step}`, p]));
  for (const key of inked) {
    const at = parseInkKey(key);
    const slide = at ? index.get(at.slideId) : undefined;
    if (at && slide !== undefined && at.step < slides[slide]!.steps)
      all.set(`${slide}/${at.step}`, { slide, step: at.step });
  }
  return [...all.values()].sort((a, b) => a.slide - b.slide || a.step - b.step);
}
