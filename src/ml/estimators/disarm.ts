/**
 * DisARM (Dong, Mnih & Tucker 2020, "DisARM: An Antithetic Gradient Estimator
 * for Binary Latent Variables", NeurIPS; §3, the estimator g_DisARM and its
 * multivariate form): ARM with the augmenting uniform integrated out given the
 * antithetic pair (b, b̃), E[ĝ_ARM | b, b̃], so its variance is never larger.
 * Per binary variable v, with b = 1[u < σ(φ)] and b̃ = 1[1 − u < σ(φ)]:
 *   ĝ_v = ½·(f(b) − f(b̃))·(−1)^{b̃_v}·1[b_v ≠ b̃_v]·σ(|φ_v|),
 * and (−1)^{b̃_v}·1[b_v ≠ b̃_v] = b_v − b̃_v. b is the forward one-hot sample
 * (REINFORCE's, from the shared noise: see binary.ts); f(b̃) is one extra
 * evaluation per row at the whole antithetic vector.
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { defineEstimator } from './estimator';
import { oneHotSample } from './sampling';
import {
  antitheticSample,
  binaryLogit,
  checkBinary,
  classPart,
  perRow,
  surrogateOfBinaryGradient,
} from './binary';

export const disarmEstimator = defineEstimator({
  id: 'disarm',
  era: 'since-2017',
  reference:
    'Dong, Mnih & Tucker (2020), DisARM: An Antithetic Gradient Estimator for Binary Latent Variables, NeurIPS, §3 (g_DisARM)',
  evaluations: 2,
  classes: 'binary',
  label: 'DisARM',
  color: 'series-10',
  unbiased: true,
  feeds: 'one-hot',
  gradient: '½(f(b) − f(b̃))·(b − b̃)·σ(|φ|) per binary logit: ARM with u integrated out',
  forward: (input) => {
    checkBinary(input.logits, 'DisARM');
    return oneHotSample(input);
  },
  surrogate: ({ logits, noise, sample, loss, downstream }) => {
    checkBinary(logits, 'DisARM');
    const antithetic = antitheticSample({ logits, noise });
    // Only the value of f(b̃) enters; the downstream's parameters learn from f(b).
    const fAntithetic = stopGradient(downstream(antithetic));
    const phi = binaryLogit(logits); // [B, ...]
    const halfDifference = perRow(tf.mul(tf.sub(stopGradient(loss), fAntithetic), 0.5), phi.rank);
    const sign = tf.sub(classPart(sample, 1), classPart(antithetic, 1)); // b − b̃ ∈ {−1, 0, 1}
    const g = tf.mul(tf.mul(halfDifference, sign), tf.sigmoid(tf.abs(phi)));
    return surrogateOfBinaryGradient(loss, logits, g);
  },
});
