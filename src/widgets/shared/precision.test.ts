import { describe, expect, it } from 'vitest';
import { formatSignificant, formatStatistic, hasNoSpread } from './precision';
import { formatMoments } from '../estimator-lab/draw';
import { chiSquareText } from '../gumbel-max/model';

describe('honest precision', () => {
  it('never prints a small non-zero statistic as 0.000, nor Infinity', () => {
    expect(formatStatistic(0.12345)).toBe('0.123');
    expect(formatStatistic(0)).toBe('0.000');
    expect(formatStatistic(4.2e-5)).toBe('0.000042');
    expect(formatStatistic(8.4e-9)).toBe('8.4e-9');
    expect(formatStatistic(Infinity)).toBe('—');
    expect(formatSignificant(42626979.03)).toBe('42,600,000');
    expect(formatSignificant(0.012345)).toBe('0.0123');
  });

  it('shows no SNR for estimates that are all equal up to float32 round-off', () => {
    // Equal float32 estimates summed in double precision leave a relative sd near 1e-14.
    const equal = { mean: [0.3, -0.4], bias: 3e-9, sd: 0.5 * 1e-14, snr: 1e14 };
    expect(formatMoments(equal, ' · ')).toBe('bias 0 · sd 0 · SNR —');
    expect(formatMoments({ ...equal, sd: 0, snr: Infinity }, ' · ')).toBe('bias 0 · sd 0 · SNR —');
    const noisy = { mean: [0.3, -0.4], bias: 0.01, sd: 0.2, snr: 2.5 };
    expect(formatMoments(noisy, ', ')).toBe('bias 0.010, sd 0.200, SNR 2.5');
    expect(hasNoSpread(1e-3, 0.5)).toBe(false);
  });

  it('gives a chi-square p only when every class expects five draws', () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    // 0.1 · 49 < 5: too few draws; 50 are enough.
    expect(chiSquareText([5, 10, 15, 19], p)).toBe(
      'no chi-square p: it needs 5 expected draws per class, so 50 or more draws',
    );
    expect(chiSquareText([5, 10, 15, 20], p)).toBe('chi-square p = 1.000');
    expect(chiSquareText([500, 0, 0, 500], p)).toBe('chi-square p < 0.001');
  });
});
