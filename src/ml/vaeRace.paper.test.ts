/**
 * The paper's estimators the lecture does not teach (DARN, MuProp,
 * slope-annealed ST) in the stacked VAE race, and variance normalization of
 * the learning signal (off by default; the golden tests pin the race without it).
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import * as tf from './tfjs';
import { expectNoLeak, runOnCpuBackend } from './testSupport';
import { decodeImageSet } from './imageSet';
import { paramNames } from './categoricalVae';
import { VaeRace, type RaceConfig } from './vaeRace';
import type { RaceLine } from './vaeObjective';
import { seed as asSeed } from './types';
import { meanAndVariance } from './stats';

runOnCpuBackend();
const digits = decodeImageSet(readFileSync('public/data/digits.bin'));

function race(lines: readonly RaceLine[], patch: Partial<RaceConfig> = {}) {
  return new VaeRace(
    {
      size: { pixels: 64, hidden: 16, latents: 2, classes: 3 },
      lines,
      batch: 16,
      learningRate: 1e-2,
      seed: asSeed(7),
      schedule: { rate: 5e-4, every: 100, min: 0.5 },
      ...patch,
    },
    digits,
  );
}

/** Copy e's weights, every parameter flattened into one array. */
async function copyWeights(r: VaeRace, e: number): Promise<number[]> {
  const parts = await Promise.all(
    paramNames.map((n) => tf.slice(r.params[n], [e, 0, 0], [1, -1, -1]).data()),
  );
  return parts.flatMap((p) => Array.from(p));
}

describe("the VAE race with the paper's estimators", () => {
  test('DARN, MuProp and slope-annealed ST race without tensor growth, each lowering its training −ELBO', async () => {
    // As the race test of RLOO, Gumbel-Rao and ReinMax: Adam at 1e-2, batches
    // of 16, 600 steps; the mean training −ELBO over the first 50 steps against
    // the last 50. Each mean is over 50 fresh batches and noise draws, so its
    // standard error is about sd/√50 (a trend inside a window only inflates sd:
    // conservative). A copy must fall by 4 combined standard errors; a copy
    // whose encoder got a wrong gradient would drift, a NaN one would stop.
    const lines = ['reinforce', 'darn', 'muprop', 'annealed-st'] as const;
    const r = race(lines);
    const first = await r.trainSteps(50);
    await expectNoLeak(() => r.trainSteps(100), 4);
    const last = await r.trainSteps(50);
    expect(r.step).toBe(600);
    for (const line of lines.slice(1)) {
      const e = lines.indexOf(line);
      const a = meanAndVariance(first.negElbo[e]!);
      const b = meanAndVariance(last.negElbo[e]!);
      const se = Math.sqrt((a.variance + b.variance) / 50);
      expect(b.mean, line).toBeLessThan(a.mean - 4 * se);
    }
    r.dispose();
  }, 180_000);

  test('variance normalization divides only the copies that offer it, from a running variance that starts at 0', async () => {
    const lines = ['reinforce', 'muprop', 'gumbel-softmax'] as const;
    const off = race(lines);
    const on = race(lines, { varianceNormalization: true });
    expect(off.normalization).toBeNull();
    // Step 1: v = 0, so the scale max(1, √v) is 1 and both races take the same
    // step; step 2 too, as v = 0.2·Var(signal) is still below 1 here (SF's signal
    // is −log p(x|z), whose variance over these 16 digits is ~5 nats²).
    await off.trainSteps(2);
    await on.trainSteps(2);
    for (let e = 0; e < lines.length; e++)
      expect(await copyWeights(on, e)).toEqual(await copyWeights(off, e));
    // After two steps v = 0.8·0.2·Var₁ + 0.2·Var₂: positive for SF and MuProp, and
    // 0 for Gumbel-Softmax (no learning signal); √v > 1 for SF, so step 3 differs.
    const v = await on.normalization!.values();
    expect(v[0]).toBeGreaterThan(1);
    expect(v[1]).toBeGreaterThan(0);
    expect(v[2]).toBe(0);
    await off.trainSteps(1);
    await on.trainSteps(1);
    expect(await copyWeights(on, 0)).not.toEqual(await copyWeights(off, 0));
    expect(await copyWeights(on, 2)).toEqual(await copyWeights(off, 2));
    await expectNoLeak(() => on.trainSteps(1), 2);
    off.dispose();
    on.dispose();
  }, 120_000);
});
