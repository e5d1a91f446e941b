/**
 * Trust in the SBN race's gradients: for each estimator, the gradient that the
 * stacked, batched step applies to that copy equals the gradient computed for
 * that estimator alone, one example at a time, by a path written here from the
 * estimator's formula (not through src/ml/estimators/ or sbnObjective.ts), at
 * the same weights, batch, noise of both layers, baseline and τ. A wiring
 * mistake (a baseline not subtracted, a layer's noise not shared, one layer's
 * gradient counted twice, another copy's weights) fails here.
 */
import { describe, expect, test } from 'vitest';
import * as tf from './tfjs';
import { runOnCpuBackend } from './testSupport';
import { estimators, type EstimatorId } from './estimators/registry';
import { appliesTo } from './estimators/estimator';
import { seed as asSeed } from './types';
import { gumbelNoise, uniformNoise } from './noise';
import { deriveSeed } from './counterHash';
import { sbnParamNames, type SbnParamName } from './sbn';
import { SbnRace } from './sbnRace';

runOnCpuBackend();

type Params = Record<SbnParamName, tf.Tensor>;
/** One example's inputs: upper and lower halves [1, U], [1, L], noise of each layer [N, K]. */
interface Example {
  upper: tf.Tensor;
  lower: tf.Tensor;
  g1: tf.Tensor;
  g2: tf.Tensor;
  baseline: number;
  tau: number;
  /** RLOO's own noise of each layer for this example, [3, N, K]. */
  extra?: readonly [tf.Tensor, tf.Tensor];
  /** Gumbel-Rao's uniforms of each layer for this example, [10, N, K]. */
  raoUniforms?: readonly [tf.Tensor, tf.Tensor];
  /** Slope-annealed ST's slope a at this step. */
  slope: number;
}

/** The value `forward` with the gradient of `backward` (the straight-through rule ∂forward/∂backward = I). */
const straightThrough = (forward: tf.Tensor, backward: tf.Tensor) =>
  tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.clone(args[0] as tf.Tensor),
    gradFunc: (dy: tf.Tensor) => [tf.zerosLike(dy), dy],
  }))(forward, backward);

/** onehot(argmax) per row of [N, K], as a constant. */
const oneHotArgmax = (t: tf.Tensor) =>
  tf.tidy(() => tf.cast(tf.oneHot(tf.argMax(t, -1), t.shape[1]!), 'float32'));

const firstLogits = (p: Params, ex: Example, n: number) =>
  tf.reshape(tf.add(tf.matMul(ex.upper, p.w1), p.b1), [n, -1]);
const secondLogits = (p: Params, h1: tf.Tensor, n: number) =>
  tf.reshape(tf.add(tf.matMul(tf.reshape(h1, [1, -1]), p.w2), p.b2), [n, -1]);
/** −log p(x_l | h₂) = Σ softplus(l) − x·l. */
const nll = (p: Params, h2: tf.Tensor, ex: Example) => {
  const l = tf.add(tf.matMul(tf.reshape(h2, [1, -1]), p.w3), p.b3);
  return tf.sum(tf.sub(tf.softplus(l), tf.mul(ex.lower, l)));
};

/** ∇f in every weight (0 where f does not depend on it: tf.grads wants every input on the path). */
const gradientsOf = (p: Params, f: (q: Params) => tf.Scalar) =>
  tf.grads((...ws: tf.Tensor[]) => {
    const q = Object.fromEntries(sbnParamNames.map((k, i) => [k, ws[i]!])) as Params;
    return tf.addN([f(q), ...ws.map((w) => tf.mul(tf.sum(w), 0))]) as tf.Scalar;
  })(sbnParamNames.map((k) => p[k]));

/** The score-function gradient (f − b)·∇[log q(h₁) + log q(h₂)] + ∇f at the one-hot samples. */
function scoreFunction(p: Params, ex: Example, n: number, baseline: number): tf.Tensor[] {
  const z1 = oneHotArgmax(tf.add(firstLogits(p, ex, n), ex.g1));
  const z2 = oneHotArgmax(tf.add(secondLogits(p, z1, n), ex.g2));
  const asList = (f: (q: Params) => tf.Scalar) => gradientsOf(p, f);
  const f = nll(p, z2, ex).dataSync()[0]!;
  const direct = asList((q) => nll(q, z2, ex) as tf.Scalar);
  const score = asList(
    (q) =>
      tf.add(
        tf.sum(tf.mul(z1, tf.logSoftmax(firstLogits(q, ex, n)))),
        tf.sum(tf.mul(z2, tf.logSoftmax(secondLogits(q, z1, n)))),
      ) as tf.Scalar,
  );
  return direct.map((d, i) => tf.add(d, tf.mul(score[i]!, f - baseline)));
}

