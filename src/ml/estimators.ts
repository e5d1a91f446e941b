/**
 * The five gradient estimators of the lecture behind one interface. Each builds
 * a surrogate loss whose autodiff gradient is the estimator's gradient of
 * E_z[f(z)] with respect to the logits (and, through f, of f's own parameters).
 *
 * Shapes: logits are [B, ..., K] (B samples or examples, any number of
 * categorical variables, K classes); f maps a sample of the same shape (one-hot
 * or relaxed) to one value per row, [B]. All estimators called with the same
 * seed on logits of the same shape draw the same Gumbel noise, so REINFORCE,
 * straight-through and ST Gumbel-Softmax see the very same discrete sample.
 */
import * as tf from './tfjs';
import { gumbelMaxOneHot, gumbelSoftmax } from './gumbelSoftmax';
import { stopGradient, straightThrough } from './gradientTricks';
import type { Seed, Temperature } from './types';

export type EstimatorName =
  'reinforce' | 'reinforce-baseline' | 'straight-through' | 'gumbel-softmax' | 'st-gumbel-softmax';

export const estimatorNames: readonly EstimatorName[] = [
  'reinforce',
  'reinforce-baseline',
  'straight-through',
  'gumbel-softmax',
  'st-gumbel-softmax',
];

/** What a baseline for REINFORCE is. */
export type Baseline =
  /** A number, e.g. a moving average of f kept by the caller. */
  | { kind: 'value'; value: number }
  /**
   * The mean of f over the other samples of the same example: the rows are
   * `samples` groups of equal size, sample-major ([samples × examples, …]).
   */
  | { kind: 'leave-one-out'; samples: number };

export interface EstimatorInput {
  /** [B, ..., K] unnormalized log-probabilities. */
  logits: tf.Tensor;
  /** The objective, one value per row: [B, ..., K] → [B]. */
  f: (z: tf.Tensor) => tf.Tensor;
  /** τ for the Gumbel-Softmax estimators (ignored by the others). */
  temperature: Temperature;
  seed: Seed;
  /** Only for 'reinforce-baseline'; without it that estimator is plain REINFORCE. */
  baseline?: Baseline;
}

export interface EstimatorOutput {
  /** A scalar whose gradient is the estimator's gradient of mean_B f. */
  surrogate: tf.Scalar;
  /** f at the sample (relaxed for Gumbel-Softmax), [B]. */
  value: tf.Tensor1D;
}

/** log p(z) of a one-hot sample, summed over all categorical variables of a row: [B]. */
function logProbabilityOfSample(logits: tf.Tensor, oneHot: tf.Tensor): tf.Tensor1D {
  const perRow = tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), -1);
  const axes = perRow.shape.slice(1).map((_, i) => i + 1);
  return (axes.length > 0 ? tf.sum(perRow, axes) : perRow) as tf.Tensor1D;
}

function baselineValues(value: tf.Tensor1D, baseline: Baseline | undefined): tf.Tensor | number {
  if (!baseline) return 0;
  if (baseline.kind === 'value') return baseline.value;
  const s = baseline.samples;
  if (s < 2 || value.shape[0] % s !== 0) {
    throw new RangeError('A leave-one-out baseline needs at least 2 samples dividing the batch.');
  }
  const grouped = tf.reshape(value, [s, -1]);
  const others = tf.div(tf.sub(tf.sum(grouped, 0, true), grouped), s - 1);
  return tf.reshape(others, [-1]);
}

function scoreFunction(input: EstimatorInput, withBaseline: boolean): EstimatorOutput {
  const z = gumbelMaxOneHot(input.logits, input.seed);
  const value = input.f(z) as tf.Tensor1D;
  const b = withBaseline ? baselineValues(value, input.baseline) : 0;
  const weight = stopGradient(tf.sub(value, b));
  const logP = logProbabilityOfSample(input.logits, z);
  // f's own parameters get ∇f through the first term; the logits get (f − b)∇log p.
  const surrogate = tf.mean(tf.add(value, tf.mul(weight, logP))) as tf.Scalar;
  return { surrogate, value };
}

const estimatorImplementations: Record<EstimatorName, (input: EstimatorInput) => EstimatorOutput> =
  {
    reinforce: (input) => scoreFunction(input, false),
    'reinforce-baseline': (input) => scoreFunction(input, true),
    'straight-through': (input) => {
      // Forward the one-hot sample; backward as if it were the probabilities.
      const z = straightThrough(
        gumbelMaxOneHot(input.logits, input.seed),
        tf.softmax(input.logits),
      );
      const value = input.f(z) as tf.Tensor1D;
      return { surrogate: tf.mean(value) as tf.Scalar, value };
    },
    'gumbel-softmax': (input) => {
      const y = gumbelSoftmax(input.logits, input.temperature, input.seed);
      const value = input.f(y) as tf.Tensor1D;
      return { surrogate: tf.mean(value) as tf.Scalar, value };
    },
    'st-gumbel-softmax': (input) => {
      const y = gumbelSoftmax(input.logits, input.temperature, input.seed, { hard: true });
      const value = input.f(y) as tf.Tensor1D;
      return { surrogate: tf.mean(value) as tf.Scalar, value };
    },
  };

/**
 * The surrogate loss of estimator `name`. Call it inside `tf.variableGrads`
 * or `tf.grad`; its tensors are the caller's to dispose (use `tf.tidy`).
 */
export function estimatorSurrogate(name: EstimatorName, input: EstimatorInput): EstimatorOutput {
  return estimatorImplementations[name](input);
}

/** Whether an estimator's forward pass feeds f a one-hot (discrete) sample. */
export const feedsDiscreteSample = (name: EstimatorName): boolean => name !== 'gumbel-softmax';
