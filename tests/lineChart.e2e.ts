/**
 * The line chart with a very long line: a run of 1e5 steps gives curves this
 * long, and spreading them into Math.max(...xs) throws a RangeError (the
 * call stack holds about 1e5 arguments in Chromium), so the chart must reduce
 * its extents by loops.
 */
import { describe, expect, it } from 'vitest';
import { serveApp } from './support/app';
import { callMl } from './support/ml';

const app = serveApp();

describe('the line chart', () => {
  it('draws a line of 200,000 points, every point on the path, with its axes', async () => {
    const { page, log } = await app.open();
    const result = await callMl(page, 'longLineChart', 200_000);
    expect(result).not.toHaveProperty('error');
    const drawn = result as { points: number; ticks: string[] };
    expect(drawn.points).toBe(200_000);
    // y = sin i spans [−1, 1]: the axis' ticks reach both ends.
    expect(drawn.ticks).toContain('−1.0');
    expect(drawn.ticks).toContain('1.0');
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