/** Plain backprop of f through a chain whose layers feed `feed(logits, noise, τ)`. */
function pathwise(feed: (l: tf.Tensor, g: tf.Tensor, tau: number) => tf.Tensor) {
  return (p: Params, ex: Example, n: number) =>
    gradientsOf(p, (q) => {
      const h1 = feed(firstLogits(q, ex, n), ex.g1, ex.tau);
      const h2 = feed(secondLogits(q, h1, n), ex.g2, ex.tau);
      return nll(q, h2, ex) as tf.Scalar;
    });
}

/** Class k's column of [N, 2], [N]. */
const column = (t: tf.Tensor, k: number) => tf.squeeze(tf.slice(t, [0, k], [-1, 1]), [1]);
/** The binary logit φ = l₁ − l₀ per variable, [N]. */
const binaryLogit = (l: tf.Tensor) => tf.sub(column(l, 1), column(l, 0));

/**
 * The antithetic estimators for binary units (Yin & Zhou 2019, ARM, Thm. 1;
 * Dong, Mnih & Tucker 2020, DisARM, §3), per layer and variable, with the
 * layer's uniform u = σ(g₀ − g₁) (b = 1[u < σ(φ)]) and the antithetic sample b̃
 * at 1 − u (the two noise values swapped): ARM ĝ_v = (f(b̃) − f(b))(u_v − ½),
 * DisARM ĝ_v = ½(f(b) − f(b̃))(b_v − b̃_v)σ(|φ_v|). Layer 1's f(b̃) runs layer 2
 * at b̃ with the same noise; the weights after a layer learn from ∇f(b) alone.
 */
function antithetic(kind: 'arm' | 'disarm') {
  return (p: Params, ex: Example, n: number) => {
    const swap = (g: tf.Tensor) => tf.reverse(g, -1);
    const value = (h2: tf.Tensor) => nll(p, h2, ex).dataSync()[0]!;
    const l1 = firstLogits(p, ex, n);
    const z1 = oneHotArgmax(tf.add(l1, ex.g1));
    const z1t = oneHotArgmax(tf.add(l1, swap(ex.g1)));
    const l2 = secondLogits(p, z1, n);
    const z2 = oneHotArgmax(tf.add(l2, ex.g2));
    const z2t = oneHotArgmax(tf.add(l2, swap(ex.g2)));
    const f = value(z2);
    const f1t = value(oneHotArgmax(tf.add(secondLogits(p, z1t, n), ex.g2)));
    const f2t = value(z2t);
    const weight = (l: tf.Tensor, g: tf.Tensor, z: tf.Tensor, zt: tf.Tensor, ft: number) =>
      kind === 'arm'
        ? tf.mul(tf.sub(tf.sigmoid(tf.sub(column(g, 0), column(g, 1))), 0.5), ft - f)
        : tf.mul(
            tf.mul(tf.sub(column(z, 1), column(zt, 1)), tf.sigmoid(tf.abs(binaryLogit(l)))),
            0.5 * (f - ft),
          );
    const c1 = weight(l1, ex.g1, z1, z1t, f1t);
    const c2 = weight(l2, ex.g2, z2, z2t, f2t);
    return gradientsOf(
      p,
      (q) =>
        tf.addN([
          nll(q, z2, ex),
          tf.sum(tf.mul(c1, binaryLogit(firstLogits(q, ex, n)))),
          tf.sum(tf.mul(c2, binaryLogit(secondLogits(q, z1, n)))),
        ]) as tf.Scalar,
    );
  };
}

/**
 * RLOO (Kool, van Hoof & Welling 2019, Sec. 2) per layer: S = 4 samples, the
 * shared one and 3 from RLOO's own noise (drawn here from the race's stream of
 * the step: layer seed, then RLOO's stream 0x7210),
 * ĝ = (1/(S − 1)) Σ_s (f(z_s) − f̄)∇log q(z_s); the weights after layer 2 learn
 * from the mean of ∇f(z_s) over its S samples.
 */
