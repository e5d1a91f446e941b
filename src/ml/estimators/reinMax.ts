/**
 * ReinMax (Liu, Yang, Gao & Jiao 2023, "Bridging Discrete and
 * Backpropagation: Straight-Through and Beyond", Algorithm 2): the one-hot
 * sample D ~ softmax(θ) forward, and backward a second-order (Heun's method)
 * approximation instead of straight-through's first-order (Euler) one:
 *   π₀ = softmax(θ),  π₁ = (D + softmax(θ/τ))/2,  π₂ = 2·π₁ − π₀/2,
 *   D ← π₂ − sg(π₂) + D,
 * where π₁'s gradient path is softmax(sg(ln π₁ − θ) + θ): value π₁, Jacobian
 * diag π₁ − π₁π₁ᵀ. So ĝ = (2·(diag π₁ − π₁π₁ᵀ) − ½·(diag π₀ − π₀π₀ᵀ))·∇f(D).
 * τ enters only π₁, as in the paper (its sample is drawn at τ = 1, and it
 * recommends τ ≥ 1); the Jacobians carry no 1/τ.
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { defineEstimator } from './estimator';
import { oneHotSample } from './sampling';

/**
 * A value 0 whose Jacobian in θ is diag p − p pᵀ (p held fixed): the gradient
 * path of softmax(sg(ln p − θ) + θ) of Algorithm 2, written without ln p so
 * that a softmax that underflows to 0 gives no −∞. [B, ..., K].
 */
function softmaxJacobianPath(p: tf.Tensor, theta: tf.Tensor): tf.Tensor {
  const fixed = stopGradient(p);
  const path = tf.mul(fixed, tf.sub(theta, tf.sum(tf.mul(fixed, theta), -1, true)));
  return tf.sub(path, stopGradient(path));
}

export const reinMaxEstimator = defineEstimator({
  id: 'reinmax',
  era: 'since-2017',
  reference: 'Liu, Yang, Gao & Jiao (2023), Algorithm 2 (Heun’s method for the gradient)',
  evaluations: 1,
  classes: 'any',
  label: 'ReinMax',
  color: 'series-8',
  unbiased: false,
  feeds: 'one-hot',
  gradient: '∇f(z) through 2·J(π₁) − ½·J(π₀), π₁ = (z + softmax(l/τ))/2: a second-order ST',
  forward: (input) => {
    const theta = input.logits;
    const d = oneHotSample(input);
    const pi0 = tf.softmax(theta);
    const pi1 = tf.div(tf.add(d, tf.softmax(tf.div(theta, input.temperature))), 2);
    const path = tf.sub(
      tf.mul(2, softmaxJacobianPath(pi1, theta)),
      tf.mul(0.5, softmaxJacobianPath(pi0, theta)),
    );
    return tf.add(d, path);
  },
  surrogate: ({ loss }) => loss,
});
