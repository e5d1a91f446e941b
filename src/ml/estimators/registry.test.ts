/**
 * What every registered estimator must satisfy. It iterates the registry, so a
 * new estimator is tested by adding it there; a biased one also needs its
 * expected gradient in `expectedGradients` below (the test fails until it has
 * one), computed here by enumeration and quadrature, never by the module itself.
 */
import * as tf from '../tfjs';
import { describe, expect, it } from 'vitest';
import { estimators, estimatorIds, type EstimatorId } from './registry';
import { estimatorSurrogate } from './surrogate';
import { singleSampleEstimates } from './singleSampleEstimates';
import { exactGradient } from '../exactGradient';
import { meanAndVariance } from '../stats';
import { seed as asSeed, temperature } from '../types';
import { expectNoLeak, runOnCpuBackend } from '../testSupport';
import { expectationOverGumbel, softmax, softmaxJacobianTimes } from './gumbelQuadrature';
import { LearnedState } from './learnedState';
import type { Estimator } from './estimator';

runOnCpuBackend();

/** Estimates per case; the mean's standard error is √(var/M) (each row an independent draw). */
const M = 20_000;
const TAU = 0.5;
const SEED = 2017;
/** Any constant baseline keeps a score-function estimator unbiased. */
const BASELINE = 0.3;

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
  // ĝ = J_y·∇f(y) with y = softmax((l + g)/τ), J_y = (diag y − y yᵀ)/τ, averaged over g.
  'gumbel-softmax': (toy) =>
    expectationOverGumbel(toy.logits, (x) => {
      const y = softmax(x, TAU);
      return softmaxJacobianTimes(y, gradientOfF(toy, y), TAU);
    }),
  // ĝ = J_y·∇f(z) with z the one-hot argmax of l + g: enumerated by the winning
  // class (the quadrature splits at the boundaries where the winner changes).
  'st-gumbel-softmax': (toy) =>
    expectationOverGumbel(toy.logits, (x, winner) => {
      const y = softmax(x, TAU);
      return softmaxJacobianTimes(y, gradientOfF(toy, oneHot(x.length, winner)), TAU);
    }),
};

/**
 * Runs `run` with the estimator's learned parameters at their initial values
 * for rows of K classes (none for estimators that learn none), then frees them.
 */
async function withOwn<T>(
  estimator: Estimator,
  k: number,
  run: (own: { own?: LearnedState['own'] }) => Promise<T>,
): Promise<T> {
  if (!estimator.learned) return run({});
  const state = new LearnedState(estimator, [k], asSeed(SEED));
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
  it.each(cases.map((c) => [c.name, c] as const))(
    `matches its expected gradient within 4 standard errors on %s`,
    async (_, toy) => {
      const k = toy.logits.length;
      const rows = await withOwn(estimator, k, (own) =>
        singleSampleEstimates(id, { f: tensorF(toy) }, toy.logits, M, {
          tau: temperature(TAU),
          seed: asSeed(SEED),
          baseline: BASELINE,
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

  it('sees the same discrete sample as every other estimator for the same seed', async () => {
    const logits = tf.tensor2d([
      [0.1, 0.5, -0.3],
      [1, 0, 0],
      [-2, 0.3, 0.2],
    ]);
    const argmaxOf = async (name: EstimatorId) => {
      let seen: tf.Tensor | null = null;
      await withOwn(
        estimators.find((e) => e.id === name)!,
        3,
        async (own) =>
          tf.tidy(() => {
            estimatorSurrogate(name, {
              logits,
              f: (z) => {
                // The first evaluation is at the sample fed forward.
                if (!seen) seen = tf.keep(tf.argMax(z, -1));
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
    const logits = tf.tensor2d([[0.1, 0.5, -0.3]]);
    const sample = tf.tidy(() =>
      estimator.forward({
        logits,
        noise: tf.zeros([1, 3]),
        temperature: temperature(1),
        seed: asSeed(SEED),
      }),
    );
    const values = Array.from(await sample.data());
    sample.dispose();
    if (estimator.feeds === 'one-hot') expect(values).toEqual([0, 1, 0]);
    else
      for (const [i, v] of values.entries())
        expect(v).toBeCloseTo(softmax([0.1, 0.5, -0.3], 1)[i]!, 6);
    await withOwn(estimator, 3, async (own) => {
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
        singleSampleEstimates(id, { f: (z) => tf.sum(z, -1) }, [0.1, 0.5, -0.3], 16, {
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
