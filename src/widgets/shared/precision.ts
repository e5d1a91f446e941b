/**
 * Numbers on screen with honest precision: no more digits than the
 * measurement carries, and no “0.000” for a small value that is not zero.
 */

/** Three decimals, or two significant digits for a value under 0.001; “—” when not finite. */
export function formatStatistic(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0 || Math.abs(x) >= 0.001) return x.toFixed(3);
  return x.toPrecision(2);
}

/** Three significant digits, grouped (“12,300”, “0.0123”); “—” when not finite. */
export function formatSignificant(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '—';
  return Number(x.toPrecision(digits)).toLocaleString('en', { maximumSignificantDigits: digits });
}

/**
 * A spread this small against the size of the mean is round-off, not noise:
 * the estimates are float32 (ε ≈ 1.2e-7), so equal estimates can show a
 * relative sd of about 1e-7 when summed in double precision.
 */
export const ROUND_OFF_SPREAD = 1e-6;

/** Whether `sd` is zero up to the round-off of float32 estimates of size `scale`. */
export const hasNoSpread = (sd: number, scale: number) => sd <= ROUND_OFF_SPREAD * Math.abs(scale);
