/**
 * The score-function part that REINFORCE, DARN and MuProp share: a learning
 * signal s times ∇log q(z), written as the surrogate term sg(s / scale)·log q(z),
 * where `scale` is the caller's variance normalization (absent: off, and no
 * op is added, so the estimators' numbers without it are unchanged).
 * Shapes: a signal per row [B] (REINFORCE, MuProp) or per categorical
 * variable [B, ...] (DARN's local signals); logits and samples [B, ..., K].
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import type { SampleInput } from './estimator';
import { logProbabilityOf, logSoftmaxOf, sumPerRow } from './sampling';

/** `scale` (a number, or one per row [B]) shaped to divide a signal of rank `rank`. */
export const scaleFor = (scale: tf.Tensor | number, rank: number): tf.Tensor | number =>
  typeof scale === 'number' || scale.rank === 0 || rank <= 1
    ? scale
    : tf.reshape(scale, [-1, ...new Array<number>(rank - 1).fill(1)]);

/** sg(signal / scale), or sg(signal) without a scale. */
export const scaledSignal = (signal: tf.Tensor, scale: SampleInput['scale']): tf.Tensor =>
  stopGradient(scale === undefined ? signal : tf.div(signal, scaleFor(scale, signal.rank)));

/**
 * Σ over the row of sg(s / scale)·log q(z): its gradient in the logits is the
 * score-function estimate s·∇log q(z) (divided by the scale). A per-variable
 * signal [B, ...] multiplies each variable's own log q(z_v); a per-row one [B]
 * multiplies log q(z) of the whole row.
 */
export function scoreTerm(
  logits: tf.Tensor,
  sample: tf.Tensor,
  signal: tf.Tensor,
  scale: SampleInput['scale'],
  logQ?: SampleInput['logQ'],
): tf.Tensor {
  const s = scaledSignal(signal, scale);
  if (signal.rank === 1) return tf.mul(s, logProbabilityOf(logits, sample, logQ));
  const logQz = tf.sum(tf.mul(sample, logSoftmaxOf({ logits, logQ })), -1); // [B, ...] per variable
  return sumPerRow(tf.mul(s, logQz));
}
