/**
 * The line chart with a very long line: a run of 1e5 steps gives curves this
 * long, and spreading them into Math.max(...xs) throws a RangeError (the
 * call stack holds about 1e5 arguments in Chromium), so the chart must reduce
 * its extents by loops. Such a line is drawn with at most four points a
 * pixel column (its first, lowest, highest and last), which keeps its picture.
 */
import { describe, expect, it } from 'vitest';
import { serveApp } from './support/app';
import { callMl } from './support/ml';

const app = serveApp();

describe('the line chart', () => {
  it('draws a line of 200,000 points, four a pixel column, reaching its extremes, with its axes', async () => {
    const { page, log } = await app.open();
    const result = await callMl(page, 'longLineChart', 200_000);
    expect(result).not.toHaveProperty('error');
    const drawn = result as {
      points: number;
      pathY: [number, number];
      ticks: string[];
      tickY: Record<string, number>;
    };
    // The plot is under 400 px wide (about 346 px inside its axes), ~580 points a column: each
    // column keeps 4 distinct points (first, lowest, highest, last), ~1,380 in all; a column
    // without its extremes would keep 2 (under 800 in all).
    expect(drawn.points).toBeLessThanOrEqual(4 * 400);
    expect(drawn.points).toBeGreaterThan(1000);
    // sin i over 200,000 integers comes within 1e-9 of ±1: the path reaches the ±1 ticks, to
    // the half pixel d3's axis shifts its ticks by for crisp lines (and 0.01 px of rounding).
    expect(Math.abs(drawn.pathY[0] - drawn.tickY['1.0']!)).toBeLessThanOrEqual(0.51);
    expect(Math.abs(drawn.pathY[1] - drawn.tickY['−1.0']!)).toBeLessThanOrEqual(0.51);
    // y = sin i spans [−1, 1]: the axis' ticks reach both ends.
    expect(drawn.ticks).toContain('−1.0');
    expect(drawn.ticks).toContain('1.0');
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
