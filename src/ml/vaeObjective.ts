/**
 * The training objective of a stack of VAEs, one copy per estimator: each copy
 * gets the same images and the same Gumbel noise, and differs only in what its
 * decoder is fed and how the gradient reaches the encoder:
 *   REINFORCE (± baseline): the one-hot sample z, plus (f − b)·∇log q(z);
 *   straight-through: z forward, the gradient of the probabilities q backward;
 *   Gumbel-Softmax: the relaxed sample y = softmax((l + g)/τ);
 *   ST Gumbel-Softmax: z forward, the gradient of y backward;
 *   exact: Σ_z q(z|x)·(−log p(x|z)) over all K^N latent values (tiny spaces only).
 * z is argmax(l + g), which is also the argmax of y, so every discrete copy
 * decodes the very same sample its logits give with this noise.
 */
import * as tf from './tfjs';
import type { Temperature } from './types';
import type { EstimatorName } from './estimators';
import { oneHotOfArgmax } from './gumbelSoftmax';
import { stopGradient } from './gradientTricks';
import {
  bernoulliNll,
  decoderLogits,
  encoderLogits,
  klToUniform,
  type VaeParams,
  type VaeSize,
} from './categoricalVae';

export type RaceLine = EstimatorName | 'exact';

/** Per-copy switches [E, 1, 1, 1] (1 or 0) that pick each copy's estimator. */
export interface LineMasks {
  hard: tf.Tensor;
  straightThrough: tf.Tensor;
  relaxed: tf.Tensor;
  stRelaxed: tf.Tensor;
  score: tf.Tensor;
  baseline: tf.Tensor;
}

const maskOf = (lines: readonly RaceLine[], on: readonly RaceLine[]) =>
  tf.tensor(
    lines.map((l) => (on.includes(l) ? 1 : 0)),
    [lines.length, 1, 1, 1],
  );

/** The switches for a list of lines; the caller disposes them. 'exact' may only come last. */
export function lineMasks(lines: readonly RaceLine[]): LineMasks {
  const exactAt = lines.indexOf('exact');
  if (exactAt >= 0 && exactAt !== lines.length - 1)
    throw new RangeError('The exact line must be the last copy.');
  return {
    hard: maskOf(lines, [
      'reinforce',
      'reinforce-baseline',
      'straight-through',
      'st-gumbel-softmax',
      'exact',
    ]),
    straightThrough: maskOf(lines, ['straight-through']),
    relaxed: maskOf(lines, ['gumbel-softmax']),
    stRelaxed: maskOf(lines, ['st-gumbel-softmax']),
    score: maskOf(lines, ['reinforce', 'reinforce-baseline']),
    baseline: maskOf(lines, ['reinforce-baseline']),
  };
}

export interface ObjectiveInput {
  params: VaeParams;
  size: VaeSize;
  masks: LineMasks;
  /** Images [E, B, D] (every copy's slice the same). */
  x: tf.Tensor;
  /** Gumbel noise [E, B, N, K] (every copy's slice the same). */
  noise: tf.Tensor;
  tau: Temperature;
  /** Each copy's baseline for REINFORCE, [E] (used only where masks.baseline is 1). */
  baseline: tf.Tensor;
  /** All K^N latent values [C, N, K] when the last copy is 'exact'. */
  exactValues?: tf.Tensor;
}

export interface ObjectiveOutput {
  /** Per copy, the surrogate whose gradient is that copy's estimate, [E]. */
  surrogate: tf.Tensor;
  /** Per copy, the batch mean of −ELBO at its own training sample, [E]. */
  negElbo: tf.Tensor;
  /** Per copy, the batch mean of −log p(x|z), [E] (the baseline tracks it). */
  reconstruction: tf.Tensor;
}

const sum = (terms: tf.Tensor[]) => terms.reduce((a, b) => tf.add(a, b));