function rloo(p: Params, ex: Example, n: number): tf.Tensor[] {
  const s = 4;
  const value = (h2: tf.Tensor) => nll(p, h2, ex).dataSync()[0]!;
  const samplesOf = (l: tf.Tensor, g: tf.Tensor, extra: tf.Tensor) => [
    oneHotArgmax(tf.add(l, g)),
    ...tf.unstack(extra).map((x) => oneHotArgmax(tf.add(l, x))),
  ];
  const z1 = samplesOf(firstLogits(p, ex, n), ex.g1, ex.extra![0]);
  const l2 = secondLogits(p, z1[0]!, n);
  const z2 = samplesOf(l2, ex.g2, ex.extra![1]);
  const f1 = z1.map((z) => value(oneHotArgmax(tf.add(secondLogits(p, z, n), ex.g2))));
  const f2 = z2.map(value);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b) / xs.length;
  return gradientsOf(p, (q) => {
    const score = (f: number[], logQ: (z: tf.Tensor) => tf.Tensor, zs: tf.Tensor[]) =>
      tf.addN(zs.map((z, i) => tf.mul(tf.sum(tf.mul(z, logQ(z))), (f[i]! - mean(f)) / (s - 1))));
    const l1q = tf.logSoftmax(firstLogits(q, ex, n));
    const l2q = tf.logSoftmax(secondLogits(q, z1[0]!, n));
    return tf.addN([
      tf.div(tf.addN(z2.map((z) => nll(q, z, ex))), s),
      score(f1, () => l1q, z1),
      score(f2, () => l2q, z2),
    ]) as tf.Scalar;
  });
}

/**
 * Gumbel-Rao (Paulus, Maddison & Krause 2021, Sec. 4) per layer: forward the
 * one-hot z, backward the Jacobian of the mean of softmax((l + g̃_m)/τ) over
 * M = 10 draws g̃ ~ g | argmax(l + g) = z, held fixed: with Exp(1) variables
 * E = −log u (u from Gumbel-Rao's stream of the layer's seed, 0x6752),
 * l + g̃ = logsumexp(l) − log E_k at the winner k and −log(E_i e^{−l_i} + E_k e^{−logsumexp l})
 * elsewhere (Maddison, Tarlow & Minka 2014).
 */
function gumbelRao(p: Params, ex: Example, n: number): tf.Tensor[] {
  const conditional = (l: tf.Tensor, z: tf.Tensor, u: tf.Tensor) => {
    const values = l.arraySync() as number[][];
    const winners = (z.arraySync() as number[][]).map((row) => row.indexOf(1));
    const draws = u.arraySync() as number[][][]; // [M, N, K]
    return tf.tensor(
      draws.map((draw) =>
        values.map((row, v) => {
          const lse = Math.log(row.reduce((a, x) => a + Math.exp(x), 0));
          const e = draw[v]!.map((x) => -Math.log(x));
          const k = winners[v]!;
          return row.map((li, i) =>
            i === k
              ? lse - Math.log(e[k]!) - li
              : -Math.log(e[i]! * Math.exp(-li) + e[k]! * Math.exp(-lse)) - li,
          );
        }),
      ),
    ); // g̃, [M, N, K]
  };
  const feed = (l: tf.Tensor, g: tf.Tensor, u: tf.Tensor) => {
    const z = oneHotArgmax(tf.add(l, g));
    const noise = conditional(l, z, u);
    const mean = tf.mean(tf.softmax(tf.div(tf.add(tf.expandDims(l, 0), noise), ex.tau)), 0);
    return straightThrough(z, mean);
  };
  return gradientsOf(p, (q) => {
    const h1 = feed(firstLogits(q, ex, n), ex.g1, ex.raoUniforms![0]);
    const h2 = feed(secondLogits(q, h1, n), ex.g2, ex.raoUniforms![1]);
    return nll(q, h2, ex) as tf.Scalar;
  });
}

/**
 * ReinMax (Liu, Yang, Gao & Jiao 2023, Algorithm 2) per layer: forward the
 * one-hot D, backward ĝ = (2·J(π₁) − ½·J(π₀))·∇f(D) with J(p) = diag p − p pᵀ,
 * π₀ = softmax(l) and π₁ = (D + softmax(l/τ))/2 (values, held fixed).
 */
