/**
 * The estimator REBAR and RELAX share: REINFORCE with a control variate c
 * evaluated at the relaxed sample, made unbiased by a conditional sample,
 *   ĝ = [f(b) − c(z̃)]·∇log p(b) + ∇c(z) − ∇c(z̃),
 * with z = l + g the perturbed logits of the step's shared Gumbel noise
 * (b = onehot(argmax z), REINFORCE's sample) and z̃ ~ p(z | b) reparameterized
 * in l, so that ∇c(z̃) is the gradient of E[c(z̃) | b] (Tucker et al. 2017,
 * Sec. 3; Grathwohl et al. 2018, Algorithm 2). E[c(z)] = E_b[E[c(z̃) | b]]
 * gives the last three terms mean zero for ANY c, so every value of the
 * learned parameters in c keeps ĝ unbiased, and they are trained on the
 * variance alone.
 *
 * z̃ uses REBAR's tied noise (their released code, `_u_to_v`): its base noise
 * is the one that reproduces z itself, held fixed, so z̃ equals z in value and
 * differs only in its gradient. Given b that noise has the conditional
 * sampler's fixed distribution (it is the sampler's inverse applied to a draw
 * of z | b), which is all unbiasedness needs; an independent z̃ would also be
 * unbiased but makes ∇c(z) − ∇c(z̃) so noisy that no η > 0 helps on the toy
 * problems (measured: the variance grows with η at every λ).
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import type { SurrogateInput } from './estimator';
import { sumPerRow } from './sampling';
import { logSumExpTwice } from './twiceDifferentiable';

/** The control variate per row, [B], at perturbed logits [B, ..., K]. */
export type ControlVariate = (z: tf.Tensor, input: SurrogateInput) => tf.Tensor;

/**
 * The conditional sampler's base noise that reproduces z = l + g, log Eᵢ
 * ([B, ..., K], no gradient; its ops are not taped, like oneHotOfArgmax):
 *   log Eₖ = logsumexp(l) − zₖ (the winner k),  log Eᵢ = −gᵢ + log(1 − e^{zᵢ − zₖ}).
 */
export const tiedLogExponentials = (logits: tf.Tensor, noise: tf.Tensor, oneHot: tf.Tensor) =>
  tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [l, g, b] = args as tf.Tensor[];
    const z = tf.add(l!, g!);
    const zk = tf.sum(tf.mul(z, b!), -1, true);
    const winner = tf.sub(tf.logSumExp(l!, -1, true), zk);
    // 1 − e^{zᵢ − zₖ} > 0 for i ≠ k; floored so the winner's own (0) stays finite.
    const gap = tf.maximum(tf.neg(tf.expm1(tf.sub(z, zk))), 1e-30);
    const others = tf.sub(tf.log(gap), g!);
    return {
      value: tf.add(tf.mul(b!, winner), tf.mul(tf.sub(1, b!), others)),
      gradFunc: () => [tf.zerosLike(l!), tf.zerosLike(g!), tf.zerosLike(b!)],
    };
  })(logits, noise, oneHot);

/**
 * z̃ ~ p(l + g | argmax = the class of `oneHot`) from base noise log Eᵢ (iid
 * Exp(1) Eᵢ), differentiable in l: the maximum is Gumbel(logsumexp l),
 * independent of the argmax, and the others are Gumbel(lᵢ) truncated below it
 * (Tucker et al. 2017, Appendix C). For the winner k:
 *   z̃ₖ = logsumexp(l) − log Eₖ,   z̃ᵢ = −log(Eᵢ·e^{−lᵢ} + Eₖ·e^{−logsumexp l}) (i ≠ k),
 * the second written as −(a + softplus(b − a)) for a = log Eᵢ − lᵢ,
 * b = log Eₖ − logsumexp l (stable, and twice differentiable in tfjs).
 */
export function conditionalPerturbedLogits(
  logits: tf.Tensor,
  oneHot: tf.Tensor,
  logE: tf.Tensor,
): tf.Tensor {
  const lse = logSumExpTwice(logits);
  const logEk = tf.sum(tf.mul(logE, oneHot), -1, true);
  const winner = tf.sub(lse, logEk);
  const a = tf.sub(logE, logits);
  const others = tf.neg(tf.add(a, tf.softplus(tf.sub(tf.sub(logEk, lse), a))));
  return tf.add(tf.mul(oneHot, winner), tf.mul(tf.sub(1, oneHot), others));
}

/**
 * The single-sample estimates ĝ, [B, ..., K] (row r's estimate in row r),
 * with the learned parameters of c on their gradient path (for the variance).
 * Evaluates the downstream at b (the caller's `loss`), at σ(z) and at σ(z̃).
 */
export function controlVariateEstimate(input: SurrogateInput, c: ControlVariate): tf.Tensor {
  const { logits, noise, sample, loss } = input;
  const logE = tiedLogExponentials(logits, noise, sample);
  const conditional = (l: tf.Tensor) => conditionalPerturbedLogits(l, sample, logE);
  // ∇ₗ c(z) − ∇ₗ c(z̃); rows are independent, so the gradient of the sum holds each row's own.
  const pathwise = tf.grad((l: tf.Tensor) =>
    tf.sub(tf.sum(c(tf.add(l, noise), input)), tf.sum(c(conditional(l), input))),
  )(logits);
  const weight = tf.sub(loss, c(conditional(logits), input)); // [B]
  const score = tf.sub(sample, tf.softmax(logits)); // ∇log p(b) per categorical variable
  const rows = [weight.shape[0]!, ...logits.shape.slice(1).map(() => 1)];
  return tf.add(tf.mul(tf.reshape(weight, rows), score), pathwise);
}

/** A surrogate whose value is the loss and whose gradient in the logits is ĝ. */
export function controlVariateSurrogate(input: SurrogateInput, c: ControlVariate): tf.Tensor {
  const { logits, loss } = input;
  const estimate = stopGradient(controlVariateEstimate(input, c));
  return tf.add(loss, sumPerRow(tf.mul(estimate, tf.sub(logits, stopGradient(logits)))));
}

/** ‖ĝ‖² per row, [B]: what the learned parameters minimize. */
export const controlVariateVariance = (input: SurrogateInput, c: ControlVariate): tf.Tensor =>
  sumPerRow(tf.square(controlVariateEstimate(input, c)));

/** The learned parameter `name`, or a clear error when the caller passed none. */
export function ownParameter(input: SurrogateInput, name: string, estimator: string): tf.Tensor {
  const value = input.own?.[name];
  if (!value)
    throw new RangeError(
      `${estimator} learns parameters of its own: pass them as 'own' (made by its learned.create).`,
    );
  return value;
}
