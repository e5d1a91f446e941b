/**
 * The lab's tensor work: one training step's estimate (the many
 * single-sample estimates for the histograms live in ml/estimators/). Plain
 * numbers in and out; every tensor is freed before returning.
 */
import * as tf from './tfjs';
import { estimatorSurrogate, estimatorVariance } from './estimators/surrogate';
import type { LearnedState } from './estimators/learnedState';
import type { EstimatorId } from './estimators/registry';
import type { Seed, Temperature } from './types';
import type { ToyProblem } from './toyProblems';
import { unpackedOnWebgl } from './webglLayout';

export { singleSampleEstimates, type EstimateOptions } from './estimators/singleSampleEstimates';

export interface StepRequest {
  name: EstimatorId;
  logits: readonly number[];
  baseline: number;
  /** The line's learned parameters, for estimators that declare them (REBAR, RELAX). */
  learned?: LearnedState;
  /** Slope-annealed ST's slope a at this step (`annealedSlope`); absent: 1. */
  slope?: number;
}

/**
 * One training step for several estimators at once: each gets the mean of its
 * estimates from `samples` samples at its own logits, with the same noise (seed).
 * All gradients come back in one readback, which matters on WebGL, where every
 * readback waits for the GPU. Returns, per request, the gradient (length K) and
 * the mean of f over the samples.
 */
export async function stepEstimates(
  requests: readonly StepRequest[],
  problem: ToyProblem,
  samples: number,
  tau: Temperature,
  seed: Seed,
): Promise<{ gradient: number[]; meanF: number }[]> {
  if (requests.length === 0) return [];
  const k = problem.k;
  // Unpacked on webgl (webglLayout.ts): the step's numbers (τ, the baseline, the
  // mean's divisor) go to the GPU as uniforms, not as a texture upload each.
  const packed = unpackedOnWebgl(() =>
    tf.tidy(() => {
      const parts = requests.map((request) => {
        let meanF: tf.Tensor | null = null;
        const surrogate = (l: tf.Tensor) => {
          const out = estimatorSurrogate(request.name, {
            logits: tf.tile(tf.expandDims(l, 0), [samples, 1]),
            f: problem.f,
            temperature: tau,
            seed,
            baseline: { kind: 'value', value: request.baseline },
            ...(request.learned ? { own: request.learned.own } : {}),
            ...(request.slope === undefined ? {} : { slope: request.slope }),
          });
          // Kept: tf.grad frees what its function made, and this is needed after it.
          meanF = tf.keep(tf.reshape(tf.mean(out.value), [1]));
          return out.surrogate;
        };
        const gradient = tf.grad(surrogate)(tf.tensor1d(request.logits as number[]));
        const part = tf.concat([gradient, meanF!]);
        meanF!.dispose();
        return part;
      });
      return tf.concat(parts);
    }),
  );
  const values = await packed.data();
  packed.dispose();
  return requests.map((_, r) => ({
    gradient: Array.from(values.slice(r * (k + 1), r * (k + 1) + k)),
    meanF: values[r * (k + 1) + k]!,
  }));
}

/**
 * After a step is applied: one Adam step of each request's learned parameters
 * on its estimator's variance (‖ĝ‖² over the same samples and noise as the
 * step). Requests without learned parameters are skipped; every tensor is freed.
 */
export function trainLearned(
  requests: readonly StepRequest[],
  problem: ToyProblem,
  samples: number,
  tau: Temperature,
  seed: Seed,
): void {
  for (const request of requests) {
    const learned = request.learned;
    if (!learned) continue;
    // Unpacked on webgl, as stepEstimates.
    unpackedOnWebgl(() =>
      learned.step(() =>
        estimatorVariance(request.name, {
          logits: tf.tile(tf.tensor2d([request.logits as number[]]), [samples, 1]),
          f: problem.f,
          temperature: tau,
          seed,
          own: learned.own,
        }),
      ),
    );
  }
}

export interface Moments {
  /** The mean estimate, length K. */
  mean: number[];
  /** ‖mean − exact‖. */
  bias: number;
  /** √(E‖ĝ − mean‖²): the spread of one estimate. */
  sd: number;
  /** ‖mean‖ / sd. */
  snr: number;
}

/** Summaries of `rows` estimates [rows × K] against the exact gradient. */
export function moments(estimates: Float32Array, exactGradient: readonly number[]): Moments {
  const k = exactGradient.length;
  const rows = estimates.length / k;
  const mean = new Array<number>(k).fill(0);
  for (let r = 0; r < rows; r++)
    for (let i = 0; i < k; i++) mean[i]! += estimates[r * k + i]! / rows;
  let ss = 0;
  for (let r = 0; r < rows; r++)
    for (let i = 0; i < k; i++) ss += (estimates[r * k + i]! - mean[i]!) ** 2;
  const sd = Math.sqrt(ss / Math.max(rows - 1, 1));
  const norm = (v: number[]) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  const bias = norm(mean.map((m, i) => m - exactGradient[i]!));
  return { mean, bias, sd, snr: sd > 0 ? norm(mean) / sd : Infinity };
}
