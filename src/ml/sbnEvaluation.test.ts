import { describe, expect, test } from 'vitest';
import * as tf from './tfjs';
import { runOnCpuBackend } from './testSupport';
import { noiseArray, uniformNoise } from './noise';
import { deriveSeed } from './counterHash';
import { meanAndVariance } from './stats';
import { seed as asSeed } from './types';
import { sbnParamNames, sbnParamShape, type SbnSize } from './sbn';
import { SbnRace } from './sbnRace';
import { logLikelihoodEstimates, sampleOneHot } from './sbnEvaluation';

runOnCpuBackend();

/**
 * A latent space small enough to enumerate: 3 upper and 3 lower pixels, two
 * layers of N = 2 variables (K = 2: 4 values per layer; K = 3: 9), so the
 * exact p(x_lower | x_upper) = Σ_{h₁,h₂} q(h₁|x_u) q(h₂|h₁) p(x_l|h₂) is a sum
 * of 16 or 81 terms, computed here in double precision from the weights alone.
 */
const heldOutImages = [
  [1, 0, 1, 1, 1, 0],
  [0, 0, 0, 0, 0, 1],
  [1, 1, 1, 0, 1, 1],
  [0, 1, 0, 1, 0, 0],
];
const trainImages = Array.from({ length: 8 }, (_, i) =>
  Array.from({ length: 6 }, (_, d) => (i >> (d % 3)) & 1),
);

function tinyRace(classes: number, nllSamples: number) {
  const race = new SbnRace(
    {
      size: { upper: 3, lower: 3, latents: 2, classes },
      lines: ['reinforce', 'gumbel-softmax'],
      batch: 4,
      learningRate: 1e-3,
      seed: asSeed(5),
      schedule: { rate: 0, every: 1, min: 1 },
      nllSamples,
    },
    { train: Uint8Array.from(trainImages.flat()), heldOut: Uint8Array.from(heldOutImages.flat()) },
  );
  // Different, far from uniform weights per copy (N(0, 1.5²)-ish), so a copy mixed up with another fails.
  tf.tidy(() => {
    sbnParamNames.forEach((name, i) => {
      const v = race.params[name];
      const u = uniformNoise(v.shape, deriveSeed(asSeed(99), i));
      v.assign(tf.mul(tf.sub(u, 0.5), 5));
    });
  });
  return race;
}

/** Copy e's weights as plain arrays, by name, row-major [rows × cols]. */
function weightsOf(race: SbnRace, e: number) {
  return Object.fromEntries(
    sbnParamNames.map((n) => [
      n,
      Array.from(tf.tidy(() => tf.slice(race.params[n], [e, 0, 0], [1, -1, -1]).dataSync())),
    ]),
  ) as Record<(typeof sbnParamNames)[number], number[]>;
}

/** Exact E[p(x_l|h₂)] (= p(x_l|x_u)) and E[p(x_l|h₂)²] over h ~ p(h|x_u), by enumeration. */
function exactMoments(w: ReturnType<typeof weightsOf>, image: number[], size: SbnSize) {
  const { latents: n, classes: k } = size;
  const units = n * k;
  const [, cols2] = sbnParamShape(size, 'w2');
  const affine = (input: number[], wt: number[], b: number[], cols: number) =>
    b.map((bias, c) => input.reduce((s, x, r) => s + x * wt[r * cols + c]!, bias));
  const probabilities = (logits: number[]) =>
    Array.from({ length: n }, (_, v) => {
      const row = logits.slice(v * k, v * k + k);
      const max = Math.max(...row);
      const ex = row.map((l) => Math.exp(l - max));
      const z = ex.reduce((a, b) => a + b, 0);
      return ex.map((x) => x / z);
    });
  const values = Array.from({ length: k ** n }, (_, c) =>
    Array.from({ length: n }, (_, v) => Math.floor(c / k ** v) % k),
  );
  const oneHot = (value: number[]) => {
    const h = new Array<number>(units).fill(0);
    value.forEach((cls, v) => (h[v * k + cls] = 1));
    return h;
  };
  const probabilityOf = (q: number[][], value: number[]) =>
    value.reduce((p, cls, v) => p * q[v]![cls]!, 1);
  const upper = image.slice(0, size.upper);
  const lower = image.slice(size.upper);
  const q1 = probabilities(affine(upper, w.w1, w.b1, units));
  let mean = 0;
  let second = 0;
  for (const v1 of values) {
    const q2 = probabilities(affine(oneHot(v1), w.w2, w.b2, cols2));
    for (const v2 of values) {
      const logits = affine(oneHot(v2), w.w3, w.b3, size.lower);
      const likelihood = lower.reduce(
        (p, x, d) => p * (x ? 1 / (1 + Math.exp(-logits[d]!)) : 1 / (1 + Math.exp(logits[d]!))),
        1,
      );
      const weight = probabilityOf(q1, v1) * probabilityOf(q2, v2);
      mean += weight * likelihood;
      second += weight * likelihood ** 2;
    }
  }
  return { mean, second };
}

