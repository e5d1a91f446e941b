/** Ops that change only the backward pass; tfjs-core has no stop_gradient of its own. */
import * as tf from './tfjs';

/**
 * The value of `compute()` as a tensor off the gradient tape: one op of no
 * inputs (what `compute` reads is captured, not passed), so backprop never
 * reaches it and asks nothing of it. Its gradient is zero in every order, as
 * with an op whose gradient is `zerosLike`, but no zeros are made and added
 * to the gradients (on webgl, two draw calls each; issue 16). The ops inside
 * `compute` are not taped either (tfjs tapes no op inside another op).
 */
export function detached<T extends tf.Tensor>(compute: () => T): T {
  const op = tf.customGrad(() => ({ value: compute(), gradFunc: () => [] }));
  return op() as T;
}

/** The value of `x`, with a zero gradient (off the tape: see `detached`). */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  return detached(() => tf.clone(x));
}

/**
 * Straight-through: the forward value is `forward`, the gradient flows to
 * `through` as if the output had been `through` (∂ output/∂ through ≈ 1).
 * Both have the same shape.
 */
export function straightThrough<T extends tf.Tensor>(forward: T, through: T): T {
  return tf.add(through, stopGradient(tf.sub(forward, through))) as T;
}
