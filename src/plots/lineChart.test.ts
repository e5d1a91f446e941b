import { describe, expect, it } from 'vitest';
import { screenPoints } from './lineChart';

const identity = (v: number) => v;

describe('screenPoints', () => {
  it('keeps every finite point of a series no longer than twice the width', () => {
    const xs = [0, 1, 2, 3];
    const ys = [1, NaN, 3, Infinity];
    expect(screenPoints({ xs, ys }, identity, identity, 2)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('keeps the first, lowest, highest and last point of each pixel column of a long series', () => {
    // 1000 points over 10 px: 100 a column, a zigzag whose extremes sit inside each column.
    const xs = Array.from({ length: 1000 }, (_, i) => i / 100);
    const ys = xs.map((_, i) => (i % 100 === 37 ? 5 : i % 100 === 61 ? -5 : (i % 7) / 10));
    const points = screenPoints({ xs, ys }, identity, identity, 10);
    expect(points.length).toBe(40);
    for (let c = 0; c < 10; c++) {
      const column = points.slice(4 * c, 4 * c + 4);
      expect(column.map((p) => p[1])).toEqual([ys[100 * c], 5, -5, ys[100 * c + 99]]);
      expect(column.every((p) => Math.floor(p[0]) === c)).toBe(true);
    }
    // The thinned path spans the same values as the whole series.
    expect(Math.max(...points.map((p) => p[1]))).toBe(5);
    expect(Math.min(...points.map((p) => p[1]))).toBe(-5);
  });
});
