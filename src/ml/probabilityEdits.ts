/**
 * Editing a probability vector by hand (a figure's bars, a simplex handle):
 * plain numbers, no tensors. Every class keeps at least MIN_P.
 */
import { probabilities, type Probabilities } from './types';

/** No class may have probability 0: log 0 = −∞ would make the bar and the argmax meaningless. */
export const MIN_P = 0.001;

/** Normalizes weights and lifts every class to at least MIN_P (then normalizes again). */
export function normalizeWithFloor(weights: readonly number[]): Probabilities {
  let p = probabilities(weights);
  for (let round = 0; round < 3 && p.some((x) => x < MIN_P); round++) {
    p = probabilities(p.map((x) => Math.max(x, MIN_P)));
  }
  return p;
}

/**
 * Sets class i to `value` and scales the others so the total stays 1. A value
 * outside [MIN_P, 1 − (K−1)·MIN_P] is clamped; NaN is refused (null).
 */
export function setProbability(p: Probabilities, i: number, value: number): Probabilities | null {
  if (!Number.isFinite(value) || i < 0 || i >= p.length) return null;
  const k = p.length;
  const v = Math.min(1 - (k - 1) * MIN_P, Math.max(MIN_P, value));
  const rest = 1 - p[i]!;
  const next = p.map((x, j) => (j === i ? v : rest > 0 ? (x / rest) * (1 - v) : (1 - v) / (k - 1)));
  return normalizeWithFloor(next);
}
