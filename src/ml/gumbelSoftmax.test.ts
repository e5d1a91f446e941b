import * as tf from './tfjs';
import { describe, expect, it } from 'vitest';
import { gumbelMaxIndices, gumbelMaxOneHot, gumbelSoftmax } from './gumbelSoftmax';
import { binaryConcreteCdf, concreteLogDensity } from './densities';
import { chiSquareTest } from './stats';
import { probabilities, softmaxOf, temperature } from './types';
import { expectNoLeak, runOnCpuBackend } from './testSupport';
import { seed as asSeed } from './types';

runOnCpuBackend();
const N = 100_000;
/** A chi-square test passes when p > 0.001: a correct sampler fails once in a thousand seeds. */
const ALPHA = 0.001;

async function classCounts(indices: tf.Tensor, k: number): Promise<number[]> {
  const counts = new Array<number>(k).fill(0);
  for (const i of await indices.data()) counts[i]! += 1;
  return counts;
}

/** N rows of the same logits. */
const tiled = (l: number[]) => tf.tile(tf.tensor2d([l]), [N, 1]);

describe('Gumbel-max', () => {
  const cases = [
    [0, 0],
    [1, 2, 3],
    [
      Math.log(0.059),
      Math.log(0.172),
      Math.log(0.202),
      Math.log(0.038),
      Math.log(0.107),
      Math.log(0.405),
      Math.log(0.018),
    ],
    [20, -20, 0],
    [20, 19, -20, 18.5],
  ];
  for (const l of cases) {
    it(`samples softmax(${l.map((x) => x.toFixed(1)).join(', ')}) (chi-square p > 0.001)`, async () => {
      const probs = softmaxOf(l);
      const counts = tf.tidy(() => gumbelMaxIndices(tiled(l), asSeed(31)));
      const observed = await classCounts(counts, l.length);
      counts.dispose();
      expect(chiSquareTest(observed, probs).pValue).toBeGreaterThan(ALPHA);
      // Classes with probability below 1e-12 never appear in 1e5 draws (P ≈ 1e-7).
      probs.forEach((p, i) => {
        if (p < 1e-12) expect(observed[i]).toBe(0);
      });
    });
  }

  it('rejects a wrong sampler (the test has teeth)', async () => {
    // Gaussian noise in place of Gumbel noise does not give softmax frequencies.
    const l = [1, 2, 3];
    const idx = tf.tidy(() =>
      tf.argMax(tf.add(tiled(l), tf.randomNormal([N, 3], 0, 1.28, 'float32', 1)), -1),
    );
    const observed = await classCounts(idx, 3);
    idx.dispose();
    expect(chiSquareTest(observed, softmaxOf(l)).pValue).toBeLessThan(ALPHA);
  });

  it('returns one-hot rows that agree with the indices', async () => {
    const l = tf.tensor2d([
      [0.1, 2, -1],
      [3, 0, 0],
    ]);
    const hot = await gumbelMaxOneHot(l, asSeed(4)).array();
    const idx = await gumbelMaxIndices(l, asSeed(4)).array();
    (hot as number[][]).forEach((row, r) => {
      expect(row.reduce((a, b) => a + b)).toBe(1);
      expect(row[(idx as number[])[r]!]).toBe(1);
    });
    l.dispose();
  });
});