const reinMaxFeed = (l: tf.Tensor, g: tf.Tensor, tau: number) => {
  const d = oneHotArgmax(tf.add(l, g));
  const constant = (t: tf.Tensor) => tf.tensor(t.arraySync() as number[][]);
  const pi0 = constant(tf.softmax(l));
  const pi1 = constant(tf.div(tf.add(d, tf.softmax(tf.div(l, tau))), 2));
  const jacobianTimes = (p: tf.Tensor, dy: tf.Tensor) =>
    tf.sub(tf.mul(p, dy), tf.mul(p, tf.sum(tf.mul(p, dy), -1, true)));
  // π₀ and π₁ are saved for the backward pass (tfjs frees the forward pass's other tensors).
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    (args[1] as tf.GradSaveFunc)([pi0, pi1]);
    return {
      value: tf.add(d, tf.mul(args[0] as tf.Tensor, 0)),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
        tf.sub(tf.mul(jacobianTimes(saved[1]!, dy), 2), tf.mul(jacobianTimes(saved[0]!, dy), 0.5)),
    };
  })(l);
};

/** Layer 2 as layer 1's downstream sees it: logits at h₁ with the weights fixed, then −log p(x_l | h₂). */
const upperChain =
  (p: Params, ex: Example, n: number, feed: (l: tf.Tensor) => tf.Tensor) => (h1: tf.Tensor) =>
    nll(p, feed(secondLogits(p, h1, n)), ex) as tf.Scalar;

/**
 * DARN (Gregor et al. 2014, as Jang et al. 2017, Sec. 3.2) per layer: the
 * Taylor signal s_v = ∇_{z_v} f(z)·(z_v − 1/K) of the layer's downstream f,
 * ĝ_v = s_v·(z_v − softmax(l_v)) in the layer's logits; layer 2's f is the
 * likelihood, layer 1's is layer 2 (its forward z₂, its backward DARN's own
 * rule ∂/∂l₂ = s₂·(z₂ − q₂)) and the likelihood; the weights after layer 2 get ∇f(z₂).
 */
function darn(p: Params, ex: Example, n: number): tf.Tensor[] {
  const k = ex.g1.shape[1]!;
  const darnGradient = (z: tf.Tensor, l: tf.Tensor, df: tf.Tensor) =>
    tf.mul(tf.sum(tf.mul(df, tf.sub(z, 1 / k)), -1, true), tf.sub(z, tf.softmax(l)));
  const l1 = firstLogits(p, ex, n);
  const z1 = oneHotArgmax(tf.add(l1, ex.g1));
  const l2 = secondLogits(p, z1, n);
  const z2 = oneHotArgmax(tf.add(l2, ex.g2));
  const df2 = tf.grad((z: tf.Tensor) => nll(p, z, ex))(z2);
  const g2 = darnGradient(z2, l2, df2);
  // ∂f₁/∂h₁ at z₁: layer 2's DARN gradient in its logits, back through l₂ = h₁W₂ + b₂.
  const df1 = tf.reshape(tf.matMul(tf.reshape(g2, [1, -1]), p.w2, false, true), [n, k]);
  const g1 = darnGradient(z1, l1, df1);
  return gradientsOf(
    p,
    (q) =>
      tf.addN([
        nll(q, z2, ex),
        tf.sum(tf.mul(g1, firstLogits(q, ex, n))),
        tf.sum(tf.mul(g2, secondLogits(q, z1, n))),
      ]) as tf.Scalar,
  );
}

/**
 * MuProp (Gu et al. 2016, Sec. 3) per layer, around the layer's mean field
 * z̄ = q = softmax(l): r = f(z) − f(q) − ∇f(q)·(z − q), ĝ = r·(z − q) +
 * J_softmax(l)ᵀ∇f(q) in its logits. Layer 2's f is the likelihood; layer 1's is
 * layer 2's one-hot sample at the same noise and the likelihood, which is
 * flat in h₁ (argmax), so ∇f₁ = 0 and layer 1's r is f₁(z₁) − f₁(q₁). The
 * weights after layer 2 get ∇f(z₂).
 */
