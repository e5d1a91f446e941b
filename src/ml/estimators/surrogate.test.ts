/**
 * Properties of particular estimators on toy objectives, beyond what the
 * registry test asks of every one (src/ml/estimators/registry.test.ts):
 * baselines and their variance, Gumbel-Softmax against finite differences,
 * straight-through's wrong sign on REBAR's problem, and the variance drops that
 * the estimators since 2017 were made for (RLOO, Gumbel-Rao).
 */
import * as tf from '../tfjs';
import { describe, expect, it } from 'vitest';
import { estimatorSurrogate } from './surrogate';
import { singleSampleEstimates, type EstimateOptions } from './singleSampleEstimates';
import type { EstimatorId } from './registry';
import { exactGradient } from '../exactGradient';
import { gumbelAt } from '../noise';
import { meanAndVariance } from '../stats';
import { RLOO_SAMPLES } from './rloo';
import { GUMBEL_RAO_SAMPLES } from './gumbelRao';
import { seed as asSeed, temperature } from '../types';
import { runOnCpuBackend } from '../testSupport';

runOnCpuBackend();
const M = 20_000;

/** M single-sample estimates at `logits`, as rows [M][K]. */
async function estimates(
  id: EstimatorId,
  logits: number[],
  f: (z: tf.Tensor) => tf.Tensor,
  options: Partial<EstimateOptions> = {},
): Promise<number[][]> {
  const flat = await singleSampleEstimates(id, { f }, logits, M, {
    tau: temperature(0.5),
    seed: asSeed(2017),
    baseline: 0,
    ...options,
  });
  const k = logits.length;
  return Array.from({ length: M }, (_, r) => Array.from(flat.subarray(r * k, (r + 1) * k)));
}

const column = (rows: number[][], k: number) => rows.map((r) => r[k]!);

/** f(z) = c·z for a one-hot or relaxed z: [B, K] → [B]. */
const linear = (c: number[]) => (z: tf.Tensor) => tf.sum(tf.mul(z, tf.tensor1d(c)), -1);

describe('REINFORCE', () => {
  const logits = [0.2, -0.5, 1.0];
  const c = [3, -1, 0.5];

  it('has a much smaller variance with a baseline when f has a large offset', async () => {
    // f = 10 + c·z: without a baseline every estimate carries 10·∇log p, whose
    // variance is 100·Var(∇log p) ≈ 100·p(1−p) per component; with b = E f ≈ 10.7
    // that term cancels. The ratio should exceed 10 by a wide margin.
    const offset = (z: tf.Tensor) => tf.add(linear(c)(z), 10);
    const plain = await estimates('reinforce', logits, offset);
    const exact = await exactGradient(logits, (eye) => offset(eye) as tf.Tensor1D);
    const based = await estimates('reinforce-baseline', logits, offset, {
      baseline: exact.value,
    });
    for (let k = 0; k < 3; k++) {
      const vPlain = meanAndVariance(column(plain, k)).variance;
      const vBased = meanAndVariance(column(based, k)).variance;
      expect(vPlain / vBased).toBeGreaterThan(10);
    }
  });
});

describe('Gumbel-Softmax', () => {
  it('gives the gradient of the relaxed objective: equal to finite differences with the noise held fixed', async () => {
    const logits = [0.3, -0.2, 0.9, 0.1];
    const w = [1.5, -2, 0.5, 3];
    const tau = 0.7;
    const seed = 424242;
    // f(y) = Σ w·y²: nonlinear, so the test sees more than a linear map.
    const f = (y: tf.Tensor) => tf.sum(tf.mul(tf.square(y), tf.tensor1d(w)), -1);
    const grad = tf.tidy(() =>
      tf.grad(
        (l: tf.Tensor) =>
          estimatorSurrogate('gumbel-softmax', {
            logits: l,
            f,
            temperature: temperature(tau),
            seed: asSeed(seed),
          }).surrogate,
      )(tf.tensor2d([logits])),
    );
    const autodiff = await grad.data();
    grad.dispose();
    // The same objective in double precision with the same Gumbel values.
    const g = logits.map((_, i) => gumbelAt(asSeed(seed), i));
    const objective = (l: number[]) => {
      const a = l.map((x, i) => (x + g[i]!) / tau);
      const m = Math.max(...a);
      const e = a.map((x) => Math.exp(x - m));
      const s = e.reduce((p, q) => p + q);
      return e.reduce((acc, x, i) => acc + w[i]! * (x / s) ** 2, 0);
    };
    const h = 1e-5;
    logits.forEach((_, i) => {
      const up = logits.map((x, j) => (j === i ? x + h : x));
      const down = logits.map((x, j) => (j === i ? x - h : x));
      const fd = (objective(up) - objective(down)) / (2 * h);
      // float32 autodiff against float64 differences: agree to ~1e-5 relative.
      expect(autodiff[i]).toBeCloseTo(fd, 4);
    });
  });
});

