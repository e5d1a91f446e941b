import { describe, expect, it } from 'vitest';
import { binaryConcreteCdf, concreteLogDensity, gumbelCdf, gumbelPdf, logGamma } from './densities';
import { probabilities, temperature } from './types';

/** Composite Simpson's rule on [a, b] with n (even) intervals. */
export function simpson(f: (x: number) => number, a: number, b: number, n = 2000): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

describe('closed forms', () => {
  it('logGamma matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(10.3)).toBeCloseTo(13.482036786138, 11); // Python's math.lgamma(10.3)
  });

  it('the Gumbel pdf is the derivative of its cdf, and the median is −log log 2', () => {
    for (const x of [-2, -0.5, 0, 0.3665, 1, 4]) {
      const h = 1e-5;
      expect(gumbelPdf(x)).toBeCloseTo((gumbelCdf(x + h) - gumbelCdf(x - h)) / (2 * h), 8);
    }
    expect(gumbelCdf(-Math.log(Math.log(2)))).toBeCloseTo(0.5, 14);
  });

  it('the Concrete density for two classes equals the paper’s binary formula', () => {
    const pi = probabilities([0.3, 0.7]);
    const a = 0.3 / 0.7;
    for (const tau of [0.5, 1, 2.5].map(temperature)) {
      for (const x of [0.01, 0.2, 0.5, 0.9, 0.999]) {
        const binary =
          (tau * a * x ** (-tau - 1) * (1 - x) ** (-tau - 1)) /
          (a * x ** -tau + (1 - x) ** -tau) ** 2;
        expect(Math.exp(concreteLogDensity([x, 1 - x], pi, tau))).toBeCloseTo(binary, 8);
      }
    }
  });

  it('the two-class density integrates to the closed-form cdf', () => {
    const pi = probabilities([0.3, 0.7]);
    for (const tau of [0.5, 1, 3].map(temperature)) {
      const density = (x: number) => Math.exp(concreteLogDensity([x, 1 - x], pi, tau));
      for (const [a, b] of [
        [0.05, 0.3],
        [0.3, 0.8],
        [0.8, 0.95],
      ] as const) {
        const cdf = binaryConcreteCdf(b, pi, tau) - binaryConcreteCdf(a, pi, tau);
        expect(simpson(density, a, b)).toBeCloseTo(cdf, 7);
      }
    }
  });

  it('E[y₁] is not π₁: 0.325 at τ = 0.5 and 0.362 at τ = 1 for π₁ = 0.3 (paper facts)', () => {
    const pi = probabilities([0.3, 0.7]);
    // E[y₁] = ∫ (1 − F(x)) dx over (0, 1), with the exact cdf F.
    const mean = (tau: number) =>
      simpson((x) => 1 - binaryConcreteCdf(x, pi, temperature(tau)), 0, 1, 20000);
    expect(mean(0.5)).toBeCloseTo(0.325, 3);
    expect(mean(1)).toBeCloseTo(0.362, 3);
  });

  it('stays finite near a vertex, where yᵢ^{−τ} overflows', () => {
    const pi = probabilities([0.2, 0.3, 0.5]);
    const value = concreteLogDensity([1 - 2e-300, 1e-300, 1e-300], pi, temperature(5));
    expect(Number.isFinite(value)).toBe(true);
  });
});
