/** Pieces that several estimators share: the one-hot sample, the relaxed sample and log q(z). */
import * as tf from '../tfjs';
import { oneHotOfArgmax } from '../gumbelSoftmax';
import type { SampleInput } from './estimator';

/** The Gumbel-max sample z = onehot(argmax(l + g)), [B, ..., K], with no gradient. */
export const oneHotSample = ({ logits, noise }: SampleInput): tf.Tensor =>
  oneHotOfArgmax(tf.add(logits, noise));

/** The relaxed sample y = softmax((l + g)/τ), [B, ..., K] (Jang et al. 2017; Maddison et al. 2017). */
export const relaxedSample = ({ logits, noise, temperature }: SampleInput): tf.Tensor =>
  tf.softmax(tf.div(tf.add(logits, noise), temperature));

/** Sums every axis but the first: [B, ...] → [B]. */
export function sumPerRow(t: tf.Tensor): tf.Tensor {
  const axes = t.shape.slice(1).map((_, i) => i + 1);
  return axes.length > 0 ? tf.sum(t, axes) : t;
}

/** log q(z) of a one-hot sample, summed over all categorical variables of a row: [B]. */
export const logProbabilityOf = (logits: tf.Tensor, oneHot: tf.Tensor): tf.Tensor =>
  sumPerRow(tf.mul(oneHot, tf.logSoftmax(logits)));
