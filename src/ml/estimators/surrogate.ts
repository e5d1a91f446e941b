/**
 * An estimator on a toy objective E_z[f(z)]: draws the Gumbel noise from a
 * seed, feeds f the estimator's sample and returns the mean surrogate. All
 * estimators called with the same seed on logits of the same shape draw the
 * same noise, so every one-hot estimator sees the very same discrete sample.
 */
import * as tf from '../tfjs';
import { gumbelNoise } from '../noise';
import type { Seed, Temperature } from '../types';
import { estimatorById, type EstimatorId } from './registry';

/**
 * What a baseline is, for estimators that read one: a number, e.g. a moving
 * average of f kept by the caller. (Baselines from other samples of the same
 * example belong to their estimator: RLOO's leave-one-out mean is in rloo.ts.)
 */
export type Baseline = { kind: 'value'; value: number };

export interface EstimatorInput {
  /** [B, ..., K] unnormalized log-probabilities. */
  logits: tf.Tensor;
  /** The objective, one value per row: [B, ..., K] → [B]. */
  f: (z: tf.Tensor) => tf.Tensor;
  /** τ for the relaxed estimators (ignored by the others). */
  temperature: Temperature;
  seed: Seed;
  /** Read only by estimators that declare a baseline; 0 without it. */
  baseline?: Baseline;
}

export interface EstimatorOutput {
  /** A scalar whose gradient is the estimator's gradient of mean_B f. */
  surrogate: tf.Scalar;
  /** f at the sample (relaxed for Gumbel-Softmax), [B]. */
  value: tf.Tensor1D;
}

/**
 * The surrogate loss of estimator `id` on E[f]. Call it inside `tf.grad` or
 * `tf.variableGrads`; its tensors are the caller's to dispose (use `tf.tidy`).
 */
export function estimatorSurrogate(id: EstimatorId, input: EstimatorInput): EstimatorOutput {
  const estimator = estimatorById(id);
  const { logits, temperature, seed, f } = input;
  const noise = gumbelNoise(logits.shape, seed);
  const sampleInput = { logits, noise, temperature, seed };
  const sample = estimator.forward(sampleInput);
  const value = f(sample) as tf.Tensor1D;
  const baseline = estimator.baseline ? (input.baseline?.value ?? 0) : 0;
  const perRow = estimator.surrogate({
    ...sampleInput,
    sample,
    loss: value,
    baseline,
    downstream: f,
  });
  return { surrogate: tf.mean(perRow) as tf.Scalar, value };
}
