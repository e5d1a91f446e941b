/**
 * The estimators of Jang, Gu & Poole (2017), Table 1, beyond the lecture's
 * five, written from their papers for the trust tests (see estimatorFormulas.ts).
 */
import * as tf from '../tfjs';
import {
  at,
  fGradient,
  oneHot,
  score,
  softmaxJacobianTimes,
  valueOf,
  type Formula,
} from './exampleFormula';

/**
 * The estimators of Jang et al.'s Table 1 beyond the lecture's five (written
 * before their modules reached this branch; the test runs them once they are
 * registered).
 */
export const paperFormulas: Partial<Record<string, Formula>> = {
  // Gregor et al. (2014) as Jang et al. (2017, Sec. 3.2) use it: per variable the Taylor signal
  // s_v = ∇_{z_v} f(z)·(z_v − z̄_v) around z̄ = 1/K (½ for a binary unit), ĝ_v = (s_v/scale)(z_v − q_v).
  darn: (c) => {
    const z = oneHot(c);
    const k = z.shape[1]!;
    const perVariable = tf.sum(tf.mul(fGradient(c, z), tf.sub(z, 1 / k)), -1, true); // [N, 1]
    const logits = tf.mul(tf.div(perVariable, c.scale), score(c, z));
    return { fed: z, logits, decoderAt: at(z), signal: Array.from(perVariable.dataSync()) };
  },
  // Gu et al. (2016), Sec. 3: z̄ = q; r = f(z) − f(z̄) − ∇f(z̄)·(z − z̄);
  // ĝ = (r/scale)(z − q) + J_softmax(l)ᵀ ∇f(z̄), the linear term's mean added back.
  muprop: (c) => {
    const z = oneHot(c);
    const q = tf.softmax(c.logits);
    const gq = fGradient(c, q);
    const r = valueOf(c.f(z)) - valueOf(c.f(q)) - valueOf(tf.sum(tf.mul(gq, tf.sub(z, q))));
    const logits = tf.add(tf.mul(r / c.scale, score(c, z)), softmaxJacobianTimes(q, gq));
    return { fed: z, logits, decoderAt: at(z), signal: [r] };
  },
  // Chung et al. (2016), Sec. 3.3: backward through softmax(a·l), ∂/∂l = a·(diag p − p pᵀ), p = softmax(a·l).
  'annealed-st': (c) => {
    const z = oneHot(c);
    const p = tf.softmax(tf.mul(c.logits, c.slope));
    return {
      fed: z,
      logits: tf.mul(c.slope, softmaxJacobianTimes(p, fGradient(c, z))),
      decoderAt: at(z),
    };
  },
};
