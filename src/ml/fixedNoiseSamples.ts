/**
 * Relaxed samples over noise held fixed, in plain numbers: the noise is drawn
 * once by the numerics core and read back, then softmax((log π + g)/τ) is
 * recomputed for every τ, so a figure's points glide continuously as τ moves.
 */
import { gumbelNoise } from './noise';
import type { Seed } from './types';

/** Gumbel noise of `shape` from the numerics core, read back once as plain numbers. */
export async function drawnNoise(shape: number[], seed: Seed): Promise<Float32Array> {
  const t = gumbelNoise(shape, seed);
  const values = (await t.data()) as Float32Array;
  t.dispose();
  return values;
}

/**
 * Relaxed samples softmax((log π + g)/τ) for rows of Gumbel noise g (n × k,
 * row-major), written into `out` (n × k). Double-precision maths, float32 out.
 */
export function relaxedSamples(
  logPi: readonly number[],
  noise: Float32Array,
  tau: number,
  out: Float32Array,
) {
  const k = logPi.length;
  const n = noise.length / k;
  for (let r = 0; r < n; r++) {
    let max = -Infinity;
    for (let i = 0; i < k; i++) max = Math.max(max, (logPi[i]! + noise[r * k + i]!) / tau);
    let total = 0;
    for (let i = 0; i < k; i++) {
      const e = Math.exp((logPi[i]! + noise[r * k + i]!) / tau - max);
      out[r * k + i] = e;
      total += e;
    }
    for (let i = 0; i < k; i++) out[r * k + i]! /= total;
  }
  return out;
}