function muProp(p: Params, ex: Example, n: number): tf.Tensor[] {
  const l1 = firstLogits(p, ex, n);
  const z1 = oneHotArgmax(tf.add(l1, ex.g1));
  const l2 = secondLogits(p, z1, n);
  const z2 = oneHotArgmax(tf.add(l2, ex.g2));
  const value = (t: tf.Tensor) => t.dataSync()[0]!;
  const f2 = (z: tf.Tensor) => nll(p, z, ex) as tf.Scalar;
  const q2 = tf.softmax(l2);
  const df2 = tf.grad(f2)(q2);
  const r2 = value(f2(z2)) - value(f2(q2)) - value(tf.sum(tf.mul(df2, tf.sub(z2, q2))));
  const g2 = tf.add(
    tf.mul(tf.sub(z2, q2), r2),
    tf.mul(q2, tf.sub(df2, tf.sum(tf.mul(q2, df2), -1, true))),
  );
  const f1 = upperChain(p, ex, n, (l) => oneHotArgmax(tf.add(l, ex.g2)));
  const q1 = tf.softmax(l1);
  const r1 = value(f1(z1)) - value(f1(q1));
  const g1 = tf.mul(tf.sub(z1, q1), r1);
  return gradientsOf(
    p,
    (q) =>
      tf.addN([
        nll(q, z2, ex),
        tf.sum(tf.mul(g1, firstLogits(q, ex, n))),
        tf.sum(tf.mul(g2, secondLogits(q, z1, n))),
      ]) as tf.Scalar,
  );
}

const relaxed = (l: tf.Tensor, g: tf.Tensor, tau: number) => tf.softmax(tf.div(tf.add(l, g), tau));

/** Per estimator, its gradient for one example, from its formula. Adding an estimator is one entry. */
const byFormula: Partial<Record<EstimatorId, (p: Params, ex: Example, n: number) => tf.Tensor[]>> =
  {
    reinforce: (p, ex, n) => scoreFunction(p, ex, n, 0),
    'reinforce-baseline': (p, ex, n) => scoreFunction(p, ex, n, ex.baseline),
    // Forward the one-hot z = onehot(argmax(l + g)), backward as if it were softmax(l).
    'straight-through': pathwise((l, g) =>
      straightThrough(oneHotArgmax(tf.add(l, g)), tf.softmax(l)),
    ),
    'gumbel-softmax': pathwise(relaxed),
    rloo,
    'gumbel-rao': gumbelRao,
    reinmax: pathwise(reinMaxFeed),
    arm: antithetic('arm'),
    disarm: antithetic('disarm'),
    'st-gumbel-softmax': pathwise((l, g, tau) =>
      straightThrough(oneHotArgmax(tf.add(l, g)), relaxed(l, g, tau)),
    ),
    darn,
    muprop: muProp,
    // Chung et al. (2016), Sec. 3.3: forward z, backward as if z were softmax(a·l), a the step's slope.
    'annealed-st': (p, ex, n) =>
      pathwise((l, g) =>
        straightThrough(oneHotArgmax(tf.add(l, g)), tf.softmax(tf.mul(l, ex.slope))),
      )(p, ex, n),
  };

const covered = Object.keys(byFormula) as EstimatorId[];

/** 12-pixel images (6 upper, 6 lower) of a fixed pattern: enough to train a few steps on. */
const images = (count: number, shift: number) =>
  Uint8Array.from(
    Array.from({ length: count * 12 }, (_, i) => ((i * 7 + shift * 3 + (i >> 3)) % 5 < 2 ? 1 : 0)),
  );

