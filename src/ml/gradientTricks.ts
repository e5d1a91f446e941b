/** Ops that change only the backward pass; tfjs-core has no stop_gradient of its own. */
import * as tf from './tfjs';

/** The value of `x`, with a zero gradient. */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.clone(args[0] as tf.Tensor),
    gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
  }));
  return op(x) as T;
}

/**
 * Straight-through: the forward value is `forward`, the gradient flows to
 * `through` as if the output had been `through` (∂ output/∂ through ≈ 1).
 * Both have the same shape.
 */
export function straightThrough<T extends tf.Tensor>(forward: T, through: T): T {
  return tf.add(through, stopGradient(tf.sub(forward, through))) as T;
}
