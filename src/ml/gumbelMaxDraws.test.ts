import * as tf from './tfjs';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_TARGET_MS,
  chunkPlanFor,
  drawMany,
  explainOneDraw,
  MAX_CHUNK_ROWS,
  MIN_CHUNK_ROWS,
  nextChunkRows,
  NOISE_BINS,
  type ChunkPlan,
} from './gumbelMaxDraws';
import { deriveSeed } from './counterHash';
import { gumbelMaxIndices } from './gumbelSoftmax';
import { chiSquareTest } from './stats';
import { probabilities, seed } from './types';
import { seed as asSeed } from './types';
import { expectNoLeak, runOnCpuBackend } from './testSupport';

runOnCpuBackend();
const p = probabilities([0.1, 0.2, 0.3, 0.4]);

describe('Gumbel-max widget computations', () => {
  it('count exactly what the core sampler draws, across chunk boundaries', async () => {
    const n = 70_000; // more than the largest chunk of 65,536 rows
    const result = (await drawMany(p, n, seed(3)))!;
    const idx = gumbelMaxIndices(
      tf.tile(tf.tensor2d([p.map(Math.log)]), [n, 1]),
      deriveSeed(asSeed(3), 2),
    );
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

  it('give identical counts whatever the chunking', async () => {
    const fixed = (rows: number): ChunkPlan => ({
      firstRows: rows,
      nextRows: () => rows,
      between: 'task',
    });
    // A plan that changes the size every chunk, as the time budget does.
    const varying: ChunkPlan = {
      firstRows: 300,
      nextRows: (rows) => (rows * 7) % 5000 || 1,
      between: 'frame',
    };
    const n = 23_456;
    const results = await Promise.all(
      [undefined, chunkPlanFor('webgl'), fixed(1000), fixed(7777), fixed(n), varying].map((plan) =>
        drawMany(p, n, seed(11), () => false, plan),
      ),
    );
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    expect(results[0]!.counts.reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('size the next chunk to the time target, within limits', () => {
    // On target: the same size again.
    expect(nextChunkRows(8192, CHUNK_TARGET_MS)).toBe(8192);
    // Twice too slow: half as many rows.
    expect(nextChunkRows(8192, 2 * CHUNK_TARGET_MS)).toBe(4096);
    // Much too fast: at most four times as many rows a chunk.
    expect(nextChunkRows(4096, 0.5)).toBe(4 * 4096);
    expect(nextChunkRows(4096, 0)).toBe(4 * 4096);
    // Never beyond the limits, always a multiple of the smallest chunk.
    expect(nextChunkRows(MAX_CHUNK_ROWS, 1)).toBe(MAX_CHUNK_ROWS);
    expect(nextChunkRows(MIN_CHUNK_ROWS, 1000)).toBe(MIN_CHUNK_ROWS);
    expect(nextChunkRows(10_000, 17) % MIN_CHUNK_ROWS).toBe(0);
  });
});
