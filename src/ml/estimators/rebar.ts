/**
 * REBAR (Tucker, Mnih, Maddison, Lawson & Sohl-Dickstein 2017, Sec. 3, with
 * the categorical conditional sample of their Appendix C):
 *   ĝ = [f(b) − η·f(σ_λ(z̃))]·∇log p(b) + η·∇f(σ_λ(z)) − η·∇f(σ_λ(z̃)),
 * σ_λ(z) = softmax(z/λ), the Gumbel-Softmax relaxation at its own temperature λ
 * (it ignores the caller's τ). The control variate is the relaxed objective,
 * scaled by η; η and log λ are learned by minimizing the estimator's variance
 * (‖ĝ‖², through a gradient of a gradient). Unbiased for every η and λ.
 * Binary variables are its K = 2 case. Three evaluations of f per estimate:
 * at b, at σ_λ(z) and at σ_λ(z̃) (and a backward pass through the last two).
 */
import * as tf from '../tfjs';
import { defineEstimator, type SurrogateInput } from './estimator';
import { controlVariateSurrogate, controlVariateVariance, ownParameter } from './controlVariate';
import { oneHotSample } from './sampling';
import { softmaxTwice } from './twiceDifferentiable';

/** Initial η and λ (the paper starts its scale at 1; λ = 0.5 as the lecture's τ). */
export const REBAR_START = { eta: 1, temperature: 0.5 } as const;

/** η·f(σ_λ(z)) per row, [B]: REBAR's control variate. */
export function scaledRelaxedObjective(z: tf.Tensor, input: SurrogateInput, who: string) {
  const eta = ownParameter(input, 'eta', who);
  const temperature = tf.exp(ownParameter(input, 'logTemperature', who));
  return tf.mul(eta, input.downstream(softmaxTwice(tf.div(z, temperature))));
}

const controlVariate = (z: tf.Tensor, input: SurrogateInput) =>
  scaledRelaxedObjective(z, input, 'REBAR');

export const rebarEstimator = defineEstimator({
  id: 'rebar',
  era: 'since-2017',
  reference:
    'Tucker, Mnih, Maddison, Lawson & Sohl-Dickstein (2017), REBAR, Sec. 3 (estimator), Appendix C (categorical z̃)',
  evaluations: 3,
  classes: 'any',
  label: 'REBAR',
  color: 'series-11',
  unbiased: true,
  feeds: 'one-hot',
  gradient:
    '[f(b) − η f(σ_λ(z̃))]∇log p(b) + η∇f(σ_λ(z)) − η∇f(σ_λ(z̃)), η and λ learned for low variance',
  learned: {
    create: () => ({
      eta: tf.variable(tf.scalar(REBAR_START.eta)),
      logTemperature: tf.variable(tf.scalar(Math.log(REBAR_START.temperature))),
    }),
    learningRate: 0.01,
    variance: (input) => controlVariateVariance(input, controlVariate),
  },
  forward: oneHotSample,
  surrogate: (input) => controlVariateSurrogate(input, controlVariate),
});
