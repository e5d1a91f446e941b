import { describe, expect, it } from 'vitest';
import * as tf from './tfjs';
import { broadcastGradReduction } from './broadcastGrad';
import { runOnCpuBackend } from './testSupport';

runOnCpuBackend();

/** f(x) = Σ (reduce(x · x))³ — its gradient and its gradient's gradient go through the reduction. */
const f = (reduce: (t: tf.Tensor) => tf.Tensor) => (x: tf.Tensor) =>
  tf.sum(tf.pow(reduce(tf.mul(x, x)), 3));

describe('broadcastGradReduction', () => {
  const x = tf.tensor3d(
    Array.from({ length: 24 }, (_, i) => Math.sin(i) + 0.1 * i),
    [2, 3, 4],
  );
  const cases: [string, number | number[], boolean, boolean][] = [
    ['sum over the last axis', -1, false, false],
    ['sum over two axes', [1, 2], false, false],
    ['sum keeping dims', 1, true, false],
    ['mean over one axis', 1, false, true],
    ['mean over all but the first, kept', [-2, -1], true, true],
  ];
  for (const [name, axes, keepDims, mean] of cases)
    it(`${name}: value, gradient and second derivative exactly tfjs's own`, () => {
      const ours = (t: tf.Tensor) => broadcastGradReduction(t, axes, keepDims, mean);
      const theirs = (t: tf.Tensor) =>
        mean ? tf.mean(t, axes, keepDims) : tf.sum(t, axes, keepDims);
      // Exactly equal: dy·1 = dy, and the mean divides by the same count after broadcasting.
      expect(Array.from(ours(x).dataSync())).toEqual(Array.from(theirs(x).dataSync()));
      const g = (r: typeof ours) => tf.grad(f(r))(x);
      expect(Array.from(g(ours).dataSync())).toEqual(Array.from(g(theirs).dataSync()));
      // A gradient of a gradient (REBAR/RELAX differentiate through one): the sum of the first gradient's entries.
      const gg = (r: typeof ours) => tf.grad((t: tf.Tensor) => tf.sum(tf.grad(f(r))(t)))(x);
      const a = Array.from(gg(ours).dataSync());
      const b = Array.from(gg(theirs).dataSync());
      // Equal up to float32 rounding: the two gradients sum the same ≤ 24 terms in
      // another order (≈ 1e-7 relative each); a missing path would be off by O(1).
      a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(1e-5 * Math.abs(b[i]!)));
    });
});
