/** Pure navigation over slides and their incremental steps. */

/** Where the deck is: a slide index and a step index, both from 0. */
export interface Position {
  slide: number;
  step: number;
}

/** The step counts of the slides: all navigation needs to know about them. */
export type StepCounts = readonly number[];

export function clampPosition(counts: StepCounts, pos: Position): Position {
  const slide = Math.min(Math.max(0, Math.trunc(pos.slide) || 0), counts.length - 1);
  const last = (counts[slide] ?? 1) - 1;
  return { slide, step: Math.min(Math.max(0, Math.trunc(pos.step) || 0), last) };
}

/** The next step, or the first step of the next slide; stays put at the very end. */
export function nextStep(counts: StepCounts, pos: Position): Position {
  if (pos.step + 1 < (counts[pos.slide] ?? 1)) return { slide: pos.slide, step: pos.step + 1 };
  if (pos.slide + 1 < counts.length) return { slide: pos.slide + 1, step: 0 };
  return pos;
}

/** The previous step, or the previous slide with all its steps shown. */
export function previousStep(counts: StepCounts, pos: Position): Position {
  if (pos.step > 0) return { slide: pos.slide, step: pos.step - 1 };
  if (pos.slide > 0) return { slide: pos.slide - 1, step: (counts[pos.slide - 1] ?? 1) - 1 };
  return pos;
}

/** The next slide's first step, skipping the remaining steps of this one. */
export function nextSlide(counts: StepCounts, pos: Position): Position {
  return pos.slide + 1 < counts.length ? { slide: pos.slide + 1, step: 0 } : pos;
}

/** The previous slide's first step (or this slide's first step when already on the first slide). */
export function previousSlide(_counts: StepCounts, pos: Position): Position {
  return pos.slide > 0 ? { slide: pos.slide - 1, step: 0 } : { slide: 0, step: 0 };
}

export const firstPosition = (): Position => ({ slide: 0, step: 0 });

export const lastPosition = (counts: StepCounts): Position => ({
  slide: counts.length - 1,
  step: (counts[counts.length - 1] ?? 1) - 1,
});

/** How far through the deck a position is, from 0 (first step) to 1 (last step). */
export function progress(counts: StepCounts, pos: Position): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const before = counts.slice(0, pos.slide).reduce((a, b) => a + b, 0) + pos.step;
  return total <= 1 ? 1 : before / (total - 1);
}

export const samePosition = (a: Position, b: Position) => a.slide === b.slide && a.step === b.step;
