/** REINFORCE (the score function, SF): f(z)·∇log q(z) at a one-hot sample z. */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { defineEstimator } from './estimator';
import { logProbabilityOf, oneHotSample } from './sampling';

export const reinforceEstimator = defineEstimator({
  id: 'reinforce',
  era: 'lecture',
  reference: 'Williams (1992), the score-function identity ∇𝔼f = 𝔼[f·∇log q]',
  evaluations: 1,
  classes: 'any',
  label: 'REINFORCE',
  color: 'series-4',
  unbiased: true,
  feeds: 'one-hot',
  gradient: 'f(z)·∇log q(z): the score function, no gradient through z',
  paperColumn: 'SF',
  forward: oneHotSample,
  // The downstream's own parameters get ∇f through the first term; the logits get f·∇log q.
  surrogate: ({ logits, sample, loss }) =>
    tf.add(loss, tf.mul(stopGradient(loss), logProbabilityOf(logits, sample))),
});
