/**
 * Each registered estimator's single-example gradient, written again from its
 * paper's formula for the trust tests, without the estimator modules: for one
 * example with logits l [N, K] and the step's Gumbel noise g [N, K], the
 * estimate ĝ of ∇_l E[f] and the values at which the decoder's weights get
 * ∇_θ f. Shapes are one example's: no batch, no copy axis. An estimator added
 * to the registry needs one entry here (vaeRace.trust.test.ts fails until it
 * has one).
 */
import * as tf from '../tfjs';
import { argmaxOneHot } from './oneExampleVae';
import {
  at,
  fGradient,
  oneHot,
  relaxed,
  score,
  scoreFunction,
  softmaxJacobianTimes,
  valueOf,
  type ExampleContext,
  type ExampleGradient,
  type Formula,
} from './exampleFormula';
import { paperFormulas } from './paperFormulas';

export type { ExampleContext, ExampleGradient, Formula } from './exampleFormula';

/**
 * Binary variables as K = 2 (Yin & Zhou 2019; Dong et al. 2020): φ = l₁ − l₀,
 * u = σ(g₀ − g₁), b = 1[u < σ(φ)], the antithetic b̃ = 1[1 − u < σ(φ)];
 * computed here in double precision, straight from those definitions.
 */
function antitheticPair(c: ExampleContext) {
  const l = c.logits.dataSync();
  const g = c.noise.dataSync();
  const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
  const n = l.length / 2;
  const phi = Array.from({ length: n }, (_, i) => l[2 * i + 1]! - l[2 * i]!);
  const u = Array.from({ length: n }, (_, i) => sigmoid(g[2 * i]! - g[2 * i + 1]!));
  const b = phi.map((p, i) => (u[i]! < sigmoid(p) ? 1 : 0));
  const bt = phi.map((p, i) => (1 - u[i]! < sigmoid(p) ? 1 : 0));
  const asOneHot = (bits: number[]) =>
    tf.tensor2d(
      bits.flatMap((v) => [1 - v, v]),
      [n, 2],
    );
  /** A gradient per binary logit φ, as (−g, +g) on (l₀, l₁). */
  const onLogits = (perPhi: number[]) =>
    tf.tensor2d(
      perPhi.flatMap((v) => [-v, v]),
      [n, 2],
    );
  return { phi, u, b, bt, bOneHot: asOneHot(b), btOneHot: asOneHot(bt), onLogits, sigmoid };
}

/**
 * REBAR / RELAX with control variate c (Tucker et al. 2017, Sec. 3;
 * Grathwohl et al. 2018, Alg. 2): ĝ = [f(b) − c(z̃)]·(b − q) + ∇_l c(z) − ∇_l c(z̃),
 * z = l + g, z̃ ~ z | b reparameterized in l from base noise E tied to z
 * (log E_k = lse(l) − z_k for the winner k, log E_i = −g_i + log(1 − e^{z_i − z_k})),
 *   z̃_k = lse(l) − log E_k,  z̃_i = −log(E_i e^{−l_i} + E_k e^{−lse(l)}).
 */
function controlVariate(c: ExampleContext, cv: (v: tf.Tensor) => tf.Scalar): ExampleGradient {
  const { logits: l, noise: g } = c;
  const z = tf.add(l, g);
  const b = argmaxOneHot(z);
  const isWinner = tf.cast(b, 'bool');
  const zk = tf.sum(tf.mul(z, b), -1, true);
  const logE = tf.where(
    isWinner,
    tf.sub(tf.broadcastTo(tf.logSumExp(l, -1, true), l.shape), z),
    tf.add(tf.neg(g), tf.log(tf.sub(1, tf.exp(tf.sub(z, zk))))),
  );
  const logEk = tf.sum(tf.mul(logE, b), -1, true);
  const conditional = (lv: tf.Tensor) => {
    const lse = tf.logSumExp(lv, -1, true);
    const others = tf.neg(
      tf.logSumExp(tf.stack([tf.sub(logE, lv), tf.broadcastTo(tf.sub(logEk, lse), lv.shape)]), 0),
    );
    return tf.where(isWinner, tf.broadcastTo(tf.sub(lse, logEk), lv.shape), others);
  };
  const pathwise = tf.grad((lv: tf.Tensor) => tf.sub(cv(tf.add(lv, g)), cv(conditional(lv))))(l);
  const weight = valueOf(c.f(b)) - valueOf(cv(conditional(l)));
  return { fed: b, logits: tf.add(tf.mul(weight, score(c, b)), pathwise), decoderAt: at(b) };
}

const own = (c: ExampleContext, name: string) => {
  const v = c.own?.[name];
  if (!v) throw new RangeError(`No learned parameter '${name}'.`);
  return v;
};
/** η·f(softmax(v/λ)), REBAR's control variate, λ = e^{log λ}. */
const scaledRelaxed = (c: ExampleContext, v: tf.Tensor) =>
  tf.mul(own(c, 'eta'), c.f(tf.softmax(tf.div(v, tf.exp(own(c, 'logTemperature')))))) as tf.Scalar;

