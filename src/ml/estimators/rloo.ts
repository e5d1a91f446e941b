/**
 * REINFORCE leave-one-out, RLOO (Kool, van Hoof & Welling 2019, "Buy 4
 * REINFORCE Samples, Get a Baseline for Free!", Sec. 2): S samples z₁…z_S of
 * the same example, each one's baseline the mean f of the other S − 1,
 *   ĝ = (1/S) Σ_s (f(z_s) − (1/(S−1)) Σ_{j≠s} f(z_j))·∇log q(z_s)
 *     = (1/(S−1)) Σ_s (f(z_s) − f̄)·∇log q(z_s),
 * unbiased because z_s's baseline does not depend on z_s. Sample 1 is the
 * shared one-hot sample fed forward (the same z as REINFORCE's); samples
 * 2…S come from this estimator's own stream and are evaluated with
 * `downstream`. The downstream's own parameters get the mean of the S
 * gradients of f.
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { deriveSeed } from '../counterHash';
import { gumbelNoise } from '../noise';
import { oneHotOfArgmax } from '../gumbelSoftmax';
import { defineEstimator } from './estimator';
import { logProbabilityOf, oneHotSample } from './sampling';

/** Samples per estimate (the paper's title: buy 4). */
export const RLOO_SAMPLES = 4;
/** Names this estimator's stream of the step's seed (deriveSeed). */
const STREAM = 0x7210; // 'rl'

export const rlooEstimator = defineEstimator({
  id: 'rloo',
  era: 'since-2017',
  reference: 'Kool, van Hoof & Welling (2019), Sec. 2: REINFORCE with the leave-one-out baseline',
  evaluations: RLOO_SAMPLES,
  classes: 'any',
  label: 'RLOO',
  color: 'series-6',
  unbiased: true,
  feeds: 'one-hot',
  gradient: `(f(z) − mean f of the other ${RLOO_SAMPLES - 1} samples)·∇log q(z), averaged over ${RLOO_SAMPLES} samples`,
  forward: oneHotSample,
  surrogate: ({ logits, sample, loss, seed, downstream }) => {
    const s = RLOO_SAMPLES;
    const extra = tf.unstack(gumbelNoise([s - 1, ...logits.shape], deriveSeed(seed, STREAM))); // S − 1 × [B, ..., K]
    const samples = [sample, ...extra.map((g) => oneHotOfArgmax(tf.add(logits, g)))];
    const losses = [loss, ...samples.slice(1).map((z) => downstream(z))]; // S × [B]
    const values = losses.map((f) => stopGradient(f));
    const mean = tf.mean(tf.stack(values), 0);
    const score = tf.addN(
      samples.map((z, i) => tf.mul(tf.sub(values[i]!, mean), logProbabilityOf(logits, z))),
    );
    return tf.add(tf.mean(tf.stack(losses), 0), tf.div(score, s - 1));
  },
});
