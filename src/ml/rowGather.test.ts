/**
 * gatherRows (rowGather.ts) against tf.gather on cpu and wasm: a copy, so the
 * same values exactly, for rows of any shape, repeated and unordered indices,
 * float and int data; an index out of range is refused.
 */
import { afterAll, describe, expect, test } from 'vitest';
import * as tf from './tfjs';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { gatherRows } from './rowGather';

afterAll(() => tf.setBackend('cpu'));

describe.each(['cpu', 'wasm'])('gatherRows on %s', (backend) => {
  test('the rows of tf.gather, for several matrices at once', async () => {
    await tf.setBackend(backend);
    const before = tf.memory().numTensors;
    const a = tf.randomUniform([7, 3, 2], -1, 1, 'float32', 5);
    const b = tf.tensor2d(
      Array.from({ length: 7 * 4 }, (_, i) => i * 3 - 11),
      [7, 4],
      'int32',
    );
    const indices = Int32Array.from([6, 0, 3, 3, 1]);
    const [ga, gb] = gatherRows([a, b], indices) as [tf.Tensor, tf.Tensor];
    expect(ga.shape).toEqual([5, 3, 2]);
    expect(gb.dtype).toBe('int32');
    const expected = (x: tf.Tensor) => tf.tidy(() => tf.gather(x, [...indices]).arraySync());
    expect(ga.arraySync()).toEqual(expected(a));
    expect(gb.arraySync()).toEqual(expected(b));
    expect(() => gatherRows([a], [7])).toThrow(RangeError);
    expect(() => gatherRows([a], [-1])).toThrow(RangeError);
    tf.dispose([a, b, ga, gb]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
