/**
 * The fast stacked pieces of the race step against tfjs's own ops: the
 * hand-written backward pass of `stackedMlp` against autodiff of `plainMlp`,
 * the block-split kernel against tf.split, and `StackedAdam` against Adam
 * written per variable, on the cpu backend and on wasm (whose kernels they
 * replace; tfjs-backend-wasm runs in node too).
 */
import { afterAll, describe, expect, test } from 'vitest';
import * as tf from './tfjs';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { expectNoLeak } from './testSupport';
import { plainMlp, stackedMlp, type MlpWeights } from './stackedMlp';
import { splitBlocks, splitCopies } from './blockSplit';
import { ADAM_DEFAULTS, StackedAdam } from './stackedAdam';
import { uniformNoise } from './noise';
import { seed } from './types';

const random = (shape: number[], s: number) =>
  tf.tidy(() => tf.sub(tf.mul(uniformNoise(shape, seed(s)), 2), 1));

/** E = 3 copies of a 5 → 7 (ReLU) → 4 network, batch 6. */
function weights(): MlpWeights {
  return {
    w1: random([3, 5, 7], 1),
    b1: random([3, 1, 7], 2),
    w2: random([3, 7, 4], 3),
    b2: random([3, 1, 4], 4),
  };
}

/** Value and gradients (in the weights, and in a if asked) of Σ c·network(a). */
function valueAndGrads(
  mlp: typeof stackedMlp,
  a: tf.Tensor,
  p: MlpWeights,
  inputGradient: boolean,
) {
  return tf.tidy(() => {
    const c = random([3, 6, 4], 5);
    const f = (...xs: tf.Tensor[]) => {
      const [w1, b1, w2, b2, x] = xs as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor?];
      return tf.sum(tf.mul(mlp(x ?? a, { w1, b1, w2, b2 }, inputGradient), c)) as tf.Scalar;
    };
    const args = [p.w1, p.b1, p.w2, p.b2, ...(inputGradient ? [a] : [])];
    const { value, grads } = tf.valueAndGrads(f)(args);
    return [value, ...grads].map((t) => Array.from(t.dataSync()));
  });
}

const maxRelativeGap = (a: number[][], b: number[][]) =>
  Math.max(
    ...a.flatMap((row, i) =>
      row.map((v, j) => Math.abs(v - b[i]![j]!) / (1e-6 + Math.abs(b[i]![j]!))),
    ),
  );

describe.each(['cpu', 'wasm'] as const)('on the %s backend', (backend) => {
  test('stackedMlp: the same value and gradients as autodiff of the plain ops', async () => {
    await tf.setBackend(backend);
    const p = weights();
    const perCopy = random([3, 6, 5], 6); // the decoder's case: each copy its own input
    const shared = random([1, 6, 5], 7); // the encoder's: one input for every copy
    for (const [a, inputGradient] of [
      [perCopy, true],
      [shared, false],
    ] as const) {
      const fast = valueAndGrads(stackedMlp, a, p, inputGradient);
      const plain = valueAndGrads(plainMlp, a, p, inputGradient);
      // float32 sums of ≤ 7 terms of size ≤ 7, in another order at most (XNNPACK
      // on wasm): a few ulps, far below 1e-4 relative; a wrong transpose, bias
      // or ReLU mask is off by O(1).
      expect(maxRelativeGap(fast, plain)).toBeLessThan(1e-4);
    }
    await expectNoLeak(() => valueAndGrads(stackedMlp, perCopy, p, true), 2);
    tf.dispose([...Object.values(p), perCopy, shared]);
  });

  test('splitBlocks: the blocks tf.split cuts, and its gradient puts them back', async () => {
    await tf.setBackend(backend);
    const x = random([3, 10], 8);
    const fast = splitBlocks(
      x,
      3,
      [2, 5, 3],
      [
        [3, 2],
        [3, 5],
        [1, 3, 3],
      ],
    );
    const plain = tf.split(x, [2, 5, 3], 1);
    fast.forEach((t, i) =>
      expect(Array.from(t.dataSync())).toEqual(Array.from(plain[i]!.dataSync())),
    );
    expect(fast[2]!.shape).toEqual([1, 3, 3]);
    const g = tf.grad((t: tf.Tensor) => {
      const [a, , c] = splitBlocks(
        t,
        3,
        [2, 5, 3],
        [
          [3, 2],
          [3, 5],
          [3, 3],
        ],
      );
      return tf.add(tf.sum(tf.mul(a!, 2)), tf.sum(c!));
    })(x);
    expect(Array.from(g.dataSync())).toEqual(
      Array.from({ length: 30 }, (_, i) => (i % 10 < 2 ? 2 : i % 10 >= 7 ? 1 : 0)),
    );
    const copies = splitCopies(tf.reshape(x, [3, 2, 5]));
    expect(copies.map((c) => c.shape)).toEqual([
      [2, 5],
      [2, 5],
      [2, 5],
    ]);
    expect(Array.from(copies[1]!.dataSync())).toEqual(Array.from(x.dataSync().subarray(10, 20)));
    tf.dispose([x, g, ...fast, ...plain, ...copies]);
  });

  test('StackedAdam: bit for bit the per-variable Adam, three steps', async () => {
    await tf.setBackend(backend);
    const config = { ...ADAM_DEFAULTS, learningRate: 0.01 };
    const make = () => [tf.variable(random([3, 4, 2], 9)), tf.variable(random([3, 1, 2], 10))];
    const stacked = make();
    const reference = make();
    const moments: { m: tf.Tensor; v: tf.Tensor }[] = reference.map((v) => ({
      m: tf.zerosLike(v),
      v: tf.zerosLike(v),
    }));
    const adam = new StackedAdam(stacked, config);
    for (let t = 1; t <= 3; t++) {
      const grads = [random([3, 4, 2], 20 + t), random([3, 1, 2], 30 + t)];
      tf.tidy(() => adam.apply(adam.flatten(grads), t));
      const stepSize =
        (config.learningRate * Math.sqrt(1 - config.beta2 ** t)) / (1 - config.beta1 ** t);
      reference.forEach((x, i) =>
        tf.tidy(() => {
          const g = grads[i]!;
          const m = tf.add(tf.mul(moments[i]!.m, config.beta1), tf.mul(g, 1 - config.beta1));
          const v = tf.add(
            tf.mul(moments[i]!.v, config.beta2),
            tf.mul(tf.square(g), 1 - config.beta2),
          );
          tf.dispose([moments[i]!.m, moments[i]!.v]);
          moments[i] = { m: tf.keep(m), v: tf.keep(v) };
          x.assign(tf.sub(x, tf.mul(tf.div(m, tf.add(tf.sqrt(v), config.epsilon)), stepSize)));
        }),
      );
      tf.dispose(grads);
    }
    stacked.forEach((x, i) =>
      expect(Array.from(x.dataSync())).toEqual(Array.from(reference[i]!.dataSync())),
    );
    adam.dispose();
    tf.dispose([...stacked, ...reference, ...moments.flatMap((m) => [m.m, m.v])]);
  });
});

afterAll(async () => {
  await tf.setBackend('cpu');
});
