/**
 * Ground truth for small K: E_{z∼softmax(logits)}[f(z)] and its gradient,
 * by enumerating the K one-hot values of a single categorical variable.
 */
import * as tf from './tfjs';

export interface ExactResult {
  /** E[f(z)]. */
  value: number;
  /** ∇ E[f(z)] with respect to the logits, length K. */
  gradient: number[];
  /** softmax(logits), length K. */
  probabilities: number[];
}

/**
 * logits: K numbers; f maps the K one-hot vectors, as a [K, K] identity matrix,
 * to their K values [K] (f must not depend on anything random).
 */
export async function exactGradient(
  logits: readonly number[],
  f: (oneHots: tf.Tensor2D) => tf.Tensor1D,
): Promise<ExactResult> {
  const k = logits.length;
  const [value, gradient, probabilities] = tf.tidy(() => {
    const fValues = f(tf.eye(k) as tf.Tensor2D);
    const expectation = (l: tf.Tensor) => tf.sum(tf.mul(tf.softmax(l), fValues));
    const l = tf.tensor1d(logits as number[]);
    const { value: v, grad } = tf.valueAndGrad(expectation)(l);
    return [v, grad, tf.softmax(l)];
  });
  const result = {
    value: (await value.data())[0]!,
    gradient: Array.from(await gradient.data()),
    probabilities: Array.from(await probabilities.data()),
  };
  tf.dispose([value, gradient, probabilities]);
  return result;
}
