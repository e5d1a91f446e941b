/**
 * Gumbel-Rao (Paulus, Maddison & Krause 2021, "Rao-Blackwellizing the
 * Straight-Through Gumbel-Softmax Gradient Estimator", Sec. 4): the one-hot
 * z = onehot(argmax(l + g)) forward, as straight-through Gumbel-Softmax, and
 * backward the Jacobian of the mean of M relaxed samples drawn given z,
 *   ĝ = ∇f(z) · ∂/∂l [ (1/M) Σ_m softmax((l + g̃_m)/τ) ],  g̃_m ~ g | argmax(l + g) = z,
 * a Monte Carlo estimate of E[ST-GS estimate | z]. Conditioning keeps the
 * expectation (the tower rule) and can only lower the variance. As in
 * ST-GS, whose noise g does not depend on l, the draws g̃_m are held fixed
 * under ∂/∂l (so E over z of the estimate is exactly ST-GS's expectation; the
 * paper's text also differentiates through g̃_m, which would change it).
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { deriveSeed } from '../counterHash';
import { defineEstimator } from './estimator';
import { conditionalGumbelNoise, oneHotSample } from './sampling';

/** Conditional draws per estimate (the paper reports M = 10, 100 and 1000; 10 already captures most of the gain). */
export const GUMBEL_RAO_SAMPLES = 10;
/** Names this estimator's stream of the step's seed (deriveSeed). */
const STREAM = 0x6752; // 'gR'

export const gumbelRaoEstimator = defineEstimator({
  id: 'gumbel-rao',
  era: 'since-2017',
  reference:
    'Paulus, Maddison & Krause (2021), Sec. 4: E[∇ST-GS | z] by M conditional Gumbel draws',
  // The conditional draws cost relaxed softmaxes, not evaluations of f.
  evaluations: 1,
  classes: 'any',
  label: 'Gumbel-Rao',
  color: 'series-7',
  unbiased: false,
  feeds: 'one-hot',
  gradient: `∇f(z) passed on as if z were the mean of ${GUMBEL_RAO_SAMPLES} relaxed samples given z`,
  forward: (input) => {
    const z = oneHotSample(input);
    const noise = conditionalGumbelNoise(
      input.logits,
      z,
      GUMBEL_RAO_SAMPLES,
      deriveSeed(input.seed, STREAM),
    ); // [M, B, ..., K]
    const y = tf.mean(tf.softmax(tf.div(tf.add(input.logits, noise), input.temperature)), 0);
    // z + (ȳ − ȳ): exactly z forward, ȳ's gradient backward.
    return tf.add(z, tf.sub(y, stopGradient(y)));
  },
  surrogate: ({ loss }) => loss,
});
