/**
 * tf.sum and tf.mean whose gradient broadcasts dy back to the input's shape
 * instead of multiplying it by a tensor of ones, as tfjs 4.22's own gradients
 * do: those ones are made in JavaScript (the Fill kernel), so on the webgl
 * backend every sum or mean in a training step uploaded a texture of the
 * input's size each step (issue 16: uploads per race step). Here the gradient
 * is one broadcast (a Tile draw on webgl) and nothing is uploaded.
 *
 * Values are exactly those of tfjs's gradients (dy·1 = dy; the mean divides by
 * the same count after broadcasting, as tfjs does). The gradient function
 * reads only dy and shapes, through differentiable ops, so a gradient of a
 * gradient through these (REBAR's and RELAX's variance) is exact too.
 *
 * Only on webgl: elsewhere the ones cost no upload, and tfjs's own ops are
 * used unchanged (on wasm, Fill + Multiply is no slower than a Tile).
 */
import * as tf from './tfjs';

/** The axes as non-negative numbers, for a tensor of rank `rank`. */
const normalized = (axes: number | number[], rank: number) =>
  (Array.isArray(axes) ? axes : [axes]).map((a) => (a < 0 ? a + rank : a));

/** The input's shape with the reduced axes kept as 1. */
const keptShape = (shape: readonly number[], axes: number[]) =>
  shape.map((d, i) => (axes.includes(i) ? 1 : d));

/** The sum (or mean) with the broadcast gradient, on any backend (exported for its test). */
export function broadcastGradReduction(
  x: tf.Tensor,
  axes: number | number[],
  keepDims: boolean,
  mean: boolean,
): tf.Tensor {
  const reduced = normalized(axes, x.rank);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const input = args[0] as tf.Tensor;
    return {
      value: mean ? tf.mean(input, reduced, keepDims) : tf.sum(input, reduced, keepDims),
      gradFunc: (dy: tf.Tensor) => {
        const spread = tf.broadcastTo(tf.reshape(dy, keptShape(input.shape, reduced)), input.shape);
        if (!mean) return spread;
        const count = reduced.reduce((n, a) => n * input.shape[a]!, 1);
        return tf.div(spread, count);
      },
    };
  });
  return op(x);
}

function reduction(
  x: tf.Tensor,
  axes: number | number[],
  keepDims: boolean,
  mean: boolean,
): tf.Tensor {
  if (tf.getBackend() === 'webgl') return broadcastGradReduction(x, axes, keepDims, mean);
  return mean ? tf.mean(x, axes, keepDims) : tf.sum(x, axes, keepDims);
}

/** tf.sum(x, axes, keepDims), its gradient a broadcast of dy. */
export const sumOver = (x: tf.Tensor, axes: number | number[], keepDims = false): tf.Tensor =>
  reduction(x, axes, keepDims, false);

/** tf.mean(x, axes, keepDims), its gradient a broadcast of dy divided by the count. */
export const meanOver = (x: tf.Tensor, axes: number | number[], keepDims = false): tf.Tensor =>
  reduction(x, axes, keepDims, true);
