/**
 * Binary variables as K = 2 categoricals, for the antithetic estimators (ARM,
 * DisARM). A variable's logits [l₀, l₁] give its binary logit φ = l₁ − l₀ and
 * P(b = 1) = σ(φ). With the shared Gumbel noise (g₀, g₁), L = g₁ − g₀ is
 * Logistic, so u = σ(−L) = σ(g₀ − g₁) is Uniform(0, 1), and
 *   b = 1[u < σ(φ)] ⟺ g₀ − g₁ < l₁ − l₀ ⟺ l₁ + g₁ > l₀ + g₀,
 * exactly the one-hot sample onehot(argmax(l + g)) every one-hot estimator
 * feeds forward (ties go to class 0 on both sides). The antithetic uniform
 * 1 − u = σ(L) is −L, i.e. the two noise values swapped:
 *   b̃ = 1[1 − u < σ(φ)] = onehot(argmax(l + (g₁, g₀))).
 * Shapes: logits and noise [B, ..., 2]; per-variable values [B, ...].
 */
import * as tf from '../tfjs';
import { oneHotOfArgmax } from '../gumbelSoftmax';
import { stopGradient } from '../gradientTricks';
import type { SampleInput } from './estimator';
import { sumPerRow } from './sampling';

/** Throws a RangeError unless the last axis holds the two classes of binary variables. */
export function checkBinary(logits: tf.Tensor, who: string): void {
  const k = logits.shape[logits.rank - 1];
  if (k !== 2)
    throw new RangeError(
      `${who} is defined for binary variables (K = 2) only; these have K = ${k}.`,
    );
}

/** Component `k` (0 or 1) of the last axis: [B, ..., 2] → [B, ...]. */
export const classPart = (t: tf.Tensor, k: 0 | 1): tf.Tensor => tf.unstack(t, t.rank - 1)[k]!;

/** A value per row [B] shaped to broadcast against per-variable values of rank `rank`. */
export const perRow = (values: tf.Tensor, rank: number): tf.Tensor =>
  tf.reshape(values, [-1, ...new Array<number>(rank - 1).fill(1)]);

/** The binary logit φ = l₁ − l₀, [B, ...] (it carries the logits' gradient). */
export const binaryLogit = (logits: tf.Tensor): tf.Tensor =>
  tf.sub(classPart(logits, 1), classPart(logits, 0));

/** The uniform u = σ(g₀ − g₁) behind the forward sample b = 1[u < σ(φ)], [B, ...]. */
export const uniformOfNoise = (noise: tf.Tensor): tf.Tensor =>
  tf.sigmoid(tf.sub(classPart(noise, 0), classPart(noise, 1)));

/** The antithetic one-hot sample b̃ = 1[1 − u < σ(φ)], [B, ..., 2]: the argmax with g₀ and g₁ swapped. */
export const antitheticSample = ({ logits, noise }: Pick<SampleInput, 'logits' | 'noise'>) =>
  oneHotOfArgmax(tf.add(logits, tf.reverse(noise, -1)));

/**
 * One number per row whose gradient is (−g, +g) on (l₀, l₁) for a gradient g
 * with respect to φ ([B, ...]), plus the loss itself, whose gradient reaches
 * the downstream's own parameters at the forward sample (the sample carries no
 * gradient to the logits).
 */
export const surrogateOfBinaryGradient = (loss: tf.Tensor, logits: tf.Tensor, g: tf.Tensor) =>
  tf.add(loss, sumPerRow(tf.mul(stopGradient(g), binaryLogit(logits))));
