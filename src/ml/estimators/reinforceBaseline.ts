/**
 * REINFORCE with a moving-average baseline: (f(z) − b)·∇log q(z), where b
 * (kept by the caller as the estimator declares) does not depend on z, so the
 * estimate stays unbiased while its variance shrinks when b is near E f.
 */
import * as tf from '../tfjs';
import { defineEstimator } from './estimator';
import { scoreTerm } from './learningSignal';
import { oneHotSample } from './sampling';

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
  // Not a column of the paper (ours), but normalizable like its SF.
  normalization: { inPaper: false, signal: ({ loss, baseline }) => tf.sub(loss, baseline) },
  forward: oneHotSample,
  surrogate: ({ logits, sample, loss, baseline, scale, logQ }) =>
    tf.add(loss, scoreTerm(logits, sample, tf.sub(loss, baseline), scale, logQ)),
});
