/**
 * MuProp (Gu, Levine, Sutskever & Mnih 2016, "MuProp: Unbiased
 * Backpropagation for Stochastic Neural Networks", ICLR, Sec. 3): REINFORCE
 * with the first-order Taylor expansion of f around the mean-field value
 * z̄ = E[z] as control variate, its mean added back analytically:
 *   ĝ = [f(z) − f(z̄) − ∇f(z̄)·(z − z̄)]·∇log q(z) + ∇f(z̄)·∇E[z],
 * unbiased for every f because the linear term's expectation is exactly the
 * last term (E[z] = z̄). For categorical variables z̄ = q = softmax(l) and
 * ∇E[z] is the softmax Jacobian, so the last term is the gradient in the
 * logits of f(softmax(l)) with the downstream's own parameters held.
 * Binary units are the K = 2 case (z̄ = (1 − σ(φ), σ(φ)) on φ = l₁ − l₀).
 *
 * Here one stochastic layer: z̄ is its own mean (the paper's mean-field pass
 * through deeper stochastic layers is the downstream's business). Two
 * evaluations of f: at z (the caller's loss) and at z̄, plus a backward pass
 * at z̄ for ∇f(z̄). The downstream's own parameters get ∇f(z) only.
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { defineEstimator, type SurrogateInput } from './estimator';
import { scoreTerm } from './learningSignal';
import { oneHotSample, sumPerRow } from './sampling';

/** z̄ = softmax(l), [B, ..., K], with its gradient path to the logits. */
const meanField = (logits: tf.Tensor) => tf.exp(tf.logSoftmax(logits));

/** f(z̄) per row [B] and ∇f(z̄) [B, ..., K], values only. */
function expansionPoint({ logits, downstream }: SurrogateInput) {
  const at = stopGradient(meanField(logits));
  // Rows are independent, so the gradient of the sum holds each row's own ∇f(z̄).
  const gradient = stopGradient(tf.grad((z: tf.Tensor) => tf.sum(downstream(z)))(at));
  return { at, value: stopGradient(downstream(at)), gradient };
}

/** The learning signal f(z) − f(z̄) − ∇f(z̄)·(z − z̄), [B], and the expansion it used. */
function residual(input: SurrogateInput) {
  const point = expansionPoint(input);
  const linear = sumPerRow(tf.mul(point.gradient, tf.sub(input.sample, point.at)));
  const signal = stopGradient(tf.sub(tf.sub(input.loss, point.value), linear));
  return { signal, point };
}

export const muPropEstimator = defineEstimator({
  id: 'muprop',
  era: 'paper',
  reference:
    'Gu, Levine, Sutskever & Mnih (2016), MuProp: Unbiased Backpropagation for Stochastic Neural Networks, ICLR, Sec. 3',
  evaluations: 2,
  classes: 'any',
  label: 'MuProp',
  color: 'series-14',
  unbiased: true,
  feeds: 'one-hot',
  gradient: '[f(z) − f(z̄) − ∇f(z̄)·(z − z̄)]·∇log q(z) + ∇f(z̄)·∇z̄, z̄ = softmax(l)',
  paperColumn: 'MuProp',
  normalization: { inPaper: true, signal: (input) => residual(input).signal },
  forward: oneHotSample,
  surrogate: (input) => {
    const { logits, sample, loss, scale } = input;
    const { signal, point } = residual(input);
    // Σ ∇f(z̄)·(z̄ − sg z̄): value 0, gradient ∇f(z̄)·∇z̄ (the analytic mean of the linear term).
    const z = meanField(logits);
    const analytic = sumPerRow(tf.mul(point.gradient, tf.sub(z, stopGradient(z))));
    return tf.add(tf.add(loss, scoreTerm(logits, sample, signal, scale)), analytic);
  },
});
