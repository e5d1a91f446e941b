/**
 * ARM, Augment-REINFORCE-Merge (Yin & Zhou 2019, "ARM: Augment-REINFORCE-Merge
 * Gradient for Stochastic Binary Networks", ICLR; Theorem 1), for V binary
 * variables z_v ~ Bernoulli(σ(φ_v)) and u ~ ∏ Uniform(0, 1):
 *   ∇_φ E[f(z)] = E_u[(f(1[u > σ(−φ)]) − f(1[u < σ(φ)]))·(u − ½)].
 * Here b = 1[u < σ(φ)] is the forward one-hot sample (the same as REINFORCE's,
 * u from the shared Gumbel noise: see binary.ts) and 1[u > σ(−φ)] =
 * 1[1 − u < σ(φ)] = b̃ its antithetic twin, so per variable v
 *   ĝ_v = (f(b̃) − f(b))·(u_v − ½),
 * with f(b̃) at the whole antithetic vector: one extra evaluation per row.
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { defineEstimator } from './estimator';
import { oneHotSample } from './sampling';
import {
  antitheticSample,
  checkBinary,
  perRow,
  surrogateOfBinaryGradient,
  uniformOfNoise,
} from './binary';

export const armEstimator = defineEstimator({
  id: 'arm',
  era: 'since-2017',
  reference:
    'Yin & Zhou (2019), ARM: Augment-REINFORCE-Merge Gradient for Stochastic Binary Networks, ICLR, Theorem 1',
  evaluations: 2,
  classes: 'binary',
  label: 'ARM',
  color: 'series-9',
  unbiased: true,
  feeds: 'one-hot',
  gradient: '(f(b̃) − f(b))·(u − ½) per binary logit, b̃ the antithetic sample at 1 − u',
  forward: (input) => {
    checkBinary(input.logits, 'ARM');
    return oneHotSample(input);
  },
  surrogate: ({ logits, noise, loss, downstream }) => {
    checkBinary(logits, 'ARM');
    // Only the value of f(b̃) enters the estimate; the downstream's own
    // parameters learn from f(b) alone, as with every one-hot estimator.
    const antithetic = stopGradient(downstream(antitheticSample({ logits, noise })));
    const u = uniformOfNoise(noise); // [B, ...]
    const difference = perRow(tf.sub(antithetic, stopGradient(loss)), u.rank);
    return surrogateOfBinaryGradient(loss, logits, tf.mul(difference, tf.sub(u, 0.5)));
  },
});
