/**
 * Trust in the race's gradients (issue 15): for each VAE task, all its
 * estimators race stacked, and the gradient that each step applies to each
 * copy (VaeRace.onGradients) is compared with that estimator's gradient
 * computed alone, one example at a time, from its paper's formula
 * (trust/estimatorFormulas.ts) on a VAE written again in a few lines
 * (trust/oneExampleVae.ts), not through the estimator modules, the stacked
 * model or the race's objective. The test takes from the race only the copy's
 * weights (and learned parameters) before the step; it derives the batch, the
 * step's shared noise, the estimators' own noise streams, τ and the moving
 * baseline itself. So a copy wired to the wrong estimator branch, to another
 * copy's noise or batch, or without its baseline subtracted, fails here.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import * as tf from './tfjs';
import { runOnCpuBackend } from './testSupport';
import { decodeImageSet } from './imageSet';
import { estimatorById, estimators, type EstimatorId } from './estimators/registry';
import { appliesTo } from './estimators/estimator';
import { paramNames, type ParamName, type VaeSize } from './categoricalVae';
import { deriveSeed } from './counterHash';
import { gumbelNoise, uniformNoise } from './noise';
import { MinibatchSchedule } from './minibatches';
import { tasks, type TaskId } from './tasks';
import { seed as asSeed, type Seed } from './types';
import { VaeRace } from './vaeRace';
import {
  copyPart,
  copyValues,
  copyWeights,
  decoderNames,
  encoderLogits,
  encoderNames,
  gradientsIn,
  klToUniform,
  negLogLikelihood,
} from './trust/oneExampleVae';
import { formulas } from './trust/estimatorFormulas';
import { recordSteps, type StepRecord } from './trust/raceRecorder';

runOnCpuBackend();
const digits = decodeImageSet(readFileSync('public/data/digits.bin'));
const PIXELS = 64;
const BATCH = 3;
const STEPS = 3;
const SEED = asSeed(2024);
/** The race's streams of its seed (vaeRace.ts): batches, shared noise, estimators' own randomness. */
const STREAM = { batches: 2, noise: 3, estimators: 4 } as const;
/** τ = exp(−0.3·t), every step, so that τ differs from 1 after step 0 and a wrong τ shows. */
const SCHEDULE = { rate: 0.3, every: 1, min: 0.05 };
const tauAt = (step: number) => Math.max(SCHEDULE.min, Math.exp(-SCHEDULE.rate * step));
/** Slope-annealed ST's slope, a = min(5, 1 + 0.002·t) (its module's documented schedule). */
const slopeAt = (step: number) => Math.min(5, 1 + 0.002 * step);
/** Variance normalization (NVIL): v ← 0.8·v + 0.2·Var_batch(signal), scale = max(1, √v). */
const NORMALIZATION_DECAY = 0.8;
const populationVariance = (v: readonly number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length;
};
/**
 * Agreement: both sides are float32 sums of at most D·H = 1,024 products per
 * weight over a few dozen ops; rounding then stays near 1e-6 of the largest
 * element, so 1e-4 of the largest |gradient| of a parameter (plus 1e-6 for
 * tensors that are all but zero) is a wide margin (measured: at most 1.7e-6
 * over every copy, step and weight), while a baseline not subtracted or with
 * the wrong decay, another copy's noise, another estimator's forward pass or
 * the next step's τ each failed this test when made on purpose.
 */
const RELATIVE = 1e-4;
const ABSOLUTE = 1e-6;

/** Copy e's gradient at one step from its estimator's formula, example by example; and mean f at the fed values. */
function unbatchedGradient(
  id: EstimatorId,
  record: StepRecord,
  e: number,
  size: VaeSize,
  state: { baseline: number; scale: number },
  schedule: MinibatchSchedule,
): { grads: Record<ParamName, Float32Array>; meanF: number; signals: number[] } {
  const formula = formulas[id]!;
  const { latents: n, classes: k } = size;
  const noiseSeed = deriveSeed(SEED, STREAM.noise, record.step);
  const estimatorSeed = deriveSeed(SEED, STREAM.estimators, record.step);
  return tf.tidy(() => {
    const w = copyWeights(record.weights, e);
    const ownState = record.own[e];
    const own = ownState
      ? Object.fromEntries(Object.entries(ownState).map(([name, s]) => [name, copyPart(s, 0)]))
      : null;
    const sums = Object.fromEntries(paramNames.map((p) => [p, tf.zerosLike(w[p])])) as Record<
      ParamName,
      tf.Tensor
    >;
    let fSum = 0;
    const signals: number[] = [];
    Array.from(schedule.indices(record.step)).forEach((image, b) => {
      const x = tf.tensor2d(
        Float32Array.from(digits.train.subarray(image * PIXELS, (image + 1) * PIXELS)),
        [1, PIXELS],
      );
      const logits = encoderLogits(w, x, n, k);
      // Example b's slice [N, K] of a stream shaped [draws, B, N, K]: element offset (d·B + b)·N·K.
      const slice = (kind: 'gumbel' | 'uniform', s: Seed, d: number) =>
        (kind === 'gumbel' ? gumbelNoise : uniformNoise)([n, k], s, (d * BATCH + b) * n * k);
      const f = (z: tf.Tensor) => negLogLikelihood(w, x, z);
      const r = formula({
        logits,
        noise: slice('gumbel', noiseSeed, 0),
        tau: tauAt(record.step),
        baseline: state.baseline,
        scale: state.scale,
        slope: slopeAt(record.step),
        f,
        ownNoise: (kind, count, stream) =>
          Array.from({ length: count }, (_, d) =>
            slice(kind, deriveSeed(estimatorSeed, stream), d),
          ),
        own,
      });
      fSum += f(r.fed).dataSync()[0]!;
      signals.push(...(r.signal ?? []));
      // The encoder gets ĝ plus the KL term's exact gradient, through the logits.
      const g = tf.add(r.logits, tf.grad(klToUniform)(logits));
      const encoder = gradientsIn(w, encoderNames, (p) =>
        tf.sum(tf.mul(encoderLogits(p, x, n, k), g)),
      );
      for (const name of encoderNames) sums[name] = tf.add(sums[name], encoder[name]);
      for (const { value, weight } of r.decoderAt) {
        const decoder = gradientsIn(w, decoderNames, (p) => negLogLikelihood(p, x, value));
        for (const name of decoderNames)
          sums[name] = tf.add(sums[name], tf.mul(decoder[name], weight));
      }
    });
    const grads = Object.fromEntries(
      paramNames.map((p) => [p, tf.div(sums[p], BATCH).dataSync() as Float32Array]),
    ) as Record<ParamName, Float32Array>;
    return { grads, meanF: fSum / BATCH, signals };
  });
}

