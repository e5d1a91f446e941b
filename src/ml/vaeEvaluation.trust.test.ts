/**
 * Trust in the race's reported held-out numbers (issue 15): the held-out
 * −ELBO that VaeRace.evaluate reports (what TaskRace.heldOut returns for the
 * VAE tasks) against an independent computation in plain JavaScript numbers
 * (trust/plainVae.ts): its KL term against the closed form, and on latent
 * spaces small enough to enumerate, its mean over many noise seeds against
 * the exact −ELBO.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import * as tf from './tfjs';
import { runOnCpuBackend } from './testSupport';
import { decodeImageSet } from './imageSet';
import { paramNames, paramShape, type ParamName, type VaeSize } from './categoricalVae';
import { tasks, type TaskId } from './tasks';
import { seed as asSeed } from './types';
import { VaeRace } from './vaeRace';
import type { RaceLine } from './vaeObjective';
import {
  exactNegElbo,
  logSoftmaxRows,
  plainKl,
  plainLogits,
  plainNll,
  type PlainWeights,
} from './trust/plainVae';

runOnCpuBackend();
const digits = decodeImageSet(readFileSync('public/data/digits.bin'));
const PIXELS = 64;
const schedule = { rate: 5e-4, every: 100, min: 0.5 };

function makeRace(size: VaeSize, lines: readonly RaceLine[], seed: number, heldOut: Uint8Array) {
  return new VaeRace(
    { size, lines, batch: 8, learningRate: 1e-3, seed: asSeed(seed), schedule },
    { train: digits.train, heldOut },
  );
}

/** Per copy, its weights as plain numbers. */
function readWeights(race: VaeRace, size: VaeSize): PlainWeights[] {
  return race.lines.map((_, e) => {
    const w = {} as PlainWeights;
    for (const name of paramNames) {
      const [rows, cols] = paramShape(size, name);
      const all = race.params[name].dataSync();
      w[name] = {
        values: Array.from(all.subarray(e * rows * cols, (e + 1) * rows * cols)),
        rows,
        cols,
      };
    }
    return w;
  });
}

/** Sets every copy's weights (the race's params are [E, rows, cols]). */
function writeWeights(race: VaeRace, weights: readonly PlainWeights[]) {
  for (const name of paramNames)
    tf.tidy(() =>
      race.params[name].assign(
        tf.tensor(
          weights.flatMap((w) => Array.from(w[name].values)),
          race.params[name].shape,
        ),
      ),
    );
}

const withValues = (
  w: PlainWeights,
  name: ParamName,
  f: (v: number, i: number) => number,
): PlainWeights => ({
  ...w,
  [name]: { ...w[name], values: Array.from(w[name].values, f) },
});
const images = (bytes: Uint8Array) =>
  Array.from({ length: bytes.length / PIXELS }, (_, i) =>
    Array.from(bytes.subarray(i * PIXELS, (i + 1) * PIXELS)),
  );
const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;

const vaeTasks: TaskId[] = ['vae-categorical', 'vae-bernoulli'];

