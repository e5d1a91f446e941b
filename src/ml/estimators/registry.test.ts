/**
 * What every registered estimator must satisfy. It iterates the registry, so a
 * new estimator is tested by adding it there; a biased one also needs its
 * expected gradient in `expectedGradients` below (the test fails until it has
 * one), computed here by enumeration and quadrature, never by the module itself.
 * An estimator for binary variables only (`classes: 'binary'`) runs on the
 * K = 2 cases alone, and must refuse other K with a RangeError.
 */
import * as tf from '../tfjs';
import { describe, expect, it } from 'vitest';
import { estimatorById, estimators, estimatorIds, type EstimatorId } from './registry';
import { estimatorSurrogate } from './surrogate';
import { singleSampleEstimates } from './singleSampleEstimates';
import { exactGradient } from '../exactGradient';
import { meanAndVariance } from '../stats';
import { seed as asSeed, temperature } from '../types';
import { expectNoLeak, runOnCpuBackend } from '../testSupport';
import { expectationOverGumbel, softmax, softmaxJacobianTimes } from './gumbelQuadrature';
import { appliesTo, type Estimator } from './estimator';
import { LearnedState } from './learnedState';

runOnCpuBackend();

/** Estimates per case; the mean's standard error is √(var/M) (each row an independent draw). */
const M = 20_000;
const TAU = 0.5;
const SEED = 2017;
/** Any constant baseline keeps a score-function estimator unbiased. */
const BASELINE = 0.3;
/** Slope-annealed ST's slope a, away from 1 so that it differs from straight-through. */
const SLOPE = 2;

/** A toy objective E_z[f(z)] with f(z) = (c·z − t)², or c·z when t is null. */
interface ToyCase {
  name: string;
  logits: number[];
  c: number[];
  t: number | null;
}

const cases: ToyCase[] = [
  // REBAR's binary problem, E[(b − 0.45)²], away from θ = 1/2.
  { name: 'binary (b − 0.45)²', logits: [0.2, -0.4], c: [0, 1], t: 0.45 },
  { name: 'categorical (c·z − 0.45)², K = 3', logits: [0.2, -0.5, 1.0], c: [0, 0.5, 1], t: 0.45 },
  { name: 'linear c·z, K = 3', logits: [0.5, 0, -0.3], c: [3, -1, 0.5], t: null },
];

/** f on samples [B, K] → [B], for the estimators. */
const tensorF = (toy: ToyCase) => (z: tf.Tensor) =>
  tf.tidy(() => {
    const cz = tf.sum(tf.mul(z, tf.tensor1d(toy.c)), -1);
    return toy.t === null ? cz : tf.square(tf.sub(cz, toy.t));
  });

/** ∇f at one (one-hot or relaxed) z, in double precision. */
function gradientOfF(toy: ToyCase, z: readonly number[]): number[] {
  if (toy.t === null) return toy.c;
  const cz = z.reduce((acc, zi, i) => acc + zi * toy.c[i]!, 0);
  return toy.c.map((ci) => 2 * (cz - toy.t!) * ci);
}

const oneHot = (k: number, at: number) => Array.from({ length: k }, (_, i) => (i === at ? 1 : 0));

/** ST Gumbel-Softmax's expected gradient E_g[J_y·∇f(z)], y = softmax((l + g)/τ), J_y = (diag y − y yᵀ)/τ. */
function stGumbelSoftmaxExpectation(toy: ToyCase) {
  return expectationOverGumbel(toy.logits, (x, winner) => {
    const y = softmax(x, TAU);
    return softmaxJacobianTimes(y, gradientOfF(toy, oneHot(x.length, winner)), TAU);
  });
}

/** The expected gradient of each biased estimator, derived here from what it does. */
const expectedGradients: Partial<
  Record<EstimatorId, (toy: ToyCase) => { gradient: number[]; error: number }>
