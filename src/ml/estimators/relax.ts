/**
 * RELAX (Grathwohl, Choi, Wu, Roeder & Duvenaud 2018, Algorithm 2, the
 * discrete case), the advanced option: REBAR's estimator with a learned
 * control variate,
 *   ĝ = [f(b) − c_φ(z̃)]·∇log p(b) + ∇c_φ(z) − ∇c_φ(z̃),
 *   c_φ(z) = η·f(σ_λ(z)) + r_φ(σ_λ(z)),
 * as in the paper's experiments: the scaled relaxed objective plus a small
 * network r_φ (one hidden layer of 16 softplus units on the row's relaxed
 * sample, flattened). All of φ = (η, log λ, the network's weights) is learned by
 * minimizing ‖ĝ‖², as for REBAR; unbiased for every φ. Its output bias acts as
 * a learned baseline. Three evaluations of f per estimate (b, σ_λ(z), σ_λ(z̃));
 * the network's two passes are not evaluations of f.
 */
import * as tf from '../tfjs';
import { uniformNoise } from '../noise';
import { defineEstimator, type SurrogateInput } from './estimator';
import { controlVariateSurrogate, controlVariateVariance, ownParameter } from './controlVariate';
import { REBAR_START, scaledRelaxedObjective } from './rebar';
import { oneHotSample } from './sampling';
import { softmaxTwice } from './twiceDifferentiable';

/** Hidden units of r_φ. */
export const RELAX_HIDDEN = 16;

/** c_φ(z) per row, [B]. Softplus, not tanh: its gradient reads its input, so tfjs's gradient of a gradient is right (twiceDifferentiable.ts). */
function controlVariate(z: tf.Tensor, input: SurrogateInput): tf.Tensor {
  const p = (name: string) => ownParameter(input, name, 'RELAX');
  const relaxed = softmaxTwice(tf.div(z, tf.exp(p('logTemperature'))));
  const flat = tf.reshape(relaxed, [z.shape[0]!, -1]);
  const hidden = tf.softplus(tf.add(tf.matMul(flat, p('w1')), p('b1')));
  const network = tf.add(tf.reshape(tf.matMul(hidden, p('w2')), [-1]), p('b2'));
  return tf.add(scaledRelaxedObjective(z, input, 'RELAX'), network);
}

export const relaxEstimator = defineEstimator({
  id: 'relax',
  era: 'since-2017',
  reference:
    'Grathwohl, Choi, Wu, Roeder & Duvenaud (2018), RELAX, Algorithm 2 (discrete variables); an advanced option',
  evaluations: 3,
  classes: 'any',
  label: 'RELAX',
  color: 'series-12',
  unbiased: true,
  feeds: 'one-hot',
  gradient:
    '[f(b) − c(z̃)]∇log p(b) + ∇c(z) − ∇c(z̃), c = η f(σ_λ) + a small network, all learned for low variance',
  advanced: true,
  learned: {
    create: (row, seed) => {
      const inputs = row.reduce((a, b) => a * b, 1);
      // Uniform(−a, a) with a = √(3/inputs): variance 1/inputs per weight. The
      // output layer starts at 0, so RELAX starts as REBAR.
      const limit = Math.sqrt(3 / inputs);
      const w1 = tf.tidy(() =>
        tf.mul(tf.sub(tf.mul(uniformNoise([inputs, RELAX_HIDDEN], seed), 2), 1), limit),
      );
      return {
        eta: tf.variable(tf.scalar(REBAR_START.eta)),
        logTemperature: tf.variable(tf.scalar(Math.log(REBAR_START.temperature))),
        w1: tf.variable(w1),
        b1: tf.variable(tf.zeros([RELAX_HIDDEN])),
        w2: tf.variable(tf.zeros([RELAX_HIDDEN, 1])),
        b2: tf.variable(tf.scalar(0)),
      };
    },
    learningRate: 0.01,
    variance: (input) => controlVariateVariance(input, controlVariate),
  },
  forward: oneHotSample,
  surrogate: (input) => controlVariateSurrogate(input, controlVariate),
});
