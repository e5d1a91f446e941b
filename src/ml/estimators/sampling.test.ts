/**
 * The conditional Gumbel sampler of sampling.ts against the law it claims:
 * iid Gumbel noise g given argmax(l + g) = k. Fixed seeds; the KS tests run at
 * level α = 0.001 with the asymptotic critical values (stats.ts), so a correct
 * sampler fails one of them with probability about 0.001 per seed, while a
 * wrong law (e.g. the winner's value at Gumbel(l_k) instead of
 * Gumbel(logsumexp l)) moves the distance far beyond them.
 */
import * as tf from '../tfjs';
import { describe, expect, it } from 'vitest';
import { conditionalGumbelNoise } from './sampling';
import { gumbelAt } from '../noise';
import { ksCritical, ksDistance } from '../stats';
import { seed as asSeed } from '../types';
import { expectNoLeak, runOnCpuBackend } from '../testSupport';

runOnCpuBackend();

const N = 20_000;
const LOGITS = [0.2, -0.5, 1.0];
/** The conditioning class: the least likely one (q ≈ 0.13), the hardest case. */
const WINNER = 1;
const logSumExp = (xs: readonly number[]) => {
  const m = Math.max(...xs);
  return m + Math.log(xs.reduce((acc, x) => acc + Math.exp(x - m), 0));
};
const gumbelCdf = (location: number) => (x: number) => Math.exp(-Math.exp(-(x - location)));

/** N conditional draws of l + g̃ for one row of LOGITS given WINNER, as rows [N][K]. */
async function conditionalDraws(seed: number): Promise<number[][]> {
  const k = LOGITS.length;
  const perturbed = tf.tidy(() => {
    const logits = tf.tensor2d([LOGITS]);
    const oneHot = tf.cast(tf.oneHot([WINNER], k), 'float32');
    return tf.add(logits, conditionalGumbelNoise(logits, oneHot, N, asSeed(seed)));
  });
  const flat = await perturbed.data();
  perturbed.dispose();
  return Array.from({ length: N }, (_, r) => Array.from(flat.subarray(r * k, (r + 1) * k)));
}

/** Two-sample KS distance between the empirical cdfs of a and b. */
function ksTwoSample(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

describe('conditionalGumbelNoise', () => {
  it('keeps the conditioning class the argmax of l + g̃, on every row, variable and draw', async () => {
    // Two rows of two variables each, every class a winner somewhere.
    const logits = [
      [
        [0.2, -0.5, 1.0],
        [3, -3, 0],
      ],
      [
        [0, 0, 0],
        [-4, 2, 5],
      ],
    ];
    const winners = [
      [1, 1],
      [2, 0],
    ];
    const samples = 500;
    const argmax = tf.tidy(() => {
      const l = tf.tensor3d(logits);
      const oneHot = tf.cast(tf.oneHot(tf.tensor2d(winners, undefined, 'int32'), 3), 'float32');
      return tf.argMax(tf.add(l, conditionalGumbelNoise(l, oneHot, samples, asSeed(7))), -1);
    });
    const found = await argmax.data();
    argmax.dispose();
    expect(found.length).toBe(samples * 4);
    found.forEach((w, i) => expect(w, `entry ${i}`).toBe(winners.flat()[i % 4]));
  });

  it("gives the winner the law of the max: Gumbel(logsumexp l), whatever the winner's logit", async () => {
    const rows = await conditionalDraws(11);
    const winner = rows.map((r) => r[WINNER]!);
    expect(ksDistance(winner, gumbelCdf(logSumExp(LOGITS)))).toBeLessThan(ksCritical(N, 0.001));
    // The test can fail: the unconditioned law Gumbel(l_k) is far off.
    expect(ksDistance(winner, gumbelCdf(LOGITS[WINNER]!))).toBeGreaterThan(ksCritical(N, 0.001));
  });

  it('gives every class the law of iid Gumbel noise given the argmax (against rejection sampling)', async () => {
    const rows = await conditionalDraws(12);
    // Rejection: iid Gumbel draws (another stream, in double precision), kept where WINNER wins.
    const reference: number[][] = [];
    for (let r = 0; reference.length < N; r++) {
      const x = LOGITS.map((l, i) => l + gumbelAt(asSeed(99), r * LOGITS.length + i));
      if (x.indexOf(Math.max(...x)) === WINNER) reference.push(x);
    }
    // Two-sample KS at α = 0.001: c(α)·√((n + m)/(n·m)) = ksCritical(n·m/(n + m)).
    const critical = ksCritical((N * N) / (2 * N), 0.001);
    for (let i = 0; i < LOGITS.length; i++) {
      const d = ksTwoSample(
        rows.map((r) => r[i]!),
        reference.map((r) => r[i]!),
      );
      expect(d, `class ${i}`).toBeLessThan(critical);
    }
    // And the gap between the winner and the runner-up (a joint property).
    const gap = (r: number[]) => r[WINNER]! - Math.max(...r.filter((_, i) => i !== WINNER));
    expect(ksTwoSample(rows.map(gap), reference.map(gap))).toBeLessThan(critical);
  });

  it('is noise: no gradient reaches the logits through it, and it leaks no tensors', async () => {
    const logits = tf.tensor2d([LOGITS]);
    const oneHot = tf.cast(tf.oneHot([WINNER], 3), 'float32');
    const step = () =>
      tf.tidy(() =>
        tf.grad((l: tf.Tensor) =>
          tf.sum(tf.mul(conditionalGumbelNoise(l, oneHot, 4, asSeed(3)), tf.tensor1d([1, 2, 3]))),
        )(logits),
      );
    const grad = step();
    expect(Array.from(await grad.data())).toEqual([0, 0, 0]);
    grad.dispose();
    await expectNoLeak(() => tf.dispose(step()));
    tf.dispose([logits, oneHot]);
  });
});
