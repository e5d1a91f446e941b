/**
 * The one x domain the lab's estimate strips share: every estimate, each
 * strip's mean (dashed) and the exact value (full line) lie inside it, with a
 * margin of 4 % of its width on each side, so that no bar is cut off at an
 * edge and no marker sits on one. (A domain of percentiles cut off the heavy
 * tails of a score-function estimator: its bars piled up at the edge.)
 */
export function stripDomain(
  components: readonly (readonly number[])[],
  exactValue: number,
): [number, number] {
  let lo = exactValue;
  let hi = exactValue;
  for (const values of components) {
    let sum = 0;
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      sum += v;
    }
    const mean = values.length > 0 ? sum / values.length : exactValue;
    if (Number.isFinite(mean)) {
      lo = Math.min(lo, mean);
      hi = Math.max(hi, mean);
    }
  }
  // No spread at all (every estimate exact): a small window around the value.
  const margin = hi > lo ? 0.04 * (hi - lo) : Math.max(1e-3, 1e-3 * Math.abs(hi));
  return [lo - margin, hi + margin];
}
