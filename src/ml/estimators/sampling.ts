/**
 * Pieces that several estimators share: the one-hot sample, the relaxed
 * sample, log q(z), and Gumbel noise conditioned on the sampled class.
 */
import * as tf from '../tfjs';
import { oneHotOfArgmax } from '../gumbelSoftmax';
import { uniformNoise } from '../noise';
import type { Seed } from '../types';
import { sumOver } from '../broadcastGrad';
import type { SampleInput } from './estimator';

/** The Gumbel-max sample z = onehot(argmax(l + g)), [B, ..., K], with no gradient (the caller's, if given). */
export const oneHotSample = ({ logits, noise, oneHot }: SampleInput): tf.Tensor =>
  oneHot ?? oneHotOfArgmax(tf.add(logits, noise));

/** log softmax(l), [B, ..., K] (the caller's, if given). */
export const logSoftmaxOf = ({ logits, logQ }: Pick<SampleInput, 'logits' | 'logQ'>): tf.Tensor =>
  logQ ?? tf.logSoftmax(logits);

/** The relaxed sample y = softmax((l + g)/τ), [B, ..., K] (Jang et al. 2017; Maddison et al. 2017). */
export const relaxedSample = ({ logits, noise, temperature }: SampleInput): tf.Tensor =>
  tf.softmax(tf.div(tf.add(logits, noise), temperature));

/** Sums every axis but the first: [B, ...] → [B]. */
export function sumPerRow(t: tf.Tensor): tf.Tensor {
  const axes = t.shape.slice(1).map((_, i) => i + 1);
  return axes.length > 0 ? sumOver(t, axes) : t;
}

/** log q(z) of a one-hot sample, summed over all categorical variables of a row: [B] (`logQ`: log softmax(logits), if known). */
export const logProbabilityOf = (
  logits: tf.Tensor,
  oneHot: tf.Tensor,
  logQ?: tf.Tensor,
): tf.Tensor => sumPerRow(tf.mul(oneHot, logSoftmaxOf({ logits, logQ })));

/**
 * Gumbel noise conditioned on the sampled class: `samples` draws g̃ of shape
 * [samples, B, ..., K] such that argmax(l + g̃) is the class of `oneHot`, each
 * distributed as iid Gumbel(0, 1) noise g given argmax(l + g) = that class.
 *
 * The construction of Maddison, Tarlow & Minka (2014, "A* Sampling", Sec. 3:
 * the max of l + g is Gumbel(logsumexp l), independent of the argmax, and
 * given the max the others are Gumbel(l_i) truncated below it), written with
 * exponentials E_i = −log u_i as in Tucker et al. (2017, REBAR, Appendix C)
 * and Paulus, Maddison & Krause (2021, Appendix):
 *   x_k = logsumexp(l) − log E_k                        (the winner k),
 *   x_i = −log(E_i·e^{−l_i} + E_k·e^{−logsumexp l})     (i ≠ k, so x_i < x_k),
 * and g̃ = x − l. The uniforms come from stream `seed`; the result carries no
 * gradient (it is noise: estimators differentiate l + g̃ in l with g̃ held).
 */
export function conditionalGumbelNoise(
  logits: tf.Tensor,
  oneHot: tf.Tensor,
  samples: number,
  seed: Seed,
): tf.Tensor {
  // One op with a zero gradient: its inner ops are not taped (see oneHotOfArgmax).
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const l = args[0] as tf.Tensor;
    const logE = tf.log(tf.neg(tf.log(uniformNoise([samples, ...l.shape], seed))));
    const lse = tf.logSumExp(l, -1, true); // [B, ..., 1]
    const logEk = tf.sum(tf.mul(logE, oneHot), -1, true); // [samples, B, ..., 1]
    const winner = tf.sub(lse, logEk);
    // −log(e^a + e^b) with a = log E_i − l_i and b = log E_k − lse, stably.
    const a = tf.sub(logE, l);
    const b = tf.sub(logEk, lse);
    const others = tf.neg(tf.add(tf.maximum(a, b), tf.log1p(tf.exp(tf.neg(tf.abs(tf.sub(a, b)))))));
    const x = tf.add(tf.mul(oneHot, winner), tf.mul(tf.sub(1, oneHot), others));
    return { value: tf.sub(x, l), gradFunc: () => tf.zerosLike(l) };
  });
  return op(logits);
}