> = {
  // ĝ = J_q·∇f(z), z one-hot with probability q_k: a finite sum, no continuous noise.
  'straight-through': (toy) => {
    const q = softmax(toy.logits, 1);
    const gradient = new Array<number>(q.length).fill(0);
    q.forEach((qk, k) => {
      const g = softmaxJacobianTimes(q, gradientOfF(toy, oneHot(q.length, k)), 1);
      g.forEach((gi, i) => (gradient[i]! += qk * gi));
    });
    return { gradient, error: 1e-12 };
  },
  // ĝ = a·J(p)·∇f(z), p = softmax(a·l), z = e_k with probability q_k: a finite sum.
  'annealed-st': (toy) => {
    const q = softmax(toy.logits, 1);
    const p = softmax(toy.logits, 1 / SLOPE);
    const gradient = new Array<number>(q.length).fill(0);
    q.forEach((qk, k) => {
      const g = softmaxJacobianTimes(p, gradientOfF(toy, oneHot(q.length, k)), 1 / SLOPE);
      g.forEach((gi, i) => (gradient[i]! += qk * gi));
    });
    return { gradient, error: 1e-12 };
  },
  // ĝ = s_k·(e_k − q) with the Taylor signal s_k = ∇f(e_k)·(e_k − 1/K), z = e_k
  // with probability q_k: a finite sum.
  darn: (toy) => {
    const q = softmax(toy.logits, 1);
    const k = q.length;
    const gradient = new Array<number>(k).fill(0);
    q.forEach((qj, j) => {
      const z = oneHot(k, j);
      const signal = gradientOfF(toy, z).reduce((acc, d, i) => acc + d * (z[i]! - 1 / k), 0);
      z.forEach((zi, i) => (gradient[i]! += qj * signal * (zi - q[i]!)));
    });
    return { gradient, error: 1e-12 };
  },
  // ĝ = J_y·∇f(y) with y = softmax((l + g)/τ), J_y = (diag y − y yᵀ)/τ, averaged over g.
  'gumbel-softmax': (toy) =>
    expectationOverGumbel(toy.logits, (x) => {
      const y = softmax(x, TAU);
      return softmaxJacobianTimes(y, gradientOfF(toy, y), TAU);
    }),
  // ĝ = J_y·∇f(z) with z the one-hot argmax of l + g: enumerated by the winning
  // class (the quadrature splits at the boundaries where the winner changes).
  'st-gumbel-softmax': stGumbelSoftmaxExpectation,
  // ĝ = (1/M) Σ_m J_{y_m}·∇f(z), y_m = softmax((l + g̃_m)/τ), g̃_m ~ g | argmax(l + g) = z.
  // Each term has E[J_{y_m}·∇f(z) | z] = E[J_y·∇f(z) | z] (g̃_m has the law of g
  // given z), so by the tower rule E ĝ = E[J_y·∇f(z)]: ST Gumbel-Softmax's expectation.
  'gumbel-rao': stGumbelSoftmaxExpectation,
  // ĝ = (2·J(π₁) − ½·J(q))·∇f(z), J(p) = diag p − ppᵀ, π₁ = (z + softmax(l/τ))/2,
  // z = e_k with probability q_k = softmax(l)_k: a finite sum, no continuous noise.
  reinmax: (toy) => {
    const q = softmax(toy.logits, 1);
    const soft = softmax(toy.logits, TAU);
    const gradient = new Array<number>(q.length).fill(0);
    q.forEach((qk, k) => {
      const df = gradientOfF(toy, oneHot(q.length, k));
      const pi1 = soft.map((s, i) => (s + (i === k ? 1 : 0)) / 2);
      const first = softmaxJacobianTimes(pi1, df, 1);
      const second = softmaxJacobianTimes(q, df, 1);
      first.forEach((v, i) => (gradient[i]! += qk * (2 * v - 0.5 * second[i]!)));
    });
    return { gradient, error: 1e-12 };
  },
};

/**
 * Three binary variables per row (logits [M, 3, 2]) and f(b) = (w·b − t)²,
 * which couples them: a multivariate estimator must see whole vectors (ARM and
 * DisARM evaluate f at the whole antithetic vector). The exact gradient is a
 * sum over the 2³ outcomes in double precision, with p_j = σ(φ_j),
 * φ_j = l_j1 − l_j0: ∂E/∂φ_j = Σ_b p(b)·f(b)·(b_j − p_j), and the gradient
 * with respect to (l_j0, l_j1) is (−, +) that.
 */
const several = {
  logits: [
    [0.2, -0.4],
    [0, 0.7],
    [-0.3, 0.1],
  ],
  w: [1, 0.5, -0.8],
  t: 0.45,
};

