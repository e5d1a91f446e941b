/**
 * Straight-through (Bengio et al. 2013): the one-hot sample z forward, and
 * backward as if it had been the probabilities q = softmax(l), ∂z/∂q ≈ I.
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { defineEstimator } from './estimator';
import { logSoftmaxOf, oneHotSample } from './sampling';

export const straightThroughEstimator = defineEstimator({
  id: 'straight-through',
  era: 'lecture',
  reference: 'Bengio, Léonard & Courville (2013)',
  evaluations: 1,
  classes: 'any',
  label: 'straight-through',
  color: 'series-2',
  unbiased: false,
  feeds: 'one-hot',
  gradient: '∇f(z) passed on as if z were q = softmax(l)',
  paperColumn: 'ST',
  forward: (input) => {
    // z + (q − q): exactly z forward (x − x is 0 in floating point), q's gradient backward.
    const q = tf.exp(logSoftmaxOf(input));
    return tf.add(oneHotSample(input), tf.sub(q, stopGradient(q)));
  },
  surrogate: ({ loss }) => loss,
});
