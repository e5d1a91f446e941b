/**
 * The race's VAE in plain JavaScript numbers (double precision, no tfjs), for
 * checking the reported held-out numbers against an independent computation:
 * one copy's encoder logits, −log p(x | z), KL(q ‖ uniform), and the exact
 * −ELBO by enumerating all K^N latent values.
 */
import type { ParamName } from '../categoricalVae';

/** One copy's weights as row-major numbers, with their [rows, cols]. */
export type PlainWeights = Record<
  ParamName,
  { values: ArrayLike<number>; rows: number; cols: number }
>;

/** v [rows] times W [rows, cols] plus bias [cols]: [cols]. */
function dense(v: readonly number[], w: PlainWeights[ParamName], b: PlainWeights[ParamName]) {
  const out = Array.from({ length: w.cols }, (_, j) => b.values[j]!);
  for (let i = 0; i < w.rows; i++) {
    if (v[i] === 0) continue;
    for (let j = 0; j < w.cols; j++) out[j]! += v[i]! * w.values[i * w.cols + j]!;
  }
  return out;
}
const relu = (v: number[]) => v.map((a) => Math.max(0, a));
const softplus = (a: number) => Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));

/** Latent logits of image x [D], as N rows of K. */
export function plainLogits(w: PlainWeights, x: readonly number[], classes: number): number[][] {
  const flat = dense(relu(dense(x, w.encoderW1, w.encoderB1)), w.encoderW2, w.encoderB2);
  return Array.from({ length: flat.length / classes }, (_, n) =>
    flat.slice(n * classes, (n + 1) * classes),
  );
}

/** log softmax of each row. */
export function logSoftmaxRows(logits: number[][]): number[][] {
  return logits.map((row) => {
    const max = Math.max(...row);
    const lse = max + Math.log(row.reduce((s, l) => s + Math.exp(l - max), 0));
    return row.map((l) => l - lse);
  });
}

/** −log p(x | z) for z given as one class per latent variable. */
export function plainNll(
  w: PlainWeights,
  x: readonly number[],
  classes: readonly number[],
  k: number,
): number {
  const z = new Array<number>(classes.length * k).fill(0);
  classes.forEach((c, n) => (z[n * k + c] = 1));
  const a = dense(relu(dense(z, w.decoderW1, w.decoderB1)), w.decoderW2, w.decoderB2);
  return a.reduce((s, ad, d) => s + softplus(ad) - x[d]! * ad, 0);
}

/** KL(q ‖ uniform) = Σ_n Σ_k q (log q + log K). */
export const plainKl = (logQ: number[][]): number =>
  logQ.reduce(
    (s, row) => s + row.reduce((t, lq) => t + Math.exp(lq) * (lq + Math.log(row.length)), 0),
    0,
  );

/** Every joint latent value as one class per variable (K^N of them). */
export function allClassTuples(latents: number, k: number): number[][] {
  let tuples: number[][] = [[]];
  for (let n = 0; n < latents; n++) tuples = tuples.flatMap((t) => range(k).map((c) => [...t, c]));
  return tuples;
}
const range = (k: number) => Array.from({ length: k }, (_, i) => i);

/**
 * For image x: the exact −ELBO = Σ_z q(z|x)·(−log p(x|z)) + KL, and the
 * variance over z ~ q of the one-sample estimate −log p(x|z) + KL (KL is fixed).
 */
export function exactNegElbo(
  w: PlainWeights,
  x: readonly number[],
  latents: number,
  k: number,
): { negElbo: number; variance: number } {
  const logQ = logSoftmaxRows(plainLogits(w, x, k));
  let mean = 0;
  let square = 0;
  for (const tuple of allClassTuples(latents, k)) {
    const q = Math.exp(tuple.reduce((s, c, n) => s + logQ[n]![c]!, 0));
    const f = plainNll(w, x, tuple, k);
    mean += q * f;
    square += q * f * f;
  }
  return { negElbo: mean + plainKl(logQ), variance: square - mean * mean };
}
