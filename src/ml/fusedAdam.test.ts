/**
 * The fused Adam step (fusedAdam.ts: a JavaScript loop on cpu, adamKernel.wat
 * on wasm) against StackedAdam's op chain, which webgl keeps: the same float32
 * operations in the same order, so the new weights and moments must agree bit
 * for bit, not within a tolerance. Sizes not divisible by four exercise the
 * kernel's one-lane tail; gradients spread over many magnitudes exercise
 * rounding. The finiteness flags are checked with an ∞ and a NaN placed in one
 * copy each.
 */
import { afterAll, describe, expect, test } from 'vitest';
import * as tf from './tfjs';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { StackedAdam, ADAM_DEFAULTS } from './stackedAdam';
import { fusedAdamAvailable } from './fusedAdam';
import { uniformNoise } from './noise';
import { deriveSeed } from './counterHash';
import { seed } from './types';

const shapes = [
  [3, 7, 5],
  [3, 1, 5],
  [3, 9, 2],
  [3, 1, 1],
];

/** Values over many magnitudes, from the seed's uniform stream. */
const spread = (shape: number[], s: number) =>
  tf.tidy(() => {
    const u = uniformNoise(shape, deriveSeed(seed(7), s));
    const v = uniformNoise(shape, deriveSeed(seed(8), s));
    return tf.mul(tf.sub(u, 0.5), tf.pow(10, tf.mul(tf.sub(v, 0.5), 8)));
  });

/** Three Adam steps of one StackedAdam; the weights and moments after each, as arrays. */
function run(fused: boolean, grads: tf.Tensor[][]) {
  const variables = shapes.map((s, i) => tf.variable(spread(s, 100 + i)));
  const adam = new StackedAdam(variables, { ...ADAM_DEFAULTS, learningRate: 3e-3 });
  const out: { weights: number[][]; m: number[]; v: number[]; finite: number[] | null }[] = [];
  grads.forEach((g, t) => {
    let finite: number[] | null = null;
    tf.tidy(() => {
      if (!fused) {
        adam.apply(adam.flatten(g), t + 1);
        return;
      }
      const flags = adam.applyFused(g, t + 1);
      expect(flags).not.toBeNull();
      finite = Array.from(flags!.dataSync());
    });
    const moments = adam as unknown as { m: tf.Tensor; v: tf.Tensor };
    out.push({
      weights: variables.map((x) => Array.from(x.dataSync())),
      m: Array.from(moments.m.dataSync()),
      v: Array.from(moments.v.dataSync()),
      finite,
    });
  });
  adam.dispose();
  tf.dispose(variables);
  return out;
}

afterAll(() => tf.setBackend('cpu'));

describe.each(['cpu', 'wasm'])('the fused Adam step on %s', (backend) => {
  test('the weights and moments of the op chain, bit for bit, over three steps', async () => {
    await tf.setBackend(backend);
    expect(fusedAdamAvailable()).toBe(true);
    const grads = [0, 1, 2].map((t) => shapes.map((s, i) => spread(s, 10 * t + i)));
    const plain = run(false, grads);
    const fused = run(true, grads);
    for (let t = 0; t < 3; t++) {
      expect(fused[t]!.weights).toEqual(plain[t]!.weights);
      expect(fused[t]!.m).toEqual(plain[t]!.m);
      expect(fused[t]!.v).toEqual(plain[t]!.v);
      expect(fused[t]!.finite).toEqual([1, 1, 1]);
    }
    tf.dispose(grads.flat());
  });

  test('flags a copy whose gradient holds ∞ or NaN, and only that copy', async () => {
    await tf.setBackend(backend);
    const poisoned = (value: number, copy: number, variable: number) =>
      shapes.map((s, i) =>
        tf.tidy(() => {
          const g = spread(s, 50 + i).arraySync() as number[][][];
          if (i === variable) g[copy]![0]![s[2]! - 1] = value; // the last element: the tail
          return tf.tensor(g);
        }),
      );
    const grads = [poisoned(Infinity, 1, 2), poisoned(NaN, 2, 0)];
    const fused = run(true, grads);
    expect(fused[0]!.finite).toEqual([1, 0, 1]);
    // Copy 1's weights are NaN now (∞/∞), so it stays flagged.
    expect(fused[1]!.finite).toEqual([1, 0, 0]);
    tf.dispose(grads.flat());
  });
});
