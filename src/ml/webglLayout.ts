/**
 * The race step on the webgl backend with tfjs's unpacked texture layout for
 * its element-wise, reduction and array ops (issue 16: WebGL call counts).
 *
 * Why: tfjs-backend-webgl 4.22 packs 2×2 blocks into one RGBA texel for most
 * ops, but computes reductions (sum, max, argmax, softmax's parts) unpacked,
 * so every reduction in a packed graph costs an unpack draw before it and a
 * pack draw after it; and a number or [≤ 4] tensor made in JavaScript (0.9, τ,
 * log K, a mean's divisor) is uploaded as a texture for a packed program but
 * passed as a uniform to an unpacked one. The race's tensors are small
 * (hundreds to a few thousand elements per op), so on a GPU a step costs its
 * draw calls and uploads, not arithmetic: unpacked, a five-estimator step
 * takes ~1/3 fewer draws and about half the uploads. Matrix products stay
 * packed (tfjs has only a packed one). Each element gets the same float32
 * operations either way: values are those of the packed ops (tfjs's
 * programs of both layouts compute the same expressions).
 *
 * The flags are tfjs-global, so they are switched only for the synchronous
 * call and restored after it (also when it throws): other work on the page
 * keeps tfjs's defaults. Shaders of both layouts are cached by tfjs, so a
 * switch compiles nothing after the first step.
 */
import * as tf from './tfjs';

/** tfjs-backend-webgl 4.22's flags that choose packed programs (flags_webgl.js). */
const PACK_FLAGS = [
  'WEBGL_PACK',
  'WEBGL_PACK_BINARY_OPERATIONS',
  'WEBGL_PACK_UNARY_OPERATIONS',
  'WEBGL_PACK_ARRAY_OPERATIONS',
  'WEBGL_PACK_REDUCE',
  'WEBGL_PACK_CLIP',
  'WEBGL_PACK_NORMALIZATION',
  'WEBGL_LAZILY_UNPACK',
] as const;

/** Runs `fn` (synchronous) with unpacked programs on webgl; elsewhere just runs it. */
export function unpackedOnWebgl<T>(fn: () => T): T {
  if (tf.getBackend() !== 'webgl') return fn();
  const env = tf.env();
  const saved = PACK_FLAGS.map((flag) => env.getBool(flag));
  PACK_FLAGS.forEach((flag) => env.set(flag, false));
  try {
    return fn();
  } finally {
    PACK_FLAGS.forEach((flag, i) => env.set(flag, saved[i]!));
  }
}