/** −E_q[log p(x|z)] exactly, [1, B], for the last copy's parameters. */
function exactReconstruction(input: ObjectiveInput, logits: tf.Tensor): tf.Tensor {
  const { params, x, exactValues } = input;
  const e = x.shape[0]! - 1;
  const last = Object.fromEntries(
    Object.entries(params).map(([name, v]) => [name, tf.slice(v, [e, 0, 0], [1, -1, -1])]),
  ) as unknown as VaeParams;
  const values = tf.expandDims(exactValues!, 0); // [1, C, N, K]
  const pixelLogits = decoderLogits(last, values); // [1, C, D]
  const xLast = tf.slice(x, [e, 0, 0], [1, -1, -1]); // [1, B, D]
  // −log p(x_b | z_c) = Σ_d softplus(l_cd) − x_bd·l_cd, for every b and c at once.
  const nll = tf.sub(
    tf.expandDims(tf.sum(tf.softplus(pixelLogits), -1), 1),
    tf.matMul(xLast, pixelLogits, false, true),
  ); // [1, B, C]
  const logQ = tf.logSoftmax(tf.slice(logits, [e, 0, 0, 0], [1, -1, -1, -1])); // [1, B, N, K]
  const flatValues = tf.reshape(values, [1, values.shape[1]!, -1]); // [1, C, N·K]
  const logQz = tf.matMul(tf.reshape(logQ, [1, logQ.shape[1]!, -1]), flatValues, false, true);
  return tf.sum(tf.mul(tf.exp(logQz), nll), -1); // [1, B]
}

/** Builds the objective; call inside `tf.variableGrads` (through `tf.tidy`). */
export function raceObjective(input: ObjectiveInput): ObjectiveOutput {
  const { params, size, masks, x, noise, tau, baseline } = input;
  const logits = encoderLogits(params, x, size);
  const logQ = tf.logSoftmax(logits);
  const q = tf.exp(logQ);
  const perturbed = tf.add(logits, noise);
  const z = oneHotOfArgmax(perturbed);
  const y = tf.softmax(tf.div(perturbed, tau));
  // Sums by tf.add, not tf.addN: addN's gradient in tfjs-core 4.22 fails when
  // one of its inputs (here the one-hot z) has no gradient path.
  const decoderInput = sum([
    tf.mul(masks.hard, z),
    tf.mul(masks.straightThrough, tf.sub(q, stopGradient(q))),
    tf.mul(masks.relaxed, y),
    tf.mul(masks.stRelaxed, tf.sub(y, stopGradient(y))),
  ]);
  let reconstruction = bernoulliNll(decoderLogits(params, decoderInput), x); // [E, B]
  const kl = klToUniform(logits); // [E, B]
  const logQofZ = tf.sum(tf.mul(z, logQ), [-2, -1]); // [E, B]
  const e = x.shape[0]!;
  const baselineTerm = tf.mul(tf.reshape(masks.baseline, [e, 1]), tf.reshape(baseline, [e, 1]));
  const advantage = stopGradient(tf.sub(reconstruction, baselineTerm));
  let perExample = sum([
    reconstruction,
    kl,
    tf.mul(tf.reshape(masks.score, [e, 1]), tf.mul(advantage, logQofZ)),
  ]);
  if (input.exactValues) {
    const exact = exactReconstruction(input, logits);
    const sampled = (t: tf.Tensor) => tf.slice(t, [0, 0], [e - 1, -1]);
    const last = (t: tf.Tensor) => tf.slice(t, [e - 1, 0], [1, -1]);
    reconstruction = tf.concat([sampled(reconstruction), exact]);
    perExample = tf.concat([sampled(perExample), tf.add(exact, last(kl))]);
  }
  return {
    surrogate: tf.mean(perExample, 1),
    negElbo: tf.mean(tf.add(reconstruction, kl), 1),
    reconstruction: tf.mean(reconstruction, 1),
  };
}