export const formulas: Partial<Record<string, Formula>> = {
  ...paperFormulas,
  // Williams (1992): f(z)·∇log q(z).
  reinforce: (c) => scoreFunction(c, 0),
  // (f(z) − b)·∇log q(z), b the copy's moving average.
  'reinforce-baseline': (c) => scoreFunction(c, c.baseline),
  // Bengio et al. (2013): ∇f(z) through ∂softmax(l)/∂l.
  'straight-through': (c) => {
    const z = oneHot(c);
    return {
      fed: z,
      logits: softmaxJacobianTimes(tf.softmax(c.logits), fGradient(c, z)),
      decoderAt: at(z),
    };
  },
  // Jang et al. (2017), eq. (1)–(2): f at y = softmax((l + g)/τ), ∂y/∂l = (diag y − y yᵀ)/τ.
  'gumbel-softmax': (c) => {
    const y = relaxed(c);
    return {
      fed: y,
      logits: tf.div(softmaxJacobianTimes(y, fGradient(c, y)), c.tau),
      decoderAt: at(y),
    };
  },
  // Jang et al. (2017), Sec. 2.2: f at z = onehot(argmax y), backward through y.
  'st-gumbel-softmax': (c) => {
    const z = oneHot(c);
    const y = relaxed(c);
    return {
      fed: z,
      logits: tf.div(softmaxJacobianTimes(y, fGradient(c, z)), c.tau),
      decoderAt: at(z),
    };
  },
  // Kool et al. (2019): (1/(S−1)) Σ_s (f(z_s) − f̄)(z_s − q), S = 4; z₁ the shared sample,
  // z₂…z₄ from the estimator's stream 0x7210; the decoder gets the mean of ∇_θ f(z_s).
  rloo: (c) => {
    const zs = [
      oneHot(c),
      ...c.ownNoise('gumbel', 3, 0x7210).map((g) => argmaxOneHot(tf.add(c.logits, g))),
    ];
    const fs = zs.map((z) => valueOf(c.f(z)));
    const mean = fs.reduce((a, b) => a + b, 0) / fs.length;
    const terms = zs.map((z, s) => tf.mul((fs[s]! - mean) / (zs.length - 1), score(c, z)));
    return {
      fed: zs[0]!,
      logits: tf.addN(terms),
      decoderAt: zs.map((value) => ({ value, weight: 1 / zs.length })),
    };
  },
  // Paulus et al. (2021), Sec. 4: the mean over M = 10 draws x̃ ~ l + g | z (stream 0x6752, the
  // A* construction from E = −log u) of ∂softmax(x̃/τ)/∂l (x̃ − l held) applied to ∇f(z).
  'gumbel-rao': (c) => {
    const z = oneHot(c);
    const d = fGradient(c, z);
    const lse = tf.logSumExp(c.logits, -1, true);
    const draws = c.ownNoise('uniform', 10, 0x6752).map((u) => {
      const logE = tf.log(tf.neg(tf.log(u)));
      const logEk = tf.sum(tf.mul(logE, z), -1, true);
      const others = tf.neg(
        tf.log(tf.add(tf.exp(tf.sub(logE, c.logits)), tf.exp(tf.sub(logEk, lse)))),
      );
      const x = tf.add(tf.mul(z, tf.sub(lse, logEk)), tf.mul(tf.sub(1, z), others));
      return tf.div(softmaxJacobianTimes(tf.softmax(tf.div(x, c.tau)), d), c.tau);
    });
    return { fed: z, logits: tf.div(tf.addN(draws), draws.length), decoderAt: at(z) };
  },
  // Liu et al. (2023), Alg. 2: ĝ = (2 J(π₁) − ½ J(π₀))∇f(D), π₀ = softmax(l), π₁ = (D + softmax(l/τ))/2.
  reinmax: (c) => {
    const z = oneHot(c);
    const d = fGradient(c, z);
    const pi1 = tf.div(tf.add(z, tf.softmax(tf.div(c.logits, c.tau))), 2);
    const logits = tf.sub(
      tf.mul(2, softmaxJacobianTimes(pi1, d)),
      tf.mul(0.5, softmaxJacobianTimes(tf.softmax(c.logits), d)),
    );
    return { fed: z, logits, decoderAt: at(z) };
  },
  // Yin & Zhou (2019), Thm. 1: ĝ_φ = (f(b̃) − f(b))(u − ½).
  arm: (c) => {
    const p = antitheticPair(c);
    const diff = valueOf(c.f(p.btOneHot)) - valueOf(c.f(p.bOneHot));
    return {
      fed: p.bOneHot,
      logits: p.onLogits(p.u.map((u) => diff * (u - 0.5))),
      decoderAt: at(p.bOneHot),
    };
  },
  // Dong et al. (2020), §3: ĝ_φ = ½(f(b) − f(b̃))(b − b̃)σ(|φ|).
  disarm: (c) => {
    const p = antitheticPair(c);
    const half = (valueOf(c.f(p.bOneHot)) - valueOf(c.f(p.btOneHot))) / 2;
    const perPhi = p.phi.map((phi, i) => half * (p.b[i]! - p.bt[i]!) * p.sigmoid(Math.abs(phi)));
    return { fed: p.bOneHot, logits: p.onLogits(perPhi), decoderAt: at(p.bOneHot) };
  },
  // c(v) = η f(σ_λ(v)).
  rebar: (c) => controlVariate(c, (v) => scaledRelaxed(c, v)),
  // c(v) = η f(σ_λ(v)) + r(σ_λ(v)), r = softplus(flat(·) w₁ + b₁) w₂ + b₂.
  relax: (c) =>
    controlVariate(c, (v) => {
      const y = tf.softmax(tf.div(v, tf.exp(own(c, 'logTemperature'))));
      const hidden = tf.softplus(
        tf.add(tf.matMul(tf.reshape(y, [1, -1]), own(c, 'w1')), own(c, 'b1')),
      );
      return tf.add(
        scaledRelaxed(c, v),
        tf.sum(tf.add(tf.matMul(hidden, own(c, 'w2')), own(c, 'b2'))),
      ) as tf.Scalar;
    }),
};
