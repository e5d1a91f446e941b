/**
 * Properties of particular estimators on toy objectives, beyond what the
 * registry test asks of every one (src/ml/estimators/registry.test.ts):
 * baselines and their variance, Gumbel-Softmax against finite differences,
 * straight-through's wrong sign on REBAR's problem, ARM and DisARM against
 * their formulas and DisARM's variance below ARM's.
 */
import * as tf from '../tfjs';
import { describe, expect, it } from 'vitest';
import { estimatorSurrogate } from './surrogate';
import { singleSampleEstimates, type EstimateOptions } from './singleSampleEstimates';
import type { EstimatorId } from './registry';
import { exactGradient } from '../exactGradient';
import { gumbelAt } from '../noise';
import { meanAndVariance } from '../stats';
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

  it('with a leave-one-out baseline is unbiased', async () => {
    const exact = await exactGradient(logits, (eye) => linear(c)(eye) as tf.Tensor1D);
    const rows = await estimates('reinforce-baseline', logits, linear(c), {
      baseline: { kind: 'leave-one-out', samples: 4 },
    });
    // Rows within a group of 4 are dependent through the baseline; average each
    // group first so that the M/4 group means are independent.
    for (let k = 0; k < 3; k++) {
      const col = column(rows, k);
      const groups = Array.from(
        { length: M / 4 },
        (_, g) => (col[g]! + col[g + M / 4]! + col[g + M / 2]! + col[g + (3 * M) / 4]!) / 4,
      );
      const { mean, variance } = meanAndVariance(groups);
      expect(Math.abs(mean - exact.gradient[k]!)).toBeLessThan(
        4 * Math.sqrt(variance / groups.length),
      );
    }
  });

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

describe('ARM and DisARM', () => {
  it('on fixed noise give the papers’ formulas, computed here in double precision', async () => {
    // Four rows of three binary variables, f(b) = (w·b − t)² coupling them.
    const logits = [
      [
        [0.2, -0.4],
        [0, 0.7],
        [-0.3, 0.1],
      ],
      [
        [1.2, 0],
        [0, -0.5],
        [0.4, 0.4],
      ],
      [
        [-1, 1],
        [0.3, 0],
        [0, 2],
      ],
      [
        [0, 0],
        [2, 1.5],
        [-0.2, -0.6],
      ],
    ];
    const w = [1, 0.5, -0.8];
    const t = 0.45;
    const seed = asSeed(99);
    const f = (z: tf.Tensor) =>
      tf.square(tf.sub(tf.sum(tf.mul(tf.unstack(z, 2)[1]!, tf.tensor1d(w)), -1), t));
    const fOf = (b: number[]) => (b.reduce((acc, bj, j) => acc + w[j]! * bj, 0) - t) ** 2;
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    // Row r, variable j: u = σ(g₀ − g₁) from the same Gumbel values the estimators see.
    const expected = { arm: [] as number[], disarm: [] as number[] };
    logits.forEach((row, r) => {
      const u = row.map((_, j) =>
        sigmoid(gumbelAt(seed, r * 6 + j * 2) - gumbelAt(seed, r * 6 + j * 2 + 1)),
      );
      const phi = row.map(([l0, l1]) => l1! - l0!);
      const b = u.map((uj, j) => (uj < sigmoid(phi[j]!) ? 1 : 0));
      const anti = u.map((uj, j) => (1 - uj < sigmoid(phi[j]!) ? 1 : 0));
      phi.forEach((p, j) => {
        // Yin & Zhou (2019), Theorem 1: (f(1[u > σ(−φ)]) − f(1[u < σ(φ)]))·(u − ½).
        const arm = (fOf(anti) - fOf(b)) * (u[j]! - 0.5);
        // Dong et al. (2020): ½(f(b) − f(b̃))·(−1)^{b̃}·1[b ≠ b̃]·σ(|φ|).
        const disarm =
          0.5 *
          (fOf(b) - fOf(anti)) *
          (-1) ** anti[j]! *
          (b[j] !== anti[j] ? 1 : 0) *
          sigmoid(Math.abs(p));
        expected.arm.push(-arm, arm);
        expected.disarm.push(-disarm, disarm);
      });
    });
    for (const id of ['arm', 'disarm'] as const) {
      const grad = tf.tidy(() =>
        tf.mul(
          tf.grad(
            (l: tf.Tensor) =>
              estimatorSurrogate(id, { logits: l, f, temperature: temperature(1), seed }).surrogate,
          )(tf.tensor3d(logits)),
          logits.length,
        ),
      );
      const values = Array.from(await grad.data());
      grad.dispose();
      // float32 against float64 on values of order 1: 1e-6 absolute.
      values.forEach((v, i) =>
        expect(Math.abs(v - expected[id][i]!), `${id} ${i}`).toBeLessThan(1e-6),
      );
      // Not all zero: the rows were chosen so that b ≠ b̃ somewhere.
      expect(values.some((v) => Math.abs(v) > 1e-3)).toBe(true);
    }
  });

  it('DisARM has a smaller variance than ARM on the REBAR problem, as Dong et al. (2020) prove', async () => {
    // E[(b − 0.45)²] at θ = σ(φ) = 0.3. DisARM is ARM's estimate averaged over
    // the augmenting u given the pair (b, b̃), so Var DisARM ≤ Var ARM. Here, with
    // Δ = f(1) − f(0) = 0.1, it works out to Var DisARM = Δ²(1−θ)²θ(1−2θ)/2 ≈ 2.9e-4
    // and Var ARM = Var DisARM + Δ²θ³/6 ≈ 3.4e-4 per logit. The same seed gives
    // both the same u in every row, so the difference of the two sample
    // variances is the mean of the paired w_r = (a_r − ā)² − (d_r − d̄)², whose
    // standard error is sd(w)/√M (about 1/30 of the expected gap); it must exceed
    // 4 of them.
    const t = 0.45;
    const theta = 0.3;
    const logits = [0, Math.log(theta / (1 - theta))];
    const f = (z: tf.Tensor) => tf.square(tf.sub(tf.squeeze(tf.slice(z, [0, 1], [-1, 1]), [1]), t));
    const arm = column(await estimates('arm', logits, f), 1);
    const disarm = column(await estimates('disarm', logits, f), 1);
    const a = meanAndVariance(arm).mean;
    const d = meanAndVariance(disarm).mean;
    const w = arm.map((x, r) => (x - a) ** 2 - (disarm[r]! - d) ** 2);
    const gap = meanAndVariance(w);
    expect(gap.mean).toBeGreaterThan(4 * Math.sqrt(gap.variance / M));
  });
});