describe('the SBN held-out NLL', () => {
  test('inverse-CDF samples are one-hot with the class frequencies of their probabilities', () => {
    // 20,000 draws of one variable with p = (0.2, 0.5, 0.3): each frequency within
    // 4 s.e. √(p(1 − p)/20,000) ≤ 0.0036·4 of its probability.
    const draws = 20_000;
    const p = [0.2, 0.5, 0.3];
    const samples = sampleOneHot(
      Float32Array.from(p),
      noiseArray('uniform', draws, asSeed(3)),
      { copies: 1, rows: draws, qRows: 1, latents: 1, classes: 3 },
      () => 0,
    );
    const counts = [0, 1, 2].map((k) => samples.filter((x, i) => x === 1 && i % 3 === k).length);
    expect(counts.reduce((a, b) => a + b)).toBe(draws);
    p.forEach((pk, k) =>
      expect(Math.abs(counts[k]! / draws - pk)).toBeLessThan(
        4 * Math.sqrt((pk * (1 - pk)) / draws),
      ),
    );
  });

  for (const classes of [2, 3])
    test(`K = ${classes}: the likelihood estimate is unbiased: its mean over seeds matches exact marginalization within 4 s.e.`, async () => {
      const race = tinyRace(classes, 10);
      const size = race.config.size;
      // R = 400 independent estimates p̂ = (1/M) Σ_m p(x_l|h₂^m), M = 4, per copy and image:
      // the C held-out images R times over, each with M draws of its own.
      const r = 400;
      const m = 4;
      const c = heldOutImages.length;
      const upper = tf.tensor2d(
        Array.from({ length: r }, () => heldOutImages.map((x) => x.slice(0, 3))).flat(),
      );
      const lower = Float32Array.from(
        Array.from({ length: r }, () => heldOutImages.map((x) => x.slice(3))).flat(2),
      );
      const uniforms = [0, 1].map((layer) =>
        noiseArray('uniform', r * c * m * size.latents, deriveSeed(asSeed(1234), layer)),
      ) as [Float32Array, Float32Array];
      const logP = await logLikelihoodEstimates(race.params, size, upper, lower, uniforms, m);
      upper.dispose();
      const estimates = [0, 1].map((e) =>
        Array.from(logP.subarray(e * r * c, (e + 1) * r * c), Math.exp),
      );
      for (let e = 0; e < 2; e++) {
        const w = weightsOf(race, e);
        heldOutImages.forEach((image, i) => {
          const exact = exactMoments(w, image, size).mean;
          const values = Array.from({ length: r }, (_, run) => estimates[e]![run * c + i]!);
          const { mean, variance } = meanAndVariance(values);
          expect(Math.abs(mean - exact)).toBeLessThan(4 * Math.sqrt(variance / r) + 1e-6);
        });
      }
      race.dispose();
    });

  test('the reported held-out NLL (M = 1,000) matches exact marginalization within its derived error', async () => {
    const samples = 1000;
    const race = tinyRace(3, samples);
    const size = race.config.size;
    const reported = await race.heldOut();
    for (let e = 0; e < 2; e++) {
      const w = weightsOf(race, e);
      // Delta method for −log p̂, p̂ the mean of M iid p(x|h) of squared coefficient of
      // variation cv² = E[p(x|h)²]/p² − 1: bias ≈ cv²/(2M) and variance ≈ cv²/M per image.
      let exact = 0;
      let bias = 0;
      let variance = 0;
      for (const image of heldOutImages) {
        const { mean, second } = exactMoments(w, image, size);
        const cv2 = second / mean ** 2 - 1;
        exact -= Math.log(mean);
        bias += cv2 / (2 * samples);
        variance += cv2 / samples;
      }
      const n = heldOutImages.length;
      expect(Math.abs(reported[e]! - exact / n)).toBeLessThan((bias + 4 * Math.sqrt(variance)) / n);
      // And the estimate is not trivially loose: the error bound itself is small.
      expect((bias + 4 * Math.sqrt(variance)) / n).toBeLessThan(0.2);
    }
    race.dispose();
  });
});
