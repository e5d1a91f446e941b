/**
 * Properties of particular estimators on toy objectives, beyond what the
 * registry test asks of every one (src/ml/estimators/registry.test.ts):
 * baselines and their variance, Gumbel-Softmax against finite differences,
 * straight-through's wrong sign on REBAR's problem.
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
