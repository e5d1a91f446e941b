import { describe, expect, test } from 'vitest';
import { MinibatchSchedule, permutation, temperatureAt } from './minibatches';
import { seed as asSeed } from './types';

describe('minibatches', () => {
  test('each epoch visits every image at most once, and epochs are shuffled differently', () => {
    const s = new MinibatchSchedule(103, 10, asSeed(5));
    expect(s.batchesPerEpoch).toBe(10);
    const epoch = (e: number) =>
      Array.from({ length: 10 }, (_, j) => Array.from(s.indices(e * 10 + j))).flat();
    const first = epoch(0);
    expect(new Set(first).size).toBe(100);
    expect(first.every((i) => i >= 0 && i < 103)).toBe(true);
    expect(epoch(1)).not.toEqual(first);
    // A pure function of (seed, step): asking again, in any order, gives the same batch.
    expect(Array.from(new MinibatchSchedule(103, 10, asSeed(5)).indices(3))).toEqual(
      first.slice(30, 40),
    );
  });

  test('a permutation is one', () => {
    expect([...permutation(50, asSeed(1))].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });

  test('refuses a batch larger than the data', () => {
    expect(() => new MinibatchSchedule(5, 6, asSeed(1))).toThrow(/does not fit/);
  });
});

describe('the temperature schedule τ = max(0.5, exp(−r·t))', () => {
  test('steps every N steps and stops at the floor', () => {
    const s = { rate: 1e-3, every: 100, min: 0.5 };
    expect(temperatureAt(s, 0)).toBe(1);
    expect(temperatureAt(s, 99)).toBe(1);
    expect(temperatureAt(s, 100)).toBeCloseTo(Math.exp(-0.1), 12);
    expect(temperatureAt(s, 250)).toBeCloseTo(Math.exp(-0.2), 12);
    expect(temperatureAt(s, 10_000)).toBe(0.5);
  });
});