function exactOnSeveral(): number[] {
  const { logits, w, t } = several;
  const p = logits.map(([l0, l1]) => 1 / (1 + Math.exp(l0! - l1!)));
  const byPhi = p.map(() => 0);
  for (let outcome = 0; outcome < 2 ** p.length; outcome++) {
    const b = p.map((_, j) => (outcome >> j) & 1);
    const probability = b.reduce((acc, bj, j) => acc * (bj ? p[j]! : 1 - p[j]!), 1);
    const f = (b.reduce((acc, bj, j) => acc + w[j]! * bj, 0) - t) ** 2;
    b.forEach((bj, j) => (byPhi[j]! += probability * f * (bj - p[j]!)));
  }
  return byPhi.flatMap((g) => [-g, g]);
}

async function expectUnbiasedOnSeveralBinaryVariables(id: EstimatorId) {
  const { logits, w, t } = several;
  const width = logits.length * 2;
  const f = (z: tf.Tensor) =>
    tf.square(tf.sub(tf.sum(tf.mul(tf.unstack(z, 2)[1]!, tf.tensor1d(w)), -1), t));
  // As in singleSampleEstimates: row r's surrogate depends on row r only, so
  // M times the gradient of the mean surrogate holds one estimate per row.
  const grads = await withOwn(estimatorById(id), [logits.length, 2], async (own) =>
    tf.tidy(() => {
      const tiled = tf.tile(tf.tensor3d([logits]), [M, 1, 1]);
      const surrogate = (l: tf.Tensor) =>
        estimatorSurrogate(id, {
          logits: l,
          f,
          temperature: temperature(TAU),
          seed: asSeed(SEED),
          baseline: { kind: 'value', value: BASELINE },
          ...own,
        }).surrogate;
      return tf.mul(tf.grad(surrogate)(tiled), M);
    }),
  );
  const rows = await grads.data();
  grads.dispose();
  const exact = exactOnSeveral();
  for (let i = 0; i < width; i++) {
    const { mean, variance } = meanAndVariance(
      Array.from({ length: M }, (_, r) => rows[r * width + i]!),
    );
    // 4 standard errors of the mean of M independent rows, plus 1e-6 for float32.
    expect(Math.abs(mean - exact[i]!), `${id}, logit ${i}`).toBeLessThan(
      4 * Math.sqrt(variance / M) + 1e-6,
    );
  }
}

/**
 * Runs `run` with the estimator's learned parameters at their initial values
 * for rows of shape `row` ([..., K]; none for estimators that learn none), then frees them.
 */
async function withOwn<T>(
  estimator: Estimator,
  row: readonly number[],
  run: (own: { own?: LearnedState['own'] }) => Promise<T>,
): Promise<T> {
  if (!estimator.learned) return run({});
  const state = new LearnedState(estimator, row, asSeed(SEED));
  try {
    return await run({ own: state.own });
  } finally {
    state.dispose();
  }
}

describe('the registry', () => {
  it('has unique ids, labels, colours and paper columns', () => {
    const unique = (xs: readonly unknown[]) => new Set(xs).size === xs.length;
    expect(unique(estimatorIds)).toBe(true);
    expect(unique(estimators.map((e) => e.label))).toBe(true);
    expect(unique(estimators.map((e) => e.color))).toBe(true);
    const columns = estimators.flatMap((e) => (e.paperColumn ? [e.paperColumn] : []));
    expect(unique(columns)).toBe(true);
  });
});

