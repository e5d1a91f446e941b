/**
 * One copy of the race's VAE on one example at a time, written again from its
 * definition for the trust tests (no stacked copy axis, no batch, none of
 * categoricalVae.ts): encoder x [1, D] → ReLU(x W₁ + b₁) W₂ + b₂ → logits
 * [N, K]; decoder z [N, K] → ReLU(flat(z) V₁ + c₁) V₂ + c₂ → pixel logits a;
 * f(z) = −log p(x | z) = Σ_d softplus(a_d) − x_d a_d; KL(q ‖ uniform) =
 * Σ_{n,k} q (log q + log K). Gradients in the weights come from tfjs's
 * autodiff of these few lines, per example.
 */
import * as tf from '../tfjs';
import type { ParamName } from '../categoricalVae';

/** One copy's weights, each a 2-D tensor [in, out] (biases [1, out]). */
export type CopyWeights = Record<ParamName, tf.Tensor>;
export const encoderNames = ['encoderW1', 'encoderB1', 'encoderW2', 'encoderB2'] as const;
export const decoderNames = ['decoderW1', 'decoderB1', 'decoderW2', 'decoderB2'] as const;

/** Values read back from a stacked tensor [E, ...] (a snapshot that outlives it). */
export interface Stacked {
  values: Float32Array;
  shape: number[];
}
export const readStacked = (t: tf.Tensor): Stacked => ({
  values: Float32Array.from(t.dataSync()),
  shape: [...t.shape],
});

/** Copy e's values in a snapshot [E, ...rest]. */
export function copyValues({ values, shape }: Stacked, e: number): Float32Array {
  const size = shape.slice(1).reduce((a, b) => a * b, 1);
  return values.subarray(e * size, (e + 1) * size);
}

/** Copy e's part of a snapshot [E, ...rest], as a tensor of shape rest. */
export const copyPart = (s: Stacked, e: number): tf.Tensor =>
  tf.tensor(copyValues(s, e), s.shape.slice(1));

export const copyWeights = (snapshot: Record<ParamName, Stacked>, e: number): CopyWeights =>
  Object.fromEntries(
    Object.entries(snapshot).map(([name, s]) => [name, copyPart(s, e)]),
  ) as CopyWeights;

const dense = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.add(tf.matMul(x, w), b);

/** Latent logits [N, K] of one image x [1, D]. */
export function encoderLogits(
  w: Pick<CopyWeights, (typeof encoderNames)[number]>,
  x: tf.Tensor,
  latents: number,
  classes: number,
): tf.Tensor {
  const h = tf.relu(dense(x, w.encoderW1, w.encoderB1));
  return tf.reshape(dense(h, w.encoderW2, w.encoderB2), [latents, classes]);
}

/** f(z) = −log p(x | z) for one image x [1, D] and one latent value z [N, K]: a scalar. */
export function negLogLikelihood(
  w: Pick<CopyWeights, (typeof decoderNames)[number]>,
  x: tf.Tensor,
  z: tf.Tensor,
): tf.Scalar {
  const h = tf.relu(dense(tf.reshape(z, [1, -1]), w.decoderW1, w.decoderB1));
  const a = dense(h, w.decoderW2, w.decoderB2);
  return tf.sum(tf.sub(tf.softplus(a), tf.mul(x, a)));
}

/** KL(q ‖ uniform) of logits [N, K], a scalar. */
export function klToUniform(logits: tf.Tensor): tf.Scalar {
  const k = logits.shape[1]!;
  const logQ = tf.logSoftmax(logits);
  return tf.sum(tf.mul(tf.exp(logQ), tf.add(logQ, Math.log(k))));
}

/** ∇ over the named weights of `objective(weights)`, by name. */
export function gradientsIn<N extends ParamName>(
  w: CopyWeights,
  names: readonly N[],
  objective: (part: Record<N, tf.Tensor>) => tf.Scalar,
): Record<N, tf.Tensor> {
  const grads = tf.grads((...args: tf.Tensor[]) =>
    objective(Object.fromEntries(names.map((n, i) => [n, args[i]!])) as Record<N, tf.Tensor>),
  )(names.map((n) => w[n]));
  return Object.fromEntries(names.map((n, i) => [n, grads[i]!])) as Record<N, tf.Tensor>;
}

/** The one-hot argmax of each row of v [N, K], computed in JavaScript: [N, K]. */
export function argmaxOneHot(v: tf.Tensor): tf.Tensor {
  const [n, k] = v.shape as [number, number];
  const values = v.dataSync();
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (values[i * k + j]! > values[i * k + best]!) best = j;
    out[i * k + best] = 1;
  }
  return tf.tensor2d(out, [n, k]);
}