describe.each(vaeTasks)('%s: the reported held-out −ELBO', (task) => {
  const { latents: n, classes: k } = tasks[task];
  const size: VaeSize = { pixels: PIXELS, hidden: 16, latents: n, classes: k };

  test('has the closed-form KL: 0 at uniform logits, N log K at one-hot, Σ q log(qK) in between', async () => {
    const race = makeRace(
      size,
      ['reinforce', 'straight-through', 'gumbel-softmax'],
      5,
      digits.heldOut,
    );
    // A decoder that ignores z (V₁ = 0, a fixed hidden bias), so the reconstruction term is the
    // same for every sample and known here; the three copies differ only in their encoders.
    const decoder = (w: PlainWeights) =>
      withValues(
        withValues(w, 'decoderW1', () => 0),
        'decoderB1',
        (_, j) => 0.3 * Math.sin(j + 1),
      );
    const [w0, w1, w2] = readWeights(race, size).map(decoder) as [
      PlainWeights,
      PlainWeights,
      PlainWeights,
    ];
    const uniform = withValues(
      withValues(w0, 'encoderW2', () => 0),
      'encoderB2',
      () => 0,
    );
    // Logit 60 on one class per variable: q of the others is e^−60, KL = N log K to 1e-24.
    const oneHot = withValues(
      withValues(w1, 'encoderW2', () => 0),
      'encoderB2',
      (_, i) => (i % k === Math.floor(i / k) % k ? 60 : 0),
    );
    const peaked = withValues(w2, 'encoderW2', (v) => 5 * v);
    writeWeights(race, [uniform, oneHot, peaked]);
    const reported = (await race.evaluate(0)).negElbo;
    race.dispose();

    const xs = images(digits.heldOut);
    const zeros = new Array<number>(n).fill(0);
    const reconstruction = mean(xs.map((x) => plainNll(uniform, x, zeros, k)));
    const kl = [
      0,
      n * Math.log(k),
      mean(xs.map((x) => plainKl(logSoftmaxRows(plainLogits(peaked, x, k))))),
    ];
    // Float32 sums of ~10² images of ~40 nats each: rounding ≲ 1e-5 nats per image; 1e-3 is
    // a wide margin, far below a KL off by a term (log 2 ≈ 0.69 nats and more).
    reported.forEach((value, e) =>
      expect(Math.abs(value - reconstruction - kl[e]!), `copy ${e}`).toBeLessThan(1e-3),
    );
    expect(kl[2]).toBeGreaterThan(0.5); // the peaked copy's KL is far from both ends
    expect(kl[2]).toBeLessThan(n * Math.log(k) - 0.5);
  });
});

/**
 * Tiny latent spaces (K^N = 9 and 8 values) where the exact −ELBO can be
 * enumerated. Each held-out image is repeated R times: every repeat gets its
 * own evaluation noise, so the reported mean is a mean over many one-hot
 * samples; and S race seeds give S independent noise streams. Measured at
 * these seeds: |mean − exact| is 0.02 to 0.64 standard errors; evaluating
 * without the noise, with the relaxed sample, or with a KL missing its log K
 * each failed it when made on purpose.
 */
describe.each([
  { latents: 2, classes: 3 },
  { latents: 3, classes: 2 },
])('held-out −ELBO with N = $latents, K = $classes', ({ latents, classes }) => {
  const size: VaeSize = { pixels: PIXELS, hidden: 16, latents, classes };
  const chosen = images(digits.heldOut).slice(0, 4);
  const R = 500;
  const SEEDS = 8;
  const heldOut = Uint8Array.from(chosen.flatMap((x) => new Array<number[]>(R).fill(x).flat()));

  test('its mean over noise seeds is the exact −ELBO by enumeration, within 4 standard errors', async () => {
    let weights: PlainWeights[] = [];
    const reports: number[][] = [];
    for (let s = 0; s < SEEDS; s++) {
      const race = makeRace(size, ['reinforce', 'st-gumbel-softmax'], 2017 + s, heldOut);
      if (s === 0) {
        // Two copies with different, sharper encoders and decoders, so that q is far from
        // uniform and f varies with z: the per-copy numbers must each be their own.
        const [a, b] = readWeights(race, size) as [PlainWeights, PlainWeights];
        const sharpen = (w: PlainWeights, enc: number) =>
          withValues(
            withValues(w, 'encoderW2', (v) => enc * v),
            'decoderW2',
            (v) => 3 * v,
          );
        weights = [sharpen(a, 4), sharpen(b, -3)];
      }
      writeWeights(race, weights);
      reports.push((await race.evaluate(0)).negElbo);
      race.dispose();
    }
    weights.forEach((w, e) => {
      const exact = chosen.map((x) => exactNegElbo(w, x, latents, classes));
      const target = mean(exact.map((v) => v.negElbo));
      const observed = mean(reports.map((r) => r[e]!));
      // The overall mean weighs each image equally; each image has S·R independent one-hot
      // samples, so Var = Σ_i Var_i / (S·R·I²) for I images, Var_i its exact variance over z.
      const se = Math.sqrt(
        exact.reduce((t, v) => t + v.variance, 0) / (SEEDS * R * chosen.length ** 2),
      );
      expect(se, 'the estimate is random (its variance is not 0)').toBeGreaterThan(1e-3);
      expect(
        Math.abs(observed - target),
        `copy ${e}: ${observed} vs exact ${target}, s.e. ${se}`,
      ).toBeLessThan(4 * se);
    });
    // The seeds' noise differs: their reports are not all equal.
    expect(new Set(reports.map((r) => r[0])).size).toBeGreaterThan(1);
  });
});
