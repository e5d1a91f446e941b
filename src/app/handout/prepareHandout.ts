/**
 * The handout step: computes every live figure of the chosen pages in a
 * hidden copy of the deck (an iframe of this page with `?view=handout`: its
 * own training worker, so the training figures start at step 0; light theme;
 * not part of a presenter session) and keeps a static copy of each figure.
 */
import type { Slide } from '../../deck/types';
import type { Position } from '../../deck/navigation';
import { formatHash, splitHash } from '../../deck/hash';
import { withParked } from '../../deck/stores/slideLinks';
import { workingCopyIn } from './workingCopy';
import {
  figureKey,
  handoutPagesOf,
  HANDOUT_TRAINING_STEPS,
  type Handout,
  type HandoutSteps,
} from './handoutStore';

export interface PrepareOptions {
  steps: HandoutSteps;
  /** Where the working copy of the deck goes (it must be rendered: shown small is fine). */
  host: HTMLElement;
  signal: AbortSignal;
  /** Pages with figures done so far, of all, and what is being computed. */
  onProgress: (done: number, total: number, doing: string) => void;
}

/** A figure's DOM must stay unchanged this long to count as drawn. */
const QUIET_MS = 1200;
/** The longest wait for one figure before it is copied as it is. */
const FIGURE_TIMEOUT_MS = 120_000;
/** Training plays to this many steps short of the goal, then steps one at a time. */
const STEP_MARGIN = 10;

/**
 * Every figure's settings as the lecturer left them: the link's, and those kept
 * for the slides not shown (a slide's settings leave the link with it).
 */
export const handoutSettings = () => splitHash(withParked(window.location.hash)).query;

export async function prepareHandout(
  slides: readonly Slide[],
  options: PrepareOptions,
): Promise<Handout> {
  const { signal } = options;
  const settings = handoutSettings();
  const pages = handoutPagesOf(slides, options.steps);
  const withFigures = pages.filter((p) => visibleWidgets(slides[p.slide]!, p.step).length > 0);
  const handout: Handout = {
    steps: options.steps,
    pages,
    figures: {},
    settings,
  };
  const frame = document.createElement('iframe');
  frame.className = 'handout-frame';
  frame.title = 'The deck, computing the handout’s figures';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  const url = new URL(window.location.href);
  url.searchParams.set('view', 'handout');
  url.hash = hashAt(slides, withFigures[0] ?? { slide: 0, step: 0 }, settings);
  frame.src = url.href;
  options.host.append(frame);
  try {
    await new Promise<void>((resolve, reject) => {
      frame.addEventListener('load', () => resolve(), { once: true });
      signal.addEventListener('abort', () => reject(abortError()), { once: true });
    });
    const doc = frame.contentDocument!;
    const copy = await until(signal, () => workingCopyIn(frame), 60_000);
    let done = 0;
    for (const page of withFigures) {
      const slide = slides[page.slide]!;
      options.onProgress(done, withFigures.length, `${page.slide + 1}. ${slide.title}`);
      frame.contentWindow!.location.hash = hashAt(slides, page, settings);
      await until(signal, () => shows(doc, slide, page.step), 30_000);
      for (const index of visibleWidgets(slide, page.step)) {
        const slot = await until(
          signal,
          () => doc.querySelector<HTMLElement>(`.stage [data-block-index="${index}"] .widget-slot`),
          30_000,
        );
        const name = slot.dataset.widget as keyof typeof HANDOUT_TRAINING_STEPS;
        const goal = HANDOUT_TRAINING_STEPS[name];
        if (goal !== undefined) await trainTo(slot, goal, signal);
        await drawn(slot, signal);
        handout.figures[figureKey(page.slide, page.step, index)] = copy.capture(slot);
      }
      done += 1;
    }
    options.onProgress(done, withFigures.length, 'done');
    return handout;
  } finally {
    frame.remove();
  }
}

/** The link of a page with the link's widget settings. */
const hashAt = (slides: readonly Slide[], page: Position, settings: string) =>
  formatHash(slides, page) + settings;

