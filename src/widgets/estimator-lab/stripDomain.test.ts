import { describe, expect, it } from 'vitest';
import { stripDomain } from './stripDomain';

describe('stripDomain', () => {
  it('holds every estimate, each mean and the exact value, with a margin', () => {
    // A heavy tail: 98 values near 0 and two far ones (a percentile domain cut these off).
    const heavy = [...Array.from({ length: 98 }, (_, i) => -0.001 * (i % 3)), 0.5, 0.9];
    const [lo, hi] = stripDomain([heavy, [-0.04, -0.03]], -0.1);
    expect(lo).toBeLessThan(-0.1);
    expect(hi).toBeGreaterThan(0.9);
    // The margin: 4 % of the span (1.0) on each side.
    expect(lo).toBeCloseTo(-0.14, 12);
    expect(hi).toBeCloseTo(0.94, 12);
  });

  it('opens a small window when nothing spreads, and skips non-finite values', () => {
    const [lo, hi] = stripDomain([[2, 2, Number.NaN]], 2);
    expect(lo).toBeLessThan(2);
    expect(hi).toBeGreaterThan(2);
  });
});