function expectClose(actual: Float32Array, expected: Float32Array, what: string) {
  expect(actual.length, what).toBe(expected.length);
  const scale = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let worst = 0;
  actual.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - expected[i]!))));
  expect(
    worst,
    `${what}: largest difference (largest |g| ${scale.toExponential(2)})`,
  ).toBeLessThanOrEqual(RELATIVE * scale + ABSOLUTE);
}

const vaeTasks: TaskId[] = ['vae-categorical', 'vae-bernoulli'];
/** Whether an estimator offers variance normalization (the field arrives with the paper's estimators). */
const normalizes = (e: object) => (e as { normalization?: unknown }).normalization !== undefined;
const cases = vaeTasks.flatMap((task) => [
  { task, normalization: false },
  { task, normalization: true },
]);

describe.each(cases)(
  '$task, variance normalization $normalization: each copy of the stacked race applies its estimator’s own gradient',
  ({ task, normalization }) => {
    const size: VaeSize = {
      pixels: PIXELS,
      hidden: 16,
      latents: tasks[task].latents,
      classes: tasks[task].classes,
    };
    const lines = estimators
      .filter((e) => appliesTo(e, size.classes) && (!normalization || normalizes(e)))
      .map((e) => e.id);
    let records: StepRecord[] = [];

    beforeAll(async () => {
      if (lines.length === 0) return;
      // lr 0.02: large enough that the weights of step 2 differ visibly from step 0's.
      const race = new VaeRace(
        {
          size,
          lines,
          batch: BATCH,
          learningRate: 0.02,
          seed: SEED,
          schedule: SCHEDULE,
          ...(normalization ? { varianceNormalization: true } : {}),
        },
        digits,
      );
      // With normalization on, a decoder 8× as steep makes f depend strongly on z, so that every
      // copy's signal variance passes 1 and its scale max(1, √v) is more than 1 by step 2.
      if (normalization)
        tf.tidy(() => race.params.decoderW2.assign(tf.mul(race.params.decoderW2, 8)));
      records = recordSteps(race);
      await race.trainSteps(STEPS);
      race.dispose();
    });

    test.each(lines)('%s', (id) => {
      expect(formulas[id], `add '${id}' to src/ml/trust/estimatorFormulas.ts`).toBeDefined();
      const e = lines.indexOf(id);
      const schedule = new MinibatchSchedule(
        digits.train.length / PIXELS,
        BATCH,
        deriveSeed(SEED, STREAM.batches),
      );
      const decay = estimatorById(id).baseline?.decay ?? 1;
      let baseline = 0;
      let variance = 0;
      let largestScale = 1;
      expect(records.map((r) => r.step)).toEqual([0, 1, 2]);
      for (const record of records) {
        const scale = normalization ? Math.max(1, Math.sqrt(variance)) : 1;
        largestScale = Math.max(largestScale, scale);
        const { grads, meanF, signals } = unbatchedGradient(
          id,
          record,
          e,
          size,
          { baseline, scale },
          schedule,
        );
        for (const name of paramNames) {
          expectClose(
            copyValues(record.grads![name], e),
            grads[name],
            `step ${record.step}, ${name}`,
          );
        }
        baseline = decay * baseline + (1 - decay) * meanF;
        if (signals.length > 0)
          variance =
            NORMALIZATION_DECAY * variance +
            (1 - NORMALIZATION_DECAY) * populationVariance(signals);
      }
      if (normalization) expect(largestScale, 'the scale took part').toBeGreaterThan(1.05);
    });
  },
);
