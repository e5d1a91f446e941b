/**
 * Closed forms for checks and overlays, in double precision (no tensors):
 * the Gumbel(0, 1) distribution and the Gumbel-Softmax (Concrete) density.
 */
import type { Probabilities, Temperature } from './types';

export const EULER_GAMMA = 0.5772156649015329;
export const GUMBEL_VARIANCE = Math.PI ** 2 / 6;

/** Gumbel(0, 1) cdf exp(−e^{−x}). */
export const gumbelCdf = (x: number): number => Math.exp(-Math.exp(-x));

/** Gumbel(0, 1) pdf exp(−(x + e^{−x})). */
export const gumbelPdf = (x: number): number => Math.exp(-(x + Math.exp(-x)));

/** log Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 correct digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log Σ exp(xᵢ), stable. */
export function logSumExp(xs: readonly number[]): number {
  const max = Math.max(...xs);
  if (max === -Infinity) return -Infinity;
  let total = 0;
  for (const x of xs) total += Math.exp(x - max);
  return max + Math.log(total);
}

/**
 * Log density of the Gumbel-Softmax (Concrete) distribution with class
 * probabilities π and temperature τ at a point y of the open simplex, with
 * respect to Lebesgue measure on (y₁ … y_{k−1}):
 *   log Γ(k) + (k−1) log τ − k log Σᵢ πᵢ yᵢ^{−τ} + Σᵢ (log πᵢ − (τ+1) log yᵢ).
 * Computed in log space (the sum with log-sum-exp), so it stays finite near
 * the vertices where yᵢ^{−τ} overflows.
 */
export function concreteLogDensity(
  y: readonly number[],
  pi: Probabilities,
  tau: Temperature,
): number {
  const k = y.length;
  if (pi.length !== k) throw new RangeError('y and π must have the same length');
  const logY = y.map(Math.log);
  const logPi = pi.map(Math.log);
  const inner = logSumExp(logPi.map((lp, i) => lp - tau * logY[i]!));
  let sum = 0;
  for (let i = 0; i < k; i++) sum += logPi[i]! - (tau + 1) * logY[i]!;
  return logGamma(k) + (k - 1) * Math.log(tau) - k * inner + sum;
}

/**
 * The cdf of y₁ for two classes: y₁ = σ((log π₁/π₂ + g₁ − g₂)/τ) and g₁ − g₂ is
 * standard logistic, so P(y₁ ≤ x) = σ(τ·logit(x) − log(π₁/π₂)).
 */
export function binaryConcreteCdf(x: number, pi: Probabilities, tau: Temperature): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = tau * (Math.log(x) - Math.log1p(-x)) - (Math.log(pi[0]!) - Math.log(pi[1]!));
  return 1 / (1 + Math.exp(-z));
}
