/**
 * The prepared handout of this tab: static copies of every live figure at
 * every page the lecturer chose. Kept for the session (in memory, and in
 * sessionStorage when it fits, so a reload keeps it), read by the print view.
 */
import { useSyncExternalStore } from 'react';
import type { Position } from '../../deck/navigation';
import type { Slide } from '../../deck/types';

/** Which steps of each slide the handout prints. */
export type HandoutSteps = 'all' | 'last';

/** Training steps the training figures are computed for in the handout (default seed, link settings). */
export const HANDOUT_TRAINING_STEPS = {
  'estimator-lab': 300,
  'vae-race': 100,
  'paper-table': 100,
} as const;

export interface Handout {
  steps: HandoutSteps;
  /** The pages in print order. */
  pages: Position[];
  /** A picture of each figure (a standalone SVG with styles inlined), by `figureKey`. */
  figures: Record<string, string>;
  /** The link's widget settings (the hash after `?`) the figures were computed with. */
  settings: string;
}

/** Where a figure sits: slide, step and the widget's block on the slide. */
export const figureKey = (slide: number, step: number, block: number) =>
  `${slide}/${step}/${block}`;

/**
 * Figures whose view changes with the slide's step rather than adding to it:
 * the race shows its curves at its first step and the paper's table at the
 * next, so the last step alone would leave the curves out of a handout.
 */
const VIEW_PER_STEP: ReadonlySet<string> = new Set(['vae-race', 'paper-table']);

/**
 * The pages of a handout: every step of every slide, or the last step of each
 * (and, on a slide with a figure whose view changes by step, each step from
 * the figure's first, so that no view is left out: `firstViewStep[slide]`).
 */
export function handoutPages(
  stepCounts: readonly number[],
  steps: HandoutSteps,
  firstViewStep: readonly (number | null)[] = [],
): Position[] {
  return stepCounts.flatMap((count, slide) => {
    const from = steps === 'all' ? 0 : (firstViewStep[slide] ?? count - 1);
    return Array.from({ length: count - from }, (_, i) => ({ slide, step: from + i }));
  });
}

/** The pages of a handout of these slides (see handoutPages). */
export function handoutPagesOf(slides: readonly Slide[], steps: HandoutSteps): Position[] {
  const firstViewStep = slides.map((s) => {
    const stepped = s.blocks.filter((b) => b.kind === 'widget' && VIEW_PER_STEP.has(b.name));
    return stepped.length > 0 ? Math.min(...stepped.map((b) => b.step)) : null;
  });
  return handoutPages(
    slides.map((s) => s.steps),
    steps,
    firstViewStep,
  );
}

const STORAGE_KEY = 'gsx.handout';
let current: Handout | null = load();
const listeners = new Set<() => void>();

function load(): Handout | null {
  try {
    const text = window.sessionStorage.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as Handout) : null;
  } catch {
    return null;
  }
}

export function getHandout(): Handout | null {
  return current;
}

/** Keeps a prepared handout (or forgets it, with null) and tells the print view. */
export function setHandout(handout: Handout | null) {
  current = handout;
  try {
    if (handout) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(handout));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Too large for sessionStorage (or no storage): kept until the tab reloads.
    try {
      window.sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // No storage at all.
    }
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHandout(): Handout | null {
  return useSyncExternalStore(subscribe, getHandout, () => null);
}

/** Whether speaker notes print: `?print-notes` before the `#`, or the dialog's checkbox. */
let notesChosen: boolean | null = null;
const notesListeners = new Set<() => void>();
export function printNotes(): boolean {
  return notesChosen ?? new URLSearchParams(window.location.search).has('print-notes');
}
export function setPrintNotes(value: boolean) {
  notesChosen = value;
  notesListeners.forEach((listener) => listener());
}
export function usePrintNotes(): boolean {
  return useSyncExternalStore(
    (listener) => {
      notesListeners.add(listener);
      return () => notesListeners.delete(listener);
    },
    printNotes,
    () => false,
  );
}
