/**
 * Softmax and log-sum-exp whose second-order gradients tfjs 4.22 gets right.
 *
 * Why: tfjs saves the tensors a gradient needs as clones, and the clone of an
 * op's OUTPUT enters the tape before the op itself, so in a gradient of a
 * gradient (tf.grad of a function that calls tf.grad) the path through a saved
 * output is dropped. Ops whose gradient reads their output (exp, softmax,
 * tanh, sigmoid) then give wrong second derivatives (checked against PyTorch:
 * d/dλ ‖∇ₗ f(softmax((l + g)/λ))‖² off by a factor up to 3 with tf.softmax,
 * equal to 6 digits with `softmaxTwice`). Ops whose gradient reads only their
 * inputs (mul, div, square, log, softplus, relu, matMul) are right. Also, every
 * op on the path must have a registered gradient, so no max/maximum (their
 * gradients use Equal and Less, which have none).
 *
 * REBAR and RELAX train their parameters on the gradient of a gradient; they
 * use these in place of tf.softmax and tf.logSumExp.
 */
import * as tf from '../tfjs';

type Args = (tf.Tensor | tf.GradSaveFunc)[];

/** e^x, with a gradient that recomputes e^x from the saved input. */
export const expTwice = (x: tf.Tensor): tf.Tensor =>
  tf.customGrad((...args: Args) => {
    const input = args[0] as tf.Tensor;
    (args[1] as tf.GradSaveFunc)([input]);
    return {
      value: tf.exp(input),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, tf.exp(saved[0]!)),
    };
  })(x);

/**
 * x − max(x) over the last axis, with the gradient of x alone: right for any
 * function that does not change when the last axis is shifted by a constant
 * (softmax), and free of max's gradient.
 */
const shiftedByMax = (x: tf.Tensor): tf.Tensor =>
  tf.customGrad((...args: Args) => {
    const input = args[0] as tf.Tensor;
    return {
      value: tf.sub(input, tf.max(input, -1, true)),
      gradFunc: (dy: tf.Tensor) => tf.mul(dy, 1),
    };
  })(x);

/** max(x) over the last axis (kept), with no gradient. */
const maxHeld = (x: tf.Tensor): tf.Tensor =>
  tf.customGrad((...args: Args) => {
    const input = args[0] as tf.Tensor;
    return { value: tf.max(input, -1, true), gradFunc: () => tf.zerosLike(input) };
  })(x);

/** softmax over the last axis. */
export function softmaxTwice(x: tf.Tensor): tf.Tensor {
  const e = expTwice(shiftedByMax(x));
  return tf.div(e, tf.sum(e, -1, true));
}

/** log Σ eˣ over the last axis, kept: [..., 1]. */
export const logSumExpTwice = (x: tf.Tensor): tf.Tensor =>
  tf.add(maxHeld(x), tf.log(tf.sum(expTwice(shiftedByMax(x)), -1, true)));
