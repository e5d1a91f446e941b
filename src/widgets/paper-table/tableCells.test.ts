import { describe, expect, test } from 'vitest';
import { bestRate, cellsAndCurves, emptyGathered, meanAndSpread, type Results } from './tableCells';

const gathered = (values: number[], stopped = 0) => ({ ...emptyGathered(), values, stopped });

describe('the table cells', () => {
  test('mean and sample standard deviation over seeds; none below one or two values', () => {
    expect(meanAndSpread([])).toEqual({ mean: null, spread: null });
    expect(meanAndSpread([5])).toEqual({ mean: 5, spread: null });
    const { mean, spread } = meanAndSpread([1, 2, 3]);
    expect(mean).toBe(2);
    expect(spread).toBeCloseTo(1, 12); // sqrt(((1−2)² + 0 + (3−2)²) / (3 − 1))
  });

  test('the best learning rate has the lowest mean; a rate whose seeds all stopped never wins', () => {
    expect(bestRate([gathered([90, 92]), gathered([88, 89]), gathered([95])])).toBe(1);
    expect(bestRate([gathered([], 2), gathered([120])])).toBe(1);
    expect(bestRate([gathered([]), gathered([])])).toBe(0);
  });

  test('cells carry the chosen rate, its values, steps, seeds and stopped copies', () => {
    const results: Results = new Map([
      ['vae-categorical', new Map([['gumbel-softmax', [gathered([100, 104], 1), gathered([99])]]])],
    ]);
    const { cells, curves } = cellsAndCurves(results, {
      learningRates: [1e-3, 3e-3],
      steps: 2000,
      seeds: 3,
    });
    expect(cells).toEqual([
      {
        task: 'vae-categorical',
        estimator: 'gumbel-softmax',
        values: [99],
        mean: 99,
        spread: null,
        steps: 2000,
        seeds: 3,
        stopped: 0,
        learningRate: 3e-3,
        optimizer: 'Adam',
      },
    ]);
    expect(curves).toEqual([
      { task: 'vae-categorical', estimator: 'gumbel-softmax', steps: [], values: [] },
    ]);
  });
});