describe('gumbelSoftmax', () => {
  const pi = probabilities([0.059, 0.172, 0.202, 0.038, 0.107, 0.405, 0.018]);
  const piLogits = pi.map(Math.log);

  it('gives rows on the simplex whose argmax is distributed as π at τ = 0.1, 1 and 5', async () => {
    const rows = tiled(piLogits);
    for (const tau of [0.1, 1, 5]) {
      const y = gumbelSoftmax(rows, temperature(tau), asSeed(8));
      const sums = await tf.sum(y, -1).data();
      for (const s of sums) expect(Math.abs(s - 1)).toBeLessThan(1e-5);
      const counts = await classCounts(tf.argMax(y, -1), 7);
      expect(chiSquareTest(counts, pi).pValue).toBeGreaterThan(ALPHA);
      y.dispose();
    }
    rows.dispose();
  });

  it('matches the closed-form two-class distribution at τ = 0.5 and 2 (20 bins, chi-square)', async () => {
    const two = probabilities([0.3, 0.7]);
    for (const tau of [0.5, 2].map(temperature)) {
      const y = gumbelSoftmax(tiled(two.map(Math.log)), tau, asSeed(21));
      const first = (await y.data()).filter((_, i) => i % 2 === 0);
      y.dispose();
      const bins = 20;
      const counts = new Array<number>(bins).fill(0);
      for (const x of first) counts[Math.min(bins - 1, Math.floor(x * bins))]! += 1;
      const expected = counts.map(
        (_, b) =>
          binaryConcreteCdf((b + 1) / bins, two, tau) - binaryConcreteCdf(b / bins, two, tau),
      );
      expect(chiSquareTest(counts, expected).pValue).toBeGreaterThan(ALPHA);
    }
  });

  it('matches the closed-form three-class density on the simplex at τ = 1 (chi-square)', async () => {
    const three = probabilities([0.2, 0.3, 0.5]);
    const tau = temperature(1);
    const y = gumbelSoftmax(tiled(three.map(Math.log)), tau, asSeed(33));
    const values = await y.data();
    y.dispose();
    // Cells: a 10×10 grid over (y₁, y₂), kept where it meets the triangle y₁ + y₂ < 1.
    const g = 10;
    const counts = new Array<number>(g * g).fill(0);
    for (let i = 0; i < N; i++) {
      const a = Math.min(g - 1, Math.floor(values[3 * i]! * g));
      const b = Math.min(g - 1, Math.floor(values[3 * i + 1]! * g));
      counts[a * g + b]! += 1;
    }
    // Expected mass of each cell: the density integrated by the midpoint rule on a
    // 24×24 sub-grid, counting only points inside the triangle.
    const sub = 24;
    const h = 1 / (g * sub);
    const expected = counts.map((_, cell) => {
      const a0 = Math.floor(cell / g) / g;
      const b0 = (cell % g) / g;
      let mass = 0;
      for (let i = 0; i < sub; i++) {
        for (let j = 0; j < sub; j++) {
          const y1 = a0 + (i + 0.5) * h;
          const y2 = b0 + (j + 0.5) * h;
          if (y1 + y2 < 1)
            mass += Math.exp(concreteLogDensity([y1, y2, 1 - y1 - y2], three, tau)) * h * h;
        }
      }
      return mass;
    });
    // The quadrature is good to about 0.3% in total, well inside the test's noise.
    expect(expected.reduce((s, m) => s + m, 0)).toBeCloseTo(1, 2);
    const total = expected.reduce((s, m) => s + m, 0);
    const used = expected.map((m) => m / total);
    expect(chiSquareTest(counts, used).pValue).toBeGreaterThan(ALPHA);
  });

  it('approaches one-hot samples as τ → 0', async () => {
    const means: number[] = [];
    for (const tau of [5, 1, 0.1, 0.01, 0.001]) {
      const y = gumbelSoftmax(
        tf.slice(tiled(piLogits), [0, 0], [10_000, 7]),
        temperature(tau),
        asSeed(5),
      );
      means.push((await tf.mean(tf.max(y, -1)).data())[0]!);
      y.dispose();
    }
    for (let i = 1; i < means.length; i++) expect(means[i]).toBeGreaterThan(means[i - 1]!);
    // max y < 0.99 needs a gap under τ·log(99·6) ≈ 0.0064 between the two largest
    // perturbed logits at τ = 0.001: a few in a thousand rows at most.
    expect(means.at(-1)).toBeGreaterThan(0.995);
  });

  it('hard: one-hot forward, the relaxed sample’s gradient backward', async () => {
    const l = tf.tensor2d([
      [0.5, -1, 2],
      [0, 0, 0],
    ]);
    const w = tf.tensor2d([
      [1, 2, 3],
      [-1, 4, 0.5],
    ]);
    const tau = temperature(0.7);
    const hard = gumbelSoftmax(l, tau, asSeed(9), { hard: true });
    const soft = gumbelSoftmax(l, tau, asSeed(9));
    const h = (await hard.array()) as number[][];
    const s = (await soft.array()) as number[][];
    h.forEach((row, r) => {
      expect([...row].sort()).toEqual([0, 0, 1]);
      expect(row.indexOf(1)).toBe(s[r]!.indexOf(Math.max(...s[r]!)));
    });
    const gradHard = tf.grad((x: tf.Tensor) =>
      tf.sum(tf.mul(gumbelSoftmax(x, tau, asSeed(9), { hard: true }), w)),
    )(l);
    const gradSoft = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(gumbelSoftmax(x, tau, asSeed(9)), w)))(
      l,
    );
    const gh = await gradHard.data();
    const gs = await gradSoft.data();
    gh.forEach((v, i) => expect(v).toBeCloseTo(gs[i]!, 6));
    expect(Math.max(...gs.map(Math.abs))).toBeGreaterThan(0.01);
    tf.dispose([l, w, hard, soft, gradHard, gradSoft]);
  });

  it('leaks no tensors, forward or backward', async () => {
    const l = tf.tensor2d([[0.5, -1, 2]]);
    await expectNoLeak(() => {
      tf.dispose(gumbelSoftmax(l, temperature(0.5), asSeed(1), { hard: true }));
      tf.dispose(
        tf.grad((x: tf.Tensor) =>
          tf.sum(gumbelSoftmax(x, temperature(0.5), asSeed(1), { hard: true })),
        )(l),
      );
      tf.dispose(gumbelMaxIndices(l, asSeed(2)));
    });
    l.dispose();
  });
});
