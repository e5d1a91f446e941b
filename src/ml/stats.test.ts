import { describe, expect, it } from 'vitest';
import { chiSquareTest, gammaQ, ksCritical, ksDistance, meanAndVariance } from './stats';

describe('stats', () => {
  it('gammaQ matches closed forms and tables', () => {
    for (const x of [0.1, 1, 3.7]) expect(gammaQ(1, x)).toBeCloseTo(Math.exp(-x), 12);
    // Chi-square critical values: P(χ²₂ > 5.991) = 0.05, P(χ²₁₀ > 29.588) = 0.001.
    expect(gammaQ(1, 5.991 / 2)).toBeCloseTo(0.05, 4);
    expect(gammaQ(5, 29.588 / 2)).toBeCloseTo(0.001, 5);
  });

  it('chiSquareTest pools cells with tiny expectations', () => {
    const fair = chiSquareTest([250, 250, 250, 250], [0.25, 0.25, 0.25, 0.25]);
    expect(fair.statistic).toBe(0);
    expect(fair.pValue).toBeCloseTo(1, 10);
    const pooled = chiSquareTest([500, 500, 0], [0.5, 0.5, 1e-15]);
    expect(pooled.degreesOfFreedom).toBe(1);
    expect(chiSquareTest([600, 400], [0.5, 0.5]).pValue).toBeLessThan(1e-9);
  });

  it('KS and moments', () => {
    const sample = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    expect(ksDistance(sample, (x) => x)).toBeCloseTo(0.0005, 10);
    expect(ksCritical(1e5, 0.001)).toBeCloseTo(0.006165, 5);
    expect(meanAndVariance([1, 2, 3, 4])).toEqual({ mean: 2.5, variance: 5 / 3 });
  });
});
