/** REINFORCE (the score function, SF): f(z)·∇log q(z) at a one-hot sample z. */
import * as tf from '../tfjs';
import { defineEstimator } from './estimator';
import { scoreTerm } from './learningSignal';
import { oneHotSample } from './sampling';

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
  // The signal is f itself; the paper normalizes its variance (Jang et al. 2017, Sec. 4).
  normalization: { inPaper: true, signal: ({ loss }) => loss },
  forward: oneHotSample,
  // The downstream's own parameters get ∇f through the first term; the logits get f·∇log q.
  surrogate: ({ logits, sample, loss, scale, logQ }) =>
    tf.add(loss, scoreTerm(logits, sample, loss, scale, logQ)),
});
