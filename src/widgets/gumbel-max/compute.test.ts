import * as tf from '../../ml/tfjs';
import { describe, expect, it } from 'vitest';
import { drawMany, explainOneDraw, NOISE_BINS } from './compute';
import { deriveSeed } from '../../ml/counterHash';
import { gumbelMaxIndices } from '../../ml/gumbelSoftmax';
import { chiSquareTest } from '../../ml/stats';
import { probabilities, seed } from '../../ml/types';
import { expectNoLeak, runOnCpuBackend } from '../../ml/testSupport';

runOnCpuBackend();
const p = probabilities([0.1, 0.2, 0.3, 0.4]);

describe('Gumbel-max widget computations', () => {
  it('count exactly what the core sampler draws, across chunk boundaries', async () => {
    const n = 70_000; // more than one chunk of 65,536 rows
    const result = (await drawMany(p, n, seed(3)))!;
    const idx = gumbelMaxIndices(tf.tile(tf.tensor2d([p.map(Math.log)]), [n, 1]), deriveSeed(3, 2));
    const expected = new Array<number>(4).fill(0);
    for (const i of await idx.data()) expected[i]! += 1;
    idx.dispose();
    expect(result.counts).toEqual(expected);
    expect(result.noiseCounts.reduce((a, b) => a + b, 0) + result.noiseAbove).toBe(n * 4);
    expect(result.noiseCounts).toHaveLength(NOISE_BINS);
    expect(chiSquareTest(result.counts, p).pValue).toBeGreaterThan(0.001);
  });

  it('explain one draw: the winner is the argmax of log π + g', async () => {
    const d = await explainOneDraw(p, seed(1), 4);
    d.perturbed.forEach((v, i) => expect(v).toBeCloseTo(Math.log(p[i]!) + d.noise[i]!, 6));
    expect(d.winner).toBe(d.perturbed.indexOf(Math.max(...d.perturbed)));
  });

  it('stop when asked and leak no tensors either way', async () => {
    expect(await drawMany(p, 10, seed(1), () => true)).toBeNull();
    await expectNoLeak(async () => {
      await drawMany(p, 1000, seed(2));
      await drawMany(p, 1000, seed(2), () => true);
      await explainOneDraw(p, seed(2), 1);
    });
  });
});
