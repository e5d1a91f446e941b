/**
 * Held-out evaluation of a stack of VAEs, the same for every copy whatever it
 * was trained with: −ELBO with one-hot samples z = argmax(l + g) (as Jang et
 * al. evaluate), the same fixed noise for every copy and every evaluation, so
 * the curves differ only by the models. Also images to look at:
 * reconstructions of the first held-out images and decodings of fixed samples
 * from the uniform prior.
 */
import * as tf from './tfjs';
import { deriveSeed } from './counterHash';
import type { Seed } from './types';
import { gumbelNoise } from './noise';
import { oneHotOfArgmax } from './gumbelSoftmax';
import {
  bernoulliNll,
  decoderLogits,
  encoderLogits,
  klToUniform,
  type VaeParams,
  type VaeSize,
} from './categoricalVae';

export interface RaceEvaluation {
  /** Per copy, the mean held-out −ELBO (nats per image). */
  negElbo: number[];
  /** Per copy, pixel probabilities of the reconstructions, [R × D]. */
  reconstructions: Float32Array[];
  /** Per copy, pixel probabilities decoded from R fixed prior samples, [R × D]. */
  priorSamples: Float32Array[];
  /** The R held-out images reconstructed, [R × D] (R is at least 1). */
  originals: Float32Array;
}

/** Held-out images per pass: bounds the memory of [E, chunk, D] activations. */
const CHUNK = 250;
const STREAM = { evaluation: 11, prior: 12 } as const;

/** Sum over a chunk of held-out images of −ELBO, per copy: [E]. */
function chunkNegElbo(p: VaeParams, size: VaeSize, images: tf.Tensor, noise: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const x = tf.expandDims(images, 0);
    const logits = encoderLogits(p, x, size);
    const z = oneHotOfArgmax(tf.add(logits, noise));
    const perImage = tf.add(bernoulliNll(decoderLogits(p, z), x), klToUniform(logits));
    return tf.sum(perImage, 1);
  });
}

export async function evaluateRace(
  p: VaeParams,
  size: VaeSize,
  heldOut: tf.Tensor2D,
  copies: number,
  seed: Seed,
  imagesToShow: number,
): Promise<RaceEvaluation> {
  const m = heldOut.shape[0];
  const { latents: n, classes: k, pixels: d } = size;
  const shown = Math.max(1, Math.min(imagesToShow, m));
  const [sum, pictures] = tf.tidy(() => {
    const noise = gumbelNoise([m, n, k], deriveSeed(seed, STREAM.evaluation));
    const parts: tf.Tensor[] = [];
    for (let start = 0; start < m; start += CHUNK) {
      const count = Math.min(CHUNK, m - start);
      parts.push(
        chunkNegElbo(
          p,
          size,
          tf.slice(heldOut, [start, 0], [count, -1]),
          tf.slice(noise, [start, 0, 0], [count, -1, -1]),
        ),
      );
    }
    const originals = tf.slice(heldOut, [0, 0], [shown, -1]);
    const z = oneHotOfArgmax(
      tf.add(
        encoderLogits(p, tf.expandDims(originals, 0), size),
        tf.slice(noise, [0, 0, 0], [shown, -1, -1]),
      ),
    );
    // With a uniform prior, argmax of pure Gumbel noise is a uniform sample.
    const prior = oneHotOfArgmax(gumbelNoise([1, shown, n, k], deriveSeed(seed, STREAM.prior)));
    const decoded = tf.sigmoid(tf.concat([decoderLogits(p, z), decoderLogits(p, prior)], 1)); // [E, 2R, D]
    return [tf.addN(parts), tf.concat([tf.reshape(decoded, [-1]), tf.reshape(originals, [-1])])];
  });
  const [sums, pixels] = await Promise.all([sum.data(), pictures.data()]);
  tf.dispose([sum, pictures]);
  const perCopy = 2 * shown * d;
  const part = (e: number, from: number) =>
    Float32Array.from(pixels.subarray(e * perCopy + from, e * perCopy + from + shown * d));
  return {
    negElbo: Array.from(sums, (s) => s / m),
    reconstructions: Array.from({ length: copies }, (_, e) => part(e, 0)),
    priorSamples: Array.from({ length: copies }, (_, e) => part(e, shown * d)),
    originals: Float32Array.from(pixels.subarray(copies * perCopy)),
  };
}
