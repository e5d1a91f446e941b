/**
 * REINFORCE with a moving-average baseline: (f(z) − b)·∇log q(z), where b
 * (kept by the caller as the estimator declares) does not depend on z, so the
 * estimate stays unbiased while its variance shrinks when b is near E f.
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { defineEstimator } from './estimator';
import { logProbabilityOf, oneHotSample } from './sampling';

export const reinforceBaselineEstimator = defineEstimator({
  id: 'reinforce-baseline',
  era: 'lecture',
  reference: 'Williams (1992), with a moving-average baseline (Mnih & Gregor 2014)',
  evaluations: 1,
  classes: 'any',
  label: 'REINFORCE + baseline',
  color: 'series-5',
  unbiased: true,
  feeds: 'one-hot',
  gradient: '(f(z) − b)·∇log q(z), b a moving average of f',
  paperColumn: 'SF + baseline†',
  baseline: { decay: 0.9 },
  forward: oneHotSample,
  surrogate: ({ logits, sample, loss, baseline }) =>
    tf.add(loss, tf.mul(stopGradient(tf.sub(loss, baseline)), logProbabilityOf(logits, sample))),
});
