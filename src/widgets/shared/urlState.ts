/** Reading widget parameters from the URL: every value is checked, and every refusal explained. */

export interface Parsed<T> {
  state: T;
  /** Sentences for the user about values that were clamped or ignored. */
  problems: string[];
}

/** A number in [min, max]; out-of-range values are clamped, junk ignored, both explained. */
export function readNumber(
  params: URLSearchParams,
  key: string,
  label: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
  integer = false,
): number {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || raw.trim() === '') {
    problems.push(`${label} “${raw.slice(0, 20)}” is not a number; using ${fallback}.`);
    return fallback;
  }
  const clamped = Math.min(max, Math.max(min, integer ? Math.round(value) : value));
  if (clamped !== value) {
    const kind = integer ? 'a whole number from' : 'from';
    problems.push(`${label} must be ${kind} ${min} to ${max}; using ${clamped}.`);
  }
  return clamped;
}

/** The same for whole numbers. */
export const readInteger = (
  params: URLSearchParams,
  key: string,
  label: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
) => readNumber(params, key, label, fallback, min, max, problems, true);

/** Compact text for probabilities in a URL: four significant digits. */
export const formatProbabilityList = (p: readonly number[]) =>
  p.map((x) => Number(x.toPrecision(4)).toString()).join(',');