describe.each(estimators.map((e) => [e.id, e] as const))('%s', (id, estimator) => {
  const applicable = cases.filter((c) => appliesTo(estimator, c.logits.length));
  /** Logits of the class count this estimator takes: the K = 3 ones, or their first two classes. */
  const fitted = (rows: number[][]) =>
    estimator.classes === 'binary' ? rows.map((r) => r.slice(0, 2)) : rows;

  it.each(applicable.map((c) => [c.name, c] as const))(
    `matches its expected gradient within 4 standard errors on %s`,
    async (_, toy) => {
      const k = toy.logits.length;
      const rows = await withOwn(estimator, [toy.logits.length], (own) =>
        singleSampleEstimates(id, { f: tensorF(toy) }, toy.logits, M, {
          tau: temperature(TAU),
          seed: asSeed(SEED),
          baseline: BASELINE,
          slope: SLOPE,
          ...own,
        }),
      );
      let target: { gradient: number[]; error: number };
      if (estimator.unbiased) {
        const exact = await exactGradient(toy.logits, (eye) => tensorF(toy)(eye) as tf.Tensor1D);
        // exactGradient runs in float32: its error is ~1e-7, far below the tolerance.
        target = { gradient: exact.gradient, error: 1e-6 };
      } else {
        const expected = expectedGradients[id];
        if (!expected)
          throw new Error(`A biased estimator needs its expected gradient in registry.test.ts.`);
        target = expected(toy);
      }
      for (let i = 0; i < k; i++) {
        const column = Array.from({ length: M }, (_, r) => rows[r * k + i]!);
        const { mean, variance } = meanAndVariance(column);
        // 4 standard errors of the mean of M independent estimates, plus the
        // target's own error bound (quadrature: see gumbelQuadrature.ts), plus
        // 1e-6 for the float32 arithmetic of the estimates (relative error ~1e-7
        // on values of order 1; it matters where every estimate is the same,
        // e.g. straight-through on a linear f, whose variance is 0).
        expect(Math.abs(mean - target.gradient[i]!), `${id}, component ${i}`).toBeLessThan(
          4 * Math.sqrt(variance / M) + target.error + 1e-6,
        );
      }
    },
  );

  if (estimator.unbiased)
    it('is unbiased with three binary variables per row and a non-additive f', () =>
      expectUnbiasedOnSeveralBinaryVariables(id));

  if (estimator.classes === 'binary')
    it('refuses variables with K ≠ 2 with a RangeError', () => {
      const input = {
        logits: tf.zeros([2, 3]),
        noise: tf.zeros([2, 3]),
        temperature: temperature(1),
        seed: asSeed(SEED),
      };
      expect(() => tf.tidy(() => estimator.forward(input))).toThrow(RangeError);
      expect(() =>
        tf.tidy(() =>
          estimator.surrogate({
            ...input,
            sample: tf.zeros([2, 3]),
            loss: tf.zeros([2]),
            baseline: 0,
            downstream: (z) => tf.sum(z, -1),
          }),
        ),
      ).toThrow(RangeError);
      tf.dispose([input.logits, input.noise]);
    });

  it('sees the same discrete sample as every other estimator for the same seed', async () => {
    const logits = tf.tensor2d(
      fitted([
        [0.1, 0.5, -0.3],
        [1, 0, 0],
        [-2, 0.3, 0.2],
      ]),
    );
    const argmaxOf = async (name: EstimatorId) => {
      let seen: tf.Tensor | null = null;
      await withOwn(estimatorById(name), [logits.shape[1]], async (own) =>
        tf.tidy(() => {
          estimatorSurrogate(name, {
            logits,
            f: (z) => {
              // The first call is at the value fed forward (estimators that
              // evaluate f again, like RLOO, call it later at their own samples).
              seen ??= tf.keep(tf.argMax(z, -1));
              return tf.sum(z, -1);
            },
            temperature: temperature(0.3),
            seed: asSeed(5),
            ...own,
          });
        }),
      );
      const values = Array.from(await seen!.data());
      tf.dispose(seen!);
      return values;
    };
    expect(await argmaxOf(id)).toEqual(await argmaxOf('reinforce'));
    logits.dispose();
  });

  it('feeds forward what it declares, and leaks no tensors', async () => {
    const row = fitted([[0.1, 0.5, -0.3]])[0]!;
    const logits = tf.tensor2d([row]);
    const sample = tf.tidy(() =>
      estimator.forward({
        logits,
        noise: tf.zeros([1, row.length]),
        temperature: temperature(1),
        seed: asSeed(SEED),
      }),
    );
    const values = Array.from(await sample.data());
    sample.dispose();
    if (estimator.feeds === 'one-hot') expect(values).toEqual(oneHot(row.length, 1));
    else for (const [i, v] of values.entries()) expect(v).toBeCloseTo(softmax(row, 1)[i]!, 6);
    await withOwn(estimator, [row.length], async (own) => {
      await expectNoLeak(() =>
        tf.dispose(
          tf.tidy(() =>
            tf.grad(
              (l: tf.Tensor) =>
                estimatorSurrogate(id, {
                  logits: l,
                  f: (z) => tf.sum(z, -1),
                  temperature: temperature(0.3),
                  seed: asSeed(5),
                  baseline: { kind: 'value', value: 0.5 },
                  ...own,
                }).surrogate,
            )(logits),
          ),
        ),
      );
      // The helper that makes the lab's histograms frees its tensors too.
      await expectNoLeak(() =>
        singleSampleEstimates(id, { f: (z) => tf.sum(z, -1) }, row, 16, {
          tau: temperature(0.3),
          seed: asSeed(5),
          baseline: 0.5,
          ...own,
        }),
      );
    });
    logits.dispose();
  });
});
