/**
 * Sampling categorical variables from logits with Gumbel noise. Shapes: logits
 * are [..., K] with the classes on the last axis; every sampler draws one noise
 * value per logit from the stream `seed`, so samplers called with the same seed
 * on logits of the same shape see the same noise.
 */
import * as tf from './tfjs';
import { gumbelNoise } from './noise';
import { detached, straightThrough } from './gradientTricks';
import type { Seed, Temperature } from './types';

/** logits + Gumbel noise, [..., K]. */
export function perturbedLogits(logits: tf.Tensor, seed: Seed): tf.Tensor {
  return tf.tidy(() => tf.add(logits, gumbelNoise(logits.shape, seed)));
}

/** Gumbel-max: the sampled class indices, [...] int32 (the argmax of the perturbed logits). */
export function gumbelMaxIndices(logits: tf.Tensor, seed: Seed): tf.Tensor {
  return tf.tidy(() => tf.argMax(perturbedLogits(logits, seed), -1));
}

/** Gumbel-max as one-hot vectors, [..., K] float32, with no gradient. */
export function gumbelMaxOneHot(logits: tf.Tensor, seed: Seed): tf.Tensor {
  return tf.tidy(() => oneHotOfArgmax(perturbedLogits(logits, seed)));
}

/**
 * One-hot float32 vectors of the argmax over the last axis, [..., K], with a
 * zero gradient: the argmax is discrete, and every estimator builds its own
 * gradient path around it. Off the tape (`detached`), so nothing upstream is
 * asked for a gradient through it.
 */
export function oneHotOfArgmax(x: tf.Tensor): tf.Tensor {
  // One-hot in int32, then cast: tfjs-backend-wasm 4.22 fills a float32 oneHot
  // with the int32 bit pattern of 1 (1.4e-45). The browser tests compare backends.
  return detached(() =>
    tf.cast(tf.oneHot(tf.argMax(x, -1), x.shape[x.shape.length - 1] ?? 1), 'float32'),
  );
}

export interface GumbelSoftmaxOptions {
  /**
   * Straight-through Gumbel-Softmax: the forward value is the one-hot argmax of
   * the relaxed sample, the gradient that of the relaxed sample.
   */
  hard?: boolean;
}

/**
 * Relaxed samples softmax((logits + g) / τ) over the last axis, [..., K]
 * (Jang et al. 2017; Maddison et al. 2017). Differentiable in the logits.
 */
export function gumbelSoftmax(
  logits: tf.Tensor,
  tau: Temperature,
  seed: Seed,
  { hard = false }: GumbelSoftmaxOptions = {},
): tf.Tensor {
  return tf.tidy(() => {
    const soft = tf.softmax(tf.div(perturbedLogits(logits, seed), tau));
    return hard ? straightThrough(oneHotOfArgmax(soft), soft) : soft;
  });
}
