import { useEffect, useSyncExternalStore } from 'react';

/**
 * The channel by which a live figure publishes what it computed, so that a
 * question on its slide (a prediction, `@predict` in the lecture) can be
 * judged by the figure's own numbers, never by an answer written down in
 * advance. A figure publishes under a result key; the question names the key
 * and a few of its choices. Plain data, outside React, like `playing`.
 */

/** Every result a figure publishes: which widget computes it and the choices it measures. */
export const figureResultSpecs = {
  /** The toy lab's probe: the sd of each estimator's one-sample estimates. */
  'lab-spread': {
    widget: 'estimator-lab',
    choices: [
      'reinforce',
      'reinforce-baseline',
      'straight-through',
      'gumbel-softmax',
      'st-gumbel-softmax',
    ],
  },
  /** The temperature sweep: where its simplex samples lie at T = 0.1. */
  'simplex-at-low-t': { widget: 'temperature-sweep', choices: ['vertices', 'between', 'centre'] },
  /** The VAE race: each estimator's held-out −ELBO at each evaluation. */
  'race-held-out': {
    widget: 'vae-race',
    choices: [
      'reinforce',
      'reinforce-baseline',
      'straight-through',
      'gumbel-softmax',
      'st-gumbel-softmax',
    ],
  },
} as const;

export type ResultKey = keyof typeof figureResultSpecs;
export type ResultChoice<K extends ResultKey = ResultKey> =
  (typeof figureResultSpecs)[K]['choices'][number];

export const isResultKey = (key: string): key is ResultKey => Object.hasOwn(figureResultSpecs, key);

/** The values a figure measured at one step (a choice it did not measure is absent). */
export interface ResultPoint {
  step: number;
  values: Partial<Record<string, number>>;
}

export interface FigureResult {
  /** What the values are, as the end of "the lowest …", e.g. "standard deviation of one-sample estimates". */
  measure: string;
  /** Which value wins. */
  best: 'lowest' | 'highest';
  /** How a value is written: fixed digits, or a percentage of a share in [0, 1]. */
  format: { digits: number } | 'percent';
  /** One point, or a history (the race publishes one per evaluation). */
  points: readonly ResultPoint[];
  /** Where the values come from, added to the verdict (e.g. "at the figure's T = 0.5"). */
  context?: string;
}

let results: Partial<Record<ResultKey, FigureResult>> = {};
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export function publishResult(key: ResultKey, result: FigureResult | null) {
  if ((results[key] ?? null) === result) return;
  const next = { ...results };
  if (result) next[key] = result;
  else delete next[key];
  results = next;
  notify();
}

export function getResult(key: ResultKey): FigureResult | null {
  return results[key] ?? null;
}

export function subscribeResults(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The latest result under `key`, or null while the figure has computed nothing. */
export function useFigureResult(key: ResultKey): FigureResult | null {
  return useSyncExternalStore(
    subscribeResults,
    () => getResult(key),
    () => null,
  );
}

/**
 * A widget publishes `result` (memoize it: a new object is a new result) while
 * it is mounted; it is withdrawn when the widget goes away, so a question never
 * judges by numbers no figure shows.
 */
export function usePublishResult(key: ResultKey, result: FigureResult | null) {
  useEffect(() => publishResult(key, result), [key, result]);
  useEffect(() => () => publishResult(key, null), [key]);
}
