/**
 * Expectations over Gumbel noise by numerical integration, in double
 * precision, for tests that need the expected value of a biased estimator
 * without asking the estimator. For K ≤ 3 classes only.
 *
 * The estimators see the noise g only through l + g up to a common shift
 * (softmax and argmax ignore it), so only the differences d_i = g_i − g_0
 * (i ≥ 1) matter. Their joint density is the multivariate logistic
 *   p(d) = (K−1)! · exp(−Σd_i) / (1 + Σ exp(−d_i))^K
 * (integrate the K Gumbel densities over g_0: ∫ exp(−K g_0 − s e^{−g_0}) dg_0
 * = Γ(K)/s^K with s = 1 + Σ e^{−d_i}). For K = 2 it is the logistic density.
 *
 * Rule: composite 3-point Gauss–Legendre on panels of width h, on pieces split
 * wherever the winning class changes, so every piece's integrand is smooth and
 * no node sits on a boundary. Its error is O(h⁶); the result's `error` is the
 * Richardson estimate |I_h − I_2h|/63 (exact asymptotically for an O(h⁶)
 * rule), times 10 for safety, plus the truncation to |d_i| ≤ 30: the mass
 * there is below 2(K−1)e^{−30} ≈ 2e−13, times an integrand bounded by ~10.
 */

/** softmax(x/τ) in double precision. */
export function softmax(x: readonly number[], tau: number): number[] {
  const m = Math.max(...x);
  const e = x.map((v) => Math.exp((v - m) / tau));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** J·v for y = softmax(x/τ): J = (diag y − y yᵀ)/τ (symmetric, so also Jᵀ·v). */
export function softmaxJacobianTimes(y: readonly number[], v: readonly number[], tau: number) {
  const yv = y.reduce((acc, yi, i) => acc + yi * v[i]!, 0);
  return y.map((yi, i) => (yi * (v[i]! - yv)) / tau);
}

const NODES = [
  [-Math.sqrt(3 / 5), 5 / 9],
  [0, 8 / 9],
  [Math.sqrt(3 / 5), 5 / 9],
] as const;
const LIMIT = 30;

type Vector = (x: number) => number[];

function gaussLegendre(fn: Vector, a: number, b: number, width: number, acc: number[]) {
  const panels = Math.max(1, Math.ceil((b - a) / width));
  const w = (b - a) / panels;
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * w;
    for (const [t, weight] of NODES) {
      const v = fn(mid + (t * w) / 2);
      for (let i = 0; i < acc.length; i++) acc[i]! += ((weight * w) / 2) * v[i]!;
    }
  }
}

/** ∫ fn over [−LIMIT, LIMIT], split at `breaks`. */
function piecewise(fn: Vector, breaks: number[], width: number, k: number): number[] {
  const inside = breaks.filter((b) => b > -LIMIT && b < LIMIT).sort((a, b) => a - b);
  const points = [-LIMIT, ...inside, LIMIT];
  const acc = new Array<number>(k).fill(0);
  for (let i = 0; i + 1 < points.length; i++)
    gaussLegendre(fn, points[i]!, points[i + 1]!, width, acc);
  return acc;
}

const argmax = (x: readonly number[]) => x.reduce((best, v, i) => (v > x[best]! ? i : best), 0);

/** E_g[φ(l + g, argmax(l + g))] at panel width h, for K = 2 or 3; φ returns K numbers. */
function integrate(
  logits: readonly number[],
  phi: (x: number[], winner: number) => number[],
  h: number,
): number[] {
  const k = logits.length;
  const [l0, l1, l2] = logits as [number, number, number];
  if (k === 2) {
    return piecewise(
      (d) => {
        const x = [l0, l1 + d];
        // The logistic density σ(d)σ(−d), written to stay finite for large |d|.
        const e = Math.exp(-Math.abs(d));
        return phi(x, argmax(x)).map((v) => (v * e) / (1 + e) ** 2);
      },
      [l0 - l1],
      h,
      k,
    );
  }
  if (k !== 3) throw new RangeError('The Gumbel quadrature handles K = 2 or 3.');
  // Outer d2, inner d1. Given d2, class 1 wins iff l1 + d1 > max(l0, l2 + d2):
  // one break in d1. The inner integral jumps where the other winner changes,
  // at d2 = l0 − l2: the outer break.
  return piecewise(
    (d2) =>
      piecewise(
        (d1) => {
          const x = [l0, l1 + d1, l2 + d2];
          const density = (2 * Math.exp(-d1 - d2)) / (1 + Math.exp(-d1) + Math.exp(-d2)) ** 3;
          return phi(x, argmax(x)).map((v) => v * density);
        },
        [Math.max(l0, l2 + d2) - l1],
        h,
        k,
      ),
    [l0 - l2],
    h,
    k,
  );
}

/**
 * E over iid Gumbel noise g of φ(l + g, argmax(l + g)) for K = 2 or 3 logits,
 * and a bound on its error (see the header).
 */
export function expectationOverGumbel(
  logits: readonly number[],
  phi: (x: number[], winner: number) => number[],
  h = 0.3,
): { gradient: number[]; error: number } {
  const fine = integrate(logits, phi, h);
  const coarse = integrate(logits, phi, 2 * h);
  const richardson = Math.max(...fine.map((v, i) => Math.abs(v - coarse[i]!))) / 63;
  return { gradient: fine, error: 10 * richardson + 1e-11 };
}