describe('straight-through', () => {
  it('on the binary target t = 0.45 has expectation 2(θ − t)·θ(1−θ) per logit, the opposite sign of the truth', async () => {
    // Two classes, θ = P(z = 1) = σ(l₁ − l₀) = 0.3, f(z) = (z₁ − t)².
    // Exact: ∂E f/∂l₁ = θ(1−θ)(1 − 2t) > 0. ST replaces ∂z₁/∂p₁ by 1, so its
    // estimate is 2(z₁ − t)·θ(1−θ) with mean 2(θ − t)·θ(1−θ) < 0 for θ < t:
    // it pushes θ toward t rather than toward the optimum θ = 0.
    const t = 0.45;
    const theta = 0.3;
    const logits = [0, Math.log(theta / (1 - theta))];
    const f = (z: tf.Tensor) => tf.square(tf.sub(tf.squeeze(tf.slice(z, [0, 1], [-1, 1]), [1]), t));
    const rows = await estimates('straight-through', logits, f);
    const { mean, variance } = meanAndVariance(column(rows, 1));
    const predicted = 2 * (theta - t) * theta * (1 - theta);
    expect(Math.abs(mean - predicted)).toBeLessThan(4 * Math.sqrt(variance / M));
    const exact = await exactGradient(logits, (eye) => f(eye) as tf.Tensor1D);
    expect(exact.gradient[1]).toBeCloseTo(theta * (1 - theta) * (1 - 2 * t), 6);
    expect(Math.sign(mean)).toBe(-Math.sign(exact.gradient[1]!));
  });
});

/**
 * REBAR's toy problem (Tucker et al. 2017): E[(b − t)²], t = 0.45, b ~ Bernoulli(θ)
 * as two classes with θ = σ(l₁ − l₀) = 0.3. Its gradient is small next to f, the
 * hard case for score-function estimators.
 */
const rebar = {
  logits: [0, Math.log(0.3 / 0.7)],
  f: (z: tf.Tensor) => tf.square(tf.sub(tf.squeeze(tf.slice(z, [0, 1], [-1, 1]), [1]), 0.45)),
};

/**
 * The sample variance of M independent values and the standard error of its
 * log: SE(v̂) ≈ √((m₄ − v²)/M) (the delta method; m₄ the fourth central
 * moment), so SE(log v̂) ≈ SE(v̂)/v.
 */
function logVariance(xs: readonly number[]): { log: number; se: number } {
  const { mean, variance } = meanAndVariance(xs);
  const m4 = xs.reduce((acc, x) => acc + (x - mean) ** 4, 0) / xs.length;
  return {
    log: Math.log(variance),
    se: Math.sqrt(Math.max(m4 - variance ** 2, 0) / xs.length) / variance,
  };
}

/**
 * Expects Var(a)·costA < Var(b)·costB with a margin of 4 standard errors of the
 * log ratio. The two samples share the seed (and so their one-hot samples), so
 * they are dependent: SE(log v_a − log v_b) ≤ SE(log v_a) + SE(log v_b) holds
 * whatever their correlation, and is used as the bound. Returns the ratio.
 */
function expectLowerVariance(a: readonly number[], b: readonly number[], costA = 1, costB = 1) {
  const va = logVariance(a);
  const vb = logVariance(b);
  const logRatio = va.log + Math.log(costA) - vb.log - Math.log(costB);
  expect(logRatio + 4 * (va.se + vb.se)).toBeLessThan(0);
  return Math.exp(logRatio);
}

describe('RLOO', () => {
  it(`has a lower variance than REINFORCE per estimate, and per evaluation of f (${RLOO_SAMPLES} REINFORCE estimates averaged), on REBAR's problem`, async () => {
    // The leave-one-out baseline removes f's offset (f ≈ 0.2–0.3 while its
    // change with b is 0.1), which dominates REINFORCE's variance; averaging
    // S REINFORCE estimates only divides it by S.
    const plain = column(await estimates('reinforce', rebar.logits, rebar.f), 1);
    const rloo = column(await estimates('rloo', rebar.logits, rebar.f), 1);
    expectLowerVariance(rloo, plain);
    expectLowerVariance(rloo, plain, RLOO_SAMPLES, 1);
  });
});

describe('Gumbel-Rao', () => {
  it(`has a lower variance than ST Gumbel-Softmax at the same τ with M = ${GUMBEL_RAO_SAMPLES} conditional draws, on REBAR's problem`, async () => {
    // Paulus et al. (2021), Sec. 4: E[ĝ_ST-GS | z] has the same mean and, by the
    // law of total variance, a variance lower by E[Var(ĝ_ST-GS | z)]; M draws
    // remove all but 1/M of that term.
    for (const tau of [0.5, 1]) {
      const options = { tau: temperature(tau) };
      const st = column(await estimates('st-gumbel-softmax', rebar.logits, rebar.f, options), 1);
      const rao = column(await estimates('gumbel-rao', rebar.logits, rebar.f, options), 1);
      expectLowerVariance(rao, st);
    }
  });
});