describe('the SBN race applies to each copy the gradient of its estimator alone', () => {
  for (const classes of [2, 3]) {
    const lines = covered.filter((id) =>
      appliesTo(
        estimators.find((e) => e.id === id)!,
        classes,
      ),
    );
    test(`K = ${classes}: ${lines.join(', ')}`, async () => {
      const n = 3;
      const batch = 8;
      const race = new SbnRace(
        {
          size: { upper: 6, lower: 6, latents: n, classes },
          lines,
          batch,
          learningRate: 0.05,
          seed: asSeed(31),
          // τ = max(0.7, e^{−step}): 0.7 from step 1 on, not 1, so a τ left out fails.
          schedule: { rate: 1, every: 1, min: 0.7 },
        },
        { train: images(16, 0), heldOut: images(4, 1) },
      );
      // A few steps first, so the copies' weights differ and the baselines are not 0.
      await race.trainSteps(3);
      // Then as at step 500 (its batch, noise, τ and slope a = 2), so a slope left out fails clearly.
      race.step = 500;
      let inputs: { x: number[][]; g1: number[][][]; g2: number[][][] } | null = null;
      race.onInputs = (_, x, noise) => {
        inputs = {
          x: x.arraySync() as number[][],
          g1: noise[0].arraySync() as number[][][],
          g2: noise[1].arraySync() as number[][][],
        };
      };
      const computed = race.computeGradients();
      const applied = computed.grads.map((g) => g.arraySync() as number[][][]);
      tf.dispose([...computed.grads, computed.surrogate, computed.loss]);
      const baselines = race.baseline.arraySync() as number[];
      expect(baselines[lines.indexOf('reinforce-baseline')]).not.toBe(0);
      const tau = race.temperature as number;
      expect(tau).toBe(0.7);
      // Chung et al.'s slope schedule as the race spreads it over 2,000 steps: a = min(5, 1 + 0.002·t).
      const slope = Math.min(5, 1 + 0.002 * race.step);
      // RLOO's own noise of the step, per layer: the race's step seed (stream 4 of the run's
      // seed, at this step), the layer's seed, RLOO's stream, [3, B, N, K].
      const rlooNoise = [0, 1].map((layer) =>
        gumbelNoise(
          [3, batch, n, classes],
          deriveSeed(deriveSeed(deriveSeed(asSeed(31), 4, race.step), layer), 0x7210),
        ),
      );
      const raoUniforms = [0, 1].map((layer) =>
        uniformNoise(
          [10, batch, n, classes],
          deriveSeed(deriveSeed(deriveSeed(asSeed(31), 4, race.step), layer), 0x6752),
        ),
      );
      lines.forEach((line, e) => {
        const expected = tf.tidy(() => {
          const p = Object.fromEntries(
            sbnParamNames.map((k) => [k, tf.squeeze(tf.slice(race.params[k], [e], [1]), [0])]),
          ) as Params;
          const sum = sbnParamNames.map((k) => tf.zerosLike(p[k]));
          for (let b = 0; b < batch; b++) {
            const ex: Example = {
              upper: tf.tensor2d([inputs!.x[b]!.slice(0, 6)]),
              lower: tf.tensor2d([inputs!.x[b]!.slice(6)]),
              g1: tf.tensor2d(inputs!.g1[b]!),
              g2: tf.tensor2d(inputs!.g2[b]!),
              baseline: baselines[e]!,
              tau,
              slope,
              extra: [0, 1].map((layer) =>
                tf.squeeze(tf.slice(rlooNoise[layer]!, [0, b], [-1, 1]), [1]),
              ) as [tf.Tensor, tf.Tensor],
              raoUniforms: [0, 1].map((layer) =>
                tf.squeeze(tf.slice(raoUniforms[layer]!, [0, b], [-1, 1]), [1]),
              ) as [tf.Tensor, tf.Tensor],
            };
            byFormula[line]!(p, ex, n).forEach((g, i) => (sum[i] = tf.add(sum[i]!, g)));
          }
          return sum.map((s) => tf.div(s, batch).arraySync() as number[][]);
        });
        sbnParamNames.forEach((name, i) => {
          const want = expected[i]!.flat();
          const got = applied[i]![e]!.flat();
          const scale = Math.max(1, ...want.map(Math.abs));
          // float32 sums of a few dozen terms of size ≤ scale: 1e-4·scale is ~1,000 ulps.
          const worst = Math.max(...got.map((g, j) => Math.abs(g - want[j]!)));
          expect(worst, `${line}, ${name}`).toBeLessThan(1e-4 * scale);
          expect(
            want.some((w) => w !== 0),
            `${line}, ${name} is not trivially 0`,
          ).toBe(true);
        });
      });
      tf.dispose([...rlooNoise, ...raoUniforms]);
      race.dispose();
    });
  }

  for (const e of estimators.filter((e) => !covered.includes(e.id)))
    test.todo(`${e.label}: an unbatched path from its formula (one entry of byFormula)`);
});
