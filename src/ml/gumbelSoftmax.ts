/**
 * Sampling categorical variables from logits with Gumbel noise. Shapes: logits
 * are [..., K] with the classes on the last axis; every sampler draws one noise
 * value per logit from the stream `seed`, so samplers called with the same seed
 * on logits of the same shape see the same noise.
 */
import * as tf from './tfjs';
import { gumbelNoise } from './noise';
import { straightThrough } from './gradientTricks';
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
 * One-hot float32 vectors of the argmax over the last axis, [..., K], as one op
 * with a zero gradient: the argmax is discrete, and every estimator builds its
 * own gradient path around it. Its inner ops are not taped, so none of them is
 * asked for a gradient. Its zero gradient keeps what reads it connected to the
 * logits: a downstream whose only path from its input runs through a one-hot
 * sample (MuProp's and DARN's in the SBN race, with REINFORCE-like layer 2)
 * gets a zero gradient from tf.grad instead of an error. Where that cannot
 * happen, `detached(() => oneHotOfArgmax(x))` skips the zeros (the VAE race).
 */
export function oneHotOfArgmax(x: tf.Tensor): tf.Tensor {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const input = args[0] as tf.Tensor;
    const k = input.shape[input.shape.length - 1] ?? 1;
    // One-hot in int32, then cast: tfjs-backend-wasm 4.22 fills a float32 oneHot
    // with the int32 bit pattern of 1 (1.4e-45). The browser tests compare backends.
    return {
      value: tf.cast(tf.oneHot(tf.argMax(input, -1), k), 'float32'),
      gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
    };
  });
  return op(x);
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
