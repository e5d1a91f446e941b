/**
 * Gumbel-Softmax (Jang et al. 2017; the Concrete distribution of Maddison et
 * al. 2017): the relaxed sample y = softmax((l + g)/τ) forward, its exact
 * gradient backward. Unbiased for the relaxed objective, biased for the discrete one.
 */
import { defineEstimator } from './estimator';
import { relaxedSample } from './sampling';

export const gumbelSoftmaxEstimator = defineEstimator({
  id: 'gumbel-softmax',
  era: 'lecture',
  reference: 'Jang, Gu & Poole (2017), eq. (1)–(2); Maddison, Mnih & Teh (2017)',
  evaluations: 1,
  classes: 'any',
  label: 'Gumbel-Softmax',
  color: 'series-1',
  unbiased: false,
  feeds: 'relaxed',
  gradient: '∇f(y)·∂y/∂l through the relaxed sample y',
  paperColumn: 'Gumbel-S.',
  forward: relaxedSample,
  surrogate: ({ loss }) => loss,
});
