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
  /** The estimator's learned parameters (required by those that declare `learned`). */
  own?: Readonly<Record<string, tf.Tensor>>;
  /** Slope-annealed ST's slope a (SampleInput.slope); absent: 1. */
  slope?: number;
  /** Variance normalization's divisor of the learning signal (SurrogateInput.scale); absent: off. */
  scale?: number;
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
  const { estimator, surrogateInput } = prepare(id, input);
  const perRow = estimator.surrogate(surrogateInput);
  return { surrogate: tf.mean(perRow) as tf.Scalar, value: surrogateInput.loss as tf.Tensor1D };
}

/**
 * The mean over rows of ‖ĝ‖² for an estimator with learned parameters, at the
 * same noise as `estimatorSurrogate` with this input: its gradient in `own`
 * trains them (see `LearnedParameters.variance`).
 */
export function estimatorVariance(id: EstimatorId, input: EstimatorInput): tf.Scalar {
  const { estimator, surrogateInput } = prepare(id, input);
  if (!estimator.learned) throw new RangeError(`${estimator.label} learns no parameters.`);
  return tf.mean(estimator.learned.variance(surrogateInput)) as tf.Scalar;
}

function prepare(id: EstimatorId, input: EstimatorInput) {
  const estimator = estimatorById(id);
  const { logits, temperature, seed, f, own, slope, scale } = input;
  if (estimator.learned && !own)
    throw new RangeError(
      `${estimator.label} learns parameters of its own: pass them as 'own' (a LearnedState's).`,
    );
  const noise = gumbelNoise(logits.shape, seed);
  const sampleInput = {
    logits,
    noise,
    temperature,
    seed,
    ...(own ? { own } : {}),
    ...(slope === undefined ? {} : { slope }),
    ...(scale === undefined ? {} : { scale }),
  };
  const sample = estimator.forward(sampleInput);
  const value = f(sample);
  const baseline = estimator.baseline ? (input.baseline?.value ?? 0) : 0;
  const surrogateInput = {
    ...sampleInput,
    sample,
    loss: value,
    baseline,
    downstream: f,
  };
  return { estimator, surrogateInput };
}