/** Indexes of the widget blocks shown at `step`. */
function visibleWidgets(slide: Slide, step: number): number[] {
  return slide.blocks.flatMap((b, i) => (b.kind === 'widget' && b.step <= step ? [i] : []));
}

/** Whether the working copy shows `slide` at `step`. */
function shows(doc: Document, slide: Slide, step: number): boolean {
  const article = doc.querySelector(`.stage .slide[data-slide-id="${slide.id}"]`);
  if (!article) return false;
  const future = slide.blocks.filter((b) => b.step > step).length;
  return article.querySelectorAll('.slide__block[data-future]').length === future;
}

function abortError() {
  return new DOMException('The handout was cancelled.', 'AbortError');
}

/** Polls `test` until it gives a value (not null/false), the signal aborts, or time runs out. */
async function until<T>(
  signal: AbortSignal,
  test: () => T | null | undefined | false,
  timeoutMs: number,
): Promise<T> {
  const start = performance.now();
  for (;;) {
    if (signal.aborted) throw abortError();
    const value = test();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Still computing: a busy mark, an empty chart, a download, or a "Computing" label. */
function busy(slot: HTMLElement): boolean {
  return (
    !slot.querySelector('.widget') ||
    slot.querySelector('[data-busy], [data-playing], svg:empty, progress') !== null ||
    slot.querySelector('[aria-label^="Computing"]') !== null ||
    (slot.textContent ?? '').includes('Computing…')
  );
}

/** Waits until the figure is not busy and its DOM has not changed for QUIET_MS. */
async function drawn(slot: HTMLElement, signal: AbortSignal): Promise<void> {
  let changed = performance.now();
  const observer = new MutationObserver(() => (changed = performance.now()));
  observer.observe(slot, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    const start = performance.now();
    await until(
      signal,
      () =>
        performance.now() - start > FIGURE_TIMEOUT_MS ||
        (!busy(slot) && performance.now() - changed > QUIET_MS),
      Infinity,
    );
  } finally {
    observer.disconnect();
  }
}

/** The training step a training figure shows (`data-step` on the widget). */
const stepOf = (slot: HTMLElement) =>
  Number(slot.querySelector<HTMLElement>('.widget')?.dataset.step ?? 0);

/**
 * Trains a figure to `goal` steps with its own buttons: Play until a few
 * steps short (a pause lands a step or two later), then Step one at a time.
 */
async function trainTo(slot: HTMLElement, goal: number, signal: AbortSignal): Promise<void> {
  const play = await until(
    signal,
    () => slot.querySelector<HTMLButtonElement>('button[aria-pressed]:not(:disabled)'),
    FIGURE_TIMEOUT_MS,
  );
  if (stepOf(slot) < goal - STEP_MARGIN) {
    play.click();
    try {
      await until(signal, () => stepOf(slot) >= goal - STEP_MARGIN, FIGURE_TIMEOUT_MS);
    } finally {
      if (play.getAttribute('aria-pressed') === 'true') play.click();
    }
    await until(signal, () => play.getAttribute('aria-pressed') === 'false', 10_000);
  }
  await settled(slot, signal);
  // Late snapshots have arrived: each click is now exactly one more step.
  while (stepOf(slot) < goal) {
    const before = stepOf(slot);
    // The working copy is another window: its elements are not this window's HTMLButtonElement.
    const step = play.nextElementSibling as HTMLButtonElement | null;
    if (step?.tagName !== 'BUTTON') break;
    step.click();
    await until(signal, () => stepOf(slot) > before, FIGURE_TIMEOUT_MS);
  }
}

/** Waits until the training step shown has not changed for half a second. */
async function settled(slot: HTMLElement, signal: AbortSignal): Promise<void> {
  let seen = stepOf(slot);
  let since = performance.now();
  await until(
    signal,
    () => {
      if (stepOf(slot) !== seen) [seen, since] = [stepOf(slot), performance.now()];
      return performance.now() - since > 500;
    },
    FIGURE_TIMEOUT_MS,
  );
}
