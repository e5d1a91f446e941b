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
 * the noise Gumbel-max would use; the distribution is the same), in plain
 * TypeScript on the probabilities read back: on the wasm backend, the
 * broadcasting comparisons and tiles that would do it on the device took ten
 * times longer than the matrix products (measured with tf.profile).
 */
import * as tf from './tfjs';
import { deriveSeed } from './counterHash';
import { noiseArray } from './noise';
import type { Seed } from './types';
import { firstLogits, type SbnParams, type SbnSize } from './sbn';
import { bernoulliNll } from './categoricalVae';

/** The samples per held-out image of Jang et al. (2017). */
export const NLL_SAMPLES = 1000;
/** Floats of a chunk's one-hot samples [E, C·M, N·K]: bounds its memory (16 MB). */
const CHUNK_FLOATS = 4_000_000;
const STREAM = { evaluation: 11 } as const;

/**
 * One-hot samples [E, R, N, K] (flat) by the inverse CDF: variable v of row r
 * of copy e takes the class k with CDF_{k−1} ≤ u < CDF_k of its probabilities
 * q[e, qRow(r), v, :] ([E, qRows, N, K]) and its uniform u[r, v] ([R, N]).
 * Rounding can leave CDF_K below u: the last class then. With `dropFirst`,
 * class 0's column is left out: [E, R, N, K − 1] (see `withoutFirstClass`).
 */
export function sampleOneHot(
  q: Float32Array,
  u: Float32Array,
  shape: { copies: number; rows: number; qRows: number; latents: number; classes: number },
  qRow: (r: number) => number,
  dropFirst = false,
): Float32Array {
  const { copies, rows, qRows, latents: n, classes: k } = shape;
  const width = dropFirst ? k - 1 : k;
  const out = new Float32Array(copies * rows * n * width);
  for (let e = 0; e < copies; e++)
    for (let r = 0; r < rows; r++) {
      const from = (e * qRows + qRow(r)) * n * k;
      const to = (e * rows + r) * n * width;
      for (let v = 0; v < n; v++) {
        const uv = u[r * n + v]!;
        let cls = 0;
        let cdf = q[from + v * k]!;
        while (cls < k - 1 && uv >= cdf) cdf += q[from + v * k + ++cls]!;
        if (dropFirst) {
          if (cls > 0) out[to + v * width + cls - 1] = 1;
        } else out[to + v * width + cls] = 1;
      }
    }
  return out;
}

/**
 * A dense layer [E, N·K, out], [E, 1, out] for one-hot inputs given without
 * class 0's column, [E, R, N·(K − 1)]: since each variable's one-hot sums to 1,
 * h·W = Σ_v W[v, 0] + Σ_v Σ_{k≥1} h_vk (W[v, k] − W[v, 0]). K − 1 of K inputs:
 * half the multiply-adds for Bernoulli units.
 */
function withoutFirstClass(w: tf.Tensor, b: tf.Tensor, n: number, k: number) {
  const [e, , out] = w.shape as [number, number, number];
  const rows = tf.reshape(w, [e, n, k, out]);
  const first = tf.slice(rows, [0, 0, 0, 0], [-1, -1, 1, -1]);
  const rest = tf.slice(rows, [0, 0, 1, 0], [-1, -1, -1, -1]);
  return {
    w: tf.reshape(tf.sub(rest, first), [e, n * (k - 1), out]),
    b: tf.add(b, tf.reshape(tf.sum(first, [1, 2]), [e, 1, out])),
  };
}

/**
 * log p̂(x_lower | x_upper) per copy and image, [E × C] (flat): the log of the
 * mean of p(x_lower | h₂^m) over M = `samples` ancestral samples, from the
 * uniforms of each layer, [C, M, N] (image-major, flat). `lower` is [C × L].
 */
export async function logLikelihoodEstimates(
  p: SbnParams<tf.Tensor>,
  size: SbnSize,
  upper: tf.Tensor2D,
  lower: Float32Array,
  uniforms: readonly [Float32Array, Float32Array],
  samples: number,
): Promise<Float32Array> {
  const { latents: n, classes: k } = size;
  const c = upper.shape[0];
  const e = p.w1.shape[0]!;
  const rows = c * samples; // row r = image·M + sample
  const shape = { copies: e, rows, latents: n, classes: k };
  const read = async (t: tf.Tensor) => {
    const values = (await t.data()) as Float32Array;
    t.dispose();
    return values;
  };
  const q1 = await read(tf.tidy(() => tf.softmax(firstLogits(p, tf.expandDims(upper, 0), size))));
  const reduced = n * (k - 1);
  const [layer2, layer3] = [
    [p.w2, p.b2],
    [p.w3, p.b3],
  ].map(([w, b]) => tf.tidy(() => withoutFirstClass(w!, b!, n, k)));
  const h1 = tf.tensor(
    sampleOneHot(q1, uniforms[0], { ...shape, qRows: c }, (r) => Math.floor(r / samples), true),
    [e, rows, reduced],
  );
  const q2 = await read(
    tf.tidy(() =>
      tf.softmax(tf.reshape(tf.add(tf.matMul(h1, layer2!.w), layer2!.b), [e, rows, n, k])),
    ),
  );
  h1.dispose();
  const h2 = tf.tensor(
    sampleOneHot(q2, uniforms[1], { ...shape, qRows: rows }, (r) => r, true),
    [e, rows, reduced],
  );
  const l = size.lower;
  const tiled = new Float32Array(rows * l);
  for (let r = 0; r < rows; r++)
    tiled.set(
      lower.subarray(Math.floor(r / samples) * l, (Math.floor(r / samples) + 1) * l),
      r * l,
    );
  const x = tf.tensor(tiled, [1, rows, l]);
  const estimates = tf.tidy(() => {
    const logits = tf.add(tf.matMul(h2, layer3!.w), layer3!.b);
    const logP = tf.reshape(tf.neg(bernoulliNll(logits, x)), [e, c, samples]);
    return tf.sub(tf.logSumExp(logP, 2), Math.log(samples));
  });
  tf.dispose([h2, x, layer2!.w, layer2!.b, layer3!.w, layer3!.b]);
  return read(estimates);
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
  const n = size.latents;
  const chunk = Math.max(1, Math.floor(CHUNK_FLOATS / (e * samples * n * size.classes)));
  const lower = (await heldOut.lower.data()) as Float32Array;
  const sums = new Float64Array(e);
  for (let start = 0; start < images; start += chunk) {
    const count = Math.min(chunk, images - start);
    // Image-major in the stream, so an image's uniforms do not depend on the chunking.
    const uniforms = [0, 1].map((layer) =>
      noiseArray(
        'uniform',
        count * samples * n,
        deriveSeed(seed, STREAM.evaluation, layer),
        start * samples * n,
      ),
    ) as [Float32Array, Float32Array];
    const upper = tf.slice(heldOut.upper, [start, 0], [count, -1]);
    const logP = await logLikelihoodEstimates(
      p,
      size,
      upper,
      lower.subarray(start * size.lower, (start + count) * size.lower),
      uniforms,
      samples,
    );
    upper.dispose();
    for (let i = 0; i < e; i++)
      for (let j = 0; j < count; j++) sums[i] = sums[i]! - logP[i * count + j]!;
  }
  return Array.from(sums, (s) => s / images);
}
