/**
 * A variational autoencoder with N categorical latent variables of K classes,
 * as E copies stacked along a leading axis, so that E models train with one
 * batched matrix product per layer. Encoder: D → H (ReLU) → N·K logits;
 * decoder: N·K → H (ReLU) → D Bernoulli logits; the prior is uniform.
 *
 * Shapes: x is [E, B, D] (or [1, B, D], broadcast over the copies); latent
 * logits are [E, B, N, K]; samples fed to the decoder are [E, B, N, K].
 */
import * as tf from './tfjs';
import { uniformNoise } from './noise';
import { deriveSeed } from './counterHash';
import { plainMlp, type MlpWeights } from './stackedMlp';
import type { Seed } from './types';
import { sumOver } from './broadcastGrad';

export interface VaeSize {
  /** D, pixels per image. */
  pixels: number;
  /** H, hidden units of the encoder's and the decoder's hidden layer. */
  hidden: number;
  /** N, categorical latent variables. */
  latents: number;
  /** K, classes of each latent variable. */
  classes: number;
}

export const paramNames = [
  'encoderW1',
  'encoderB1',
  'encoderW2',
  'encoderB2',
  'decoderW1',
  'decoderB1',
  'decoderW2',
  'decoderB2',
] as const;
export type ParamName = (typeof paramNames)[number];
export type VaeParams = Record<ParamName, tf.Variable>;

/** The shape of one copy's parameter (without the leading copy axis). Biases are [1, out]. */
export function paramShape(size: VaeSize, name: ParamName): [number, number] {
  const { pixels: d, hidden: h, latents: n, classes: k } = size;
  const shapes: Record<ParamName, [number, number]> = {
    encoderW1: [d, h],
    encoderB1: [1, h],
    encoderW2: [h, n * k],
    encoderB2: [1, n * k],
    decoderW1: [n * k, h],
    decoderB1: [1, h],
    decoderW2: [h, d],
    decoderB2: [1, d],
  };
  return shapes[name];
}

/**
 * E identical copies of one randomly initialized VAE: weights Glorot-uniform
 * from the seed's uniform stream, biases zero except the decoder's output bias,
 * which starts at the logit of each pixel's mean (clamped to [0.01, 0.99]) so
 * that training does not spend its first steps learning the average image.
 */
export function initStackedVae(
  size: VaeSize,
  copies: number,
  seed: Seed,
  pixelMeans?: Float32Array,
): VaeParams {
  return tf.tidy(() => {
    const params = {} as VaeParams;
    paramNames.forEach((name, i) => {
      const [rows, cols] = paramShape(size, name);
      let one: tf.Tensor;
      if (name.includes('W')) {
        const limit = Math.sqrt(6 / (rows + cols));
        const u = uniformNoise([1, rows, cols], deriveSeed(seed, i));
        one = tf.mul(tf.sub(tf.mul(u, 2), 1), limit);
      } else if (name === 'decoderB2' && pixelMeans) {
        const p = tf.clipByValue(tf.tensor(pixelMeans, [1, 1, cols]), 0.01, 0.99);
        one = tf.log(tf.div(p, tf.sub(1, p)));
      } else one = tf.zeros([1, rows, cols]);
      params[name] = tf.variable(tf.tile(one, [copies, 1, 1]), true, undefined, 'float32');
    });
    return params;
  });
}

/**
 * How the two-layer networks of every copy are computed: `plainMlp` (tfjs's
 * own ops, differentiable to any order) or `stackedMlp` (one op, fast on wasm,
 * first-order gradient only; see stackedMlp.ts).
 */
export type Mlp = (a: tf.Tensor, p: MlpWeights, inputGradient: boolean) => tf.Tensor;

const encoderWeights = (p: VaeParams): MlpWeights => ({
  w1: p.encoderW1,
  b1: p.encoderB1,
  w2: p.encoderW2,
  b2: p.encoderB2,
});

const decoderWeights = (p: VaeParams): MlpWeights => ({
  w1: p.decoderW1,
  b1: p.decoderB1,
  w2: p.decoderW2,
  b2: p.decoderB2,
});

/** Latent logits [E, B, N, K] of images x [E|1, B, D]. */
export function encoderLogits(
  p: VaeParams,
  x: tf.Tensor,
  size: VaeSize,
  mlp: Mlp = plainMlp,
): tf.Tensor {
  return tf.tidy(() => {
    const l = mlp(x, encoderWeights(p), false);
    return tf.reshape(l, [l.shape[0]!, l.shape[1]!, size.latents, size.classes]);
  });
}

/** Bernoulli logits of the pixels [E, B, D] for latent samples z [E|1, B, N, K]. */
export function decoderLogits(p: VaeParams, z: tf.Tensor, mlp: Mlp = plainMlp): tf.Tensor {
  return tf.tidy(() => mlp(tf.reshape(z, [z.shape[0]!, z.shape[1]!, -1]), decoderWeights(p), true));
}

/** −log p(x | z) = Σ_d softplus(l) − x·l for Bernoulli logits l [E, B, D] and x [E|1, B, D]: [E, B]. */
export function bernoulliNll(pixelLogits: tf.Tensor, x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => sumOver(tf.sub(tf.softplus(pixelLogits), tf.mul(x, pixelLogits)), -1));
}

/** KL(q ‖ uniform) = Σ_{n,k} q (log q + log K) in closed form, for logits [E, B, N, K] (`logQ`: their log softmax, if known): [E, B]. */
export function klToUniform(logits: tf.Tensor, known?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const k = logits.shape[logits.shape.length - 1]!;
    const logQ = known ?? tf.logSoftmax(logits);
    return sumOver(tf.mul(tf.exp(logQ), tf.add(logQ, Math.log(k))), [-2, -1]);
  });
}

/** Every one of the K^N joint latent values as one-hot rows, [K^N, N, K] (for exact marginalization). */
export function allLatentValues(latents: number, classes: number): tf.Tensor {
  const count = classes ** latents;
  const values = new Float32Array(count * latents * classes);
  for (let c = 0; c < count; c++) {
    let rest = c;
    for (let n = latents - 1; n >= 0; n--) {
      values[(c * latents + n) * classes + (rest % classes)] = 1;
      rest = Math.floor(rest / classes);
    }
  }
  return tf.tensor(values, [count, latents, classes]);
}
