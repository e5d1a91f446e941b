/**
 * A stochastic binary network (SBN) for structured output prediction, as in
 * Jang, Gu & Poole (2017), Sec. 4.2: the lower half of an image predicted from
 * its upper half through two stochastic layers of N categorical variables of
 * K classes each (K = 2 is the Bernoulli SBN):
 *   x_upper → h₁ ~ Cat(softmax(W₁x_upper + b₁)) → h₂ ~ Cat(softmax(W₂h₁ + b₂))
 *           → x_lower ~ Bernoulli(σ(W₃h₂ + b₃)),
 * every layer linear, as the paper's 392-200-200-392 (scaled down). E copies
 * are stacked along a leading axis, as the VAE race's (categoricalVae.ts).
 *
 * Shapes: upper [E|1, B, U], lower [E|1, B, L]; latent logits and samples
 * [E, B, N, K]; the lower half's Bernoulli logits [E, B, L].
 */
import * as tf from './tfjs';
import { uniformNoise } from './noise';
import { deriveSeed } from './counterHash';
import { stopGradient } from './gradientTricks';
import type { Seed } from './types';

export interface SbnSize {
  /** U and L, pixels of the upper and the lower half of an image. */
  upper: number;
  lower: number;
  /** N, categorical variables per stochastic layer. */
  latents: number;
  /** K, classes of each (2 for Bernoulli units). */
  classes: number;
}

/** The halves of images of `pixels` pixels, row-major: the first half of the pixels is the upper half of the rows. */
export function sbnSize(pixels: number, latents: number, classes: number): SbnSize {
  if (pixels % 2 !== 0 || pixels < 2)
    throw new RangeError(`An image of ${pixels} pixels has no upper and lower half.`);
  return { upper: pixels / 2, lower: pixels / 2, latents, classes };
}

export const sbnParamNames = ['w1', 'b1', 'w2', 'b2', 'w3', 'b3'] as const;
export type SbnParamName = (typeof sbnParamNames)[number];
export type SbnParams<T extends tf.Tensor = tf.Variable> = Record<SbnParamName, T>;

/** The shape of one copy's parameter (no copy axis); biases are [1, out]. */
export function sbnParamShape(size: SbnSize, name: SbnParamName): [number, number] {
  const { upper, lower, latents, classes } = size;
  const units = latents * classes;
  const shapes: Record<SbnParamName, [number, number]> = {
    w1: [upper, units],
    b1: [1, units],
    w2: [units, units],
    b2: [1, units],
    w3: [units, lower],
    b3: [1, lower],
  };
  return shapes[name];
}

/**
 * E identical copies of one random SBN: weights Glorot-uniform from the seed's
 * uniform stream, biases zero except the output bias, which starts at the
 * logit of each lower pixel's mean (clamped to [0.01, 0.99]), as the VAE's.
 */
export function initStackedSbn(
  size: SbnSize,
  copies: number,
  seed: Seed,
  lowerMeans?: Float32Array,
): SbnParams {
  return tf.tidy(() => {
    const params = {} as SbnParams;
    sbnParamNames.forEach((name, i) => {
      const [rows, cols] = sbnParamShape(size, name);
      let one: tf.Tensor;
      if (name.startsWith('w')) {
        const limit = Math.sqrt(6 / (rows + cols));
        const u = uniformNoise([1, rows, cols], deriveSeed(seed, i));
        one = tf.mul(tf.sub(tf.mul(u, 2), 1), limit);
      } else if (name === 'b3' && lowerMeans) {
        const p = tf.clipByValue(tf.tensor(lowerMeans, [1, 1, cols]), 0.01, 0.99);
        one = tf.log(tf.div(p, tf.sub(1, p)));
      } else one = tf.zeros([1, rows, cols]);
      params[name] = tf.variable(tf.tile(one, [copies, 1, 1]), true, undefined, 'float32');
    });
    return params;
  });
}

/** One dense layer of every copy: [E|1, B, in] × [E, in, out] + [E, 1, out]. */
const dense = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.add(tf.matMul(x, w), b);
const flat = (h: tf.Tensor) => tf.reshape(h, [h.shape[0]!, h.shape[1]!, -1]);
const asLatents = (l: tf.Tensor, size: SbnSize) =>
  tf.reshape(l, [l.shape[0]!, l.shape[1]!, size.latents, size.classes]);

/** Layer 1's logits [E, B, N, K] of the upper halves [E|1, B, U]. */
export const firstLogits = (p: SbnParams<tf.Tensor>, upper: tf.Tensor, size: SbnSize) =>
  tf.tidy(() => asLatents(dense(upper, p.w1, p.b1), size));

/** Layer 2's logits [E, B, N, K] of layer 1's samples [E, B, N, K] (one-hot or relaxed). */
export const secondLogits = (p: SbnParams<tf.Tensor>, h1: tf.Tensor, size: SbnSize) =>
  tf.tidy(() => asLatents(dense(flat(h1), p.w2, p.b2), size));

/** The lower half's Bernoulli logits [E, B, L] of layer 2's samples [E, B, N, K]. */
export const lowerLogits = (p: SbnParams<tf.Tensor>, h2: tf.Tensor) =>
  tf.tidy(() => dense(flat(h2), p.w3, p.b3));

/** Copy e's parameters, as a stack of one. */
export const copyOf = (p: SbnParams<tf.Tensor>, e: number): SbnParams<tf.Tensor> =>
  Object.fromEntries(
    sbnParamNames.map((n) => [n, tf.slice(p[n], [e, 0, 0], [1, -1, -1])]),
  ) as SbnParams<tf.Tensor>;

/** The parameters' values with a zero gradient (the downstream of layer 1 trains nothing but layer 1). */
export const heldFixed = (p: SbnParams<tf.Tensor>): SbnParams<tf.Tensor> =>
  Object.fromEntries(sbnParamNames.map((n) => [n, stopGradient(p[n])])) as SbnParams<tf.Tensor>;

/** Images [B, U + L] split into their upper [B, U] and lower [B, L] halves. */
export function splitHalves(images: tf.Tensor2D, size: SbnSize) {
  return {
    upper: tf.slice(images, [0, 0], [-1, size.upper]),
    lower: tf.slice(images, [0, size.upper], [-1, size.lower]),
  };
}
