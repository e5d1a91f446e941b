/**
 * Straight-through Gumbel-Softmax (Jang et al. 2017): the one-hot sample
 * z = onehot(argmax y) forward, the gradient of the relaxed y backward.
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { defineEstimator } from './estimator';
import { oneHotSample, relaxedSample } from './sampling';

export const stGumbelSoftmaxEstimator = defineEstimator({
  id: 'st-gumbel-softmax',
  era: 'lecture',
  reference: 'Jang, Gu & Poole (2017), Section 2.2',
  evaluations: 1,
  classes: 'any',
  label: 'ST Gumbel-Softmax',
  color: 'series-3',
  unbiased: false,
  feeds: 'one-hot',
  gradient: '∇f(z) passed on as if z were the relaxed y',
  paperColumn: 'ST Gumbel-S.',
  forward: (input) => {
    // z + (y − y): exactly z forward, y's gradient backward. argmax y = argmax(l + g) = z.
    const y = relaxedSample(input);
    return tf.add(oneHotSample(input), tf.sub(y, stopGradient(y)));
  },
  surrogate: ({ loss }) => loss,
});
