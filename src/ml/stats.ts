/** Small statistics for tests and for the widgets' text summaries (double precision, no tensors). */
import { logGamma } from './densities';

/** Kolmogorov–Smirnov distance between a sample and a continuous cdf. */
export function ksDistance(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * The KS critical value for n samples at level α, from the asymptotic
 * distribution: c(α)/√n with c(α) = √(−ln(α/2)/2) (about 1.95 for α = 0.001).
 */
export const ksCritical = (n: number, alpha: number): number =>
  Math.sqrt(-Math.log(alpha / 2) / 2) / Math.sqrt(n);

/** Mean and unbiased variance. */
export function meanAndVariance(xs: ArrayLike<number>): { mean: number; variance: number } {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - mean) ** 2;
  return { mean, variance: n > 1 ? ss / (n - 1) : 0 };
}

/** Regularized upper incomplete gamma Q(a, x), by series or continued fraction. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(lnPrefix);
  }
  // Lentz's continued fraction for Q.
  let b = x + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(lnPrefix) * h;
}

export interface ChiSquareResult {
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
}

/**
 * Pearson's chi-square test of observed counts against expected probabilities.
 * Cells expected to hold fewer than `minExpected` counts are pooled (the test's
 * χ² approximation needs about five a cell).
 */
export function chiSquareTest(
  counts: readonly number[],
  probabilities: readonly number[],
  minExpected = 5,
): ChiSquareResult {
  const n = counts.reduce((a, b) => a + b, 0);
  const cells: { observed: number; expected: number }[] = [];
  const pool = { observed: 0, expected: 0 };
  for (let i = 0; i < counts.length; i++) {
    const expected = n * probabilities[i]!;
    if (expected < minExpected) {
      pool.observed += counts[i]!;
      pool.expected += expected;
    } else cells.push({ observed: counts[i]!, expected });
  }
  if (pool.expected > 0 || pool.observed > 0) {
    if (pool.expected >= minExpected || cells.length === 0) cells.push(pool);
    else if (cells.length > 0) {
      // Too small to stand alone: merge into the smallest cell.
      const smallest = cells.reduce((a, b) => (b.expected < a.expected ? b : a));
      smallest.observed += pool.observed;
      smallest.expected += pool.expected;
    }
  }
  let statistic = 0;
  for (const c of cells) statistic += (c.observed - c.expected) ** 2 / Math.max(c.expected, 1e-300);
  const degreesOfFreedom = Math.max(cells.length - 1, 1);
  return { statistic, degreesOfFreedom, pValue: gammaQ(degreesOfFreedom / 2, statistic / 2) };
}
