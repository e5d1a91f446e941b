/**
 * Held-out negative log-likelihood of a stack of SBNs, the same for every copy
 * whatever it was trained with: for each held-out image, the simple Monte
 * Carlo estimate over M ancestral samples h^m = (h₁^m, h₂^m) ~ p(h | x_upper),
 *   −log p̂(x_lower | x_upper) = −log (1/M) Σ_m p(x_lower | h₂^m),
 * averaged over the images (nats per image). Jang et al. (2017) estimate it
 * with 1,000 samples; p̂ is unbiased for p, so −log p̂ is an upper bound of the
 * NLL on average (Jensen), tight as M grows. The same fixed uniforms for every
 * copy and every evaluation, so the curves differ only by the models. A sample
 * is drawn by the inverse of the CDF from one uniform per variable (a K-th of
 * the noise Gumbel-max would use; the distribution is the same).
 */
import * as tf from './tfjs';
import { deriveSeed } from './counterHash';
import { uniformNoise } from './noise';
import type { Seed } from './types';
import { firstLogits, lowerLogits, secondLogits, type SbnParams, type SbnSize } from './sbn';
import { bernoulliNll } from './categoricalVae';

/** The samples per held-out image of Jang et al. (2017). */
export const NLL_SAMPLES = 1000;
/** Floats per intermediate tensor of a chunk of held-out images: bounds its memory (16 MB). */
const CHUNK_FLOATS = 4_000_000;
const STREAM = { evaluation: 11 } as const;

/** One-hot categorical samples [..., N, K] from probabilities [..., N, K] and uniforms [..., N]: class k where CDF_{k−1} ≤ u < CDF_k. */
export function categoricalOfUniform(probabilities: tf.Tensor, u: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const k = probabilities.shape[probabilities.shape.length - 1]!;
    const cdf = tf.cumsum(probabilities, probabilities.rank - 1);
    // Classes whose CDF is ≤ u lie below the sample; at most K − 1 (rounding can leave CDF_K < 1).
    const below = tf.sum(tf.cast(tf.lessEqual(cdf, tf.expandDims(u, -1)), 'int32'), -1);
    return tf.cast(tf.oneHot(tf.cast(tf.minimum(below, k - 1), 'int32'), k), 'float32');
  });
}

/**
 * log p̂(x_lower | x_upper) per copy and image, [E, C]: the log of the mean of
 * p(x_lower | h₂^m) over M samples, from uniforms [M, C, N] of each layer.
 */
export function logLikelihoodEstimates(
  p: SbnParams<tf.Tensor>,
  size: SbnSize,
  upper: tf.Tensor2D,
  lower: tf.Tensor2D,
  uniforms: readonly [tf.Tensor, tf.Tensor],
): tf.Tensor {
  return tf.tidy(() => {
    const [m, c] = uniforms[0].shape as [number, number, number];
    const e = p.w1.shape[0]!;
    const q1 = tf.softmax(firstLogits(p, tf.expandDims(upper, 0), size)); // [E, C, N, K]
    const h1 = categoricalOfUniform(
      tf.broadcastTo(tf.expandDims(q1, 1), [e, m, c, size.latents, size.classes]),
      tf.expandDims(uniforms[0], 0),
    );
    const rows = (t: tf.Tensor) => tf.reshape(t, [e, m * c, size.latents, size.classes]);
    const q2 = tf.softmax(secondLogits(p, rows(h1), size));
    const h2 = categoricalOfUniform(q2, tf.reshape(uniforms[1], [1, m * c, size.latents]));
    const x = tf.expandDims(tf.tile(lower, [m, 1]), 0); // [1, M·C, L], sample-major as h
    const logP = tf.reshape(tf.neg(bernoulliNll(lowerLogits(p, h2), x)), [e, m, c]);
    return tf.sub(tf.logSumExp(logP, 1), Math.log(m));
  });
}

/** Per copy, the held-out NLL estimate (nats per image) with `samples` samples per image (see the module comment). */
export async function heldOutNll(
  p: SbnParams<tf.Tensor>,
  size: SbnSize,
  heldOut: { upper: tf.Tensor2D; lower: tf.Tensor2D },
  samples: number,
  seed: Seed,
): Promise<number[]> {
  const images = heldOut.upper.shape[0];
  if (images === 0) throw new RangeError('There are no held-out images to evaluate.');
  const e = p.w1.shape[0]!;
  const width = Math.max(size.latents * size.classes, size.lower);
  const chunk = Math.max(1, Math.floor(CHUNK_FLOATS / (e * samples * width)));
  const sum = tf.tidy(() => {
    const parts: tf.Tensor[] = [];
    for (let start = 0, i = 0; start < images; start += chunk, i++) {
      const count = Math.min(chunk, images - start);
      const part = (t: tf.Tensor2D) => tf.slice(t, [start, 0], [count, -1]);
      // Image-major in the stream, so an image's uniforms do not depend on the chunking.
      const uniforms = [0, 1].map((layer) =>
        tf.transpose(
          uniformNoise(
            [count, samples, size.latents],
            deriveSeed(seed, STREAM.evaluation, layer),
            start * samples * size.latents,
          ),
          [1, 0, 2],
        ),
      ) as [tf.Tensor, tf.Tensor];
      const logP = logLikelihoodEstimates(
        p,
        size,
        part(heldOut.upper),
        part(heldOut.lower),
        uniforms,
      );
      parts.push(tf.neg(tf.sum(logP, 1)));
    }
    return tf.addN(parts);
  });
  const sums = await sum.data();
  sum.dispose();
  return Array.from(sums, (s) => s / images);
}
