import { describe, expect, it } from 'vitest';
import {
  defaultSweepState,
  formatSweepState,
  parseSweepState,
  HANDLE_FLOOR,
  planeToBarycentric,
  planeToSimplex,
  projectOntoSimplex,
  tauAfterKey,
  TAU_KEY_STEPS,
  simplexAfterKey,
  simplexToPlane,
  sliderFromTau,
  tauFromSlider,
} from './model';
import { probabilities, temperature } from '../../ml/types';

describe('temperature sweep model', () => {
  it('maps the slider to τ on a log scale from 0.05 to 10 and back', () => {
    expect(tauFromSlider(0)).toBeCloseTo(0.05, 12);
    expect(tauFromSlider(1)).toBeCloseTo(10, 12);
    expect(tauFromSlider(0.5)).toBeCloseTo(Math.sqrt(0.05 * 10), 3);
    expect(sliderFromTau(tauFromSlider(0.37))).toBeCloseTo(0.37, 3);
    // What a link holds is exactly the state: formatting and parsing change nothing.
    const tau = tauFromSlider(0.4321);
    expect(
      parseSweepState(new URLSearchParams(formatSweepState({ ...defaultSweepState(), tau }))).state
        .tau,
    ).toBe(tau);
  });

  it('goes from the plane to barycentric coordinates and back', () => {
    const [x, y] = simplexToPlane(0.2, 0.3, 0.5, 300);
    const back = planeToSimplex(x, y, 300, 0);
    expect(back[0]).toBeCloseTo(0.2, 9);
    expect(back[1]).toBeCloseTo(0.3, 9);
    expect(back[2]).toBeCloseTo(0.5, 9);
    // The vertices: class 1 bottom-left, class 2 bottom-right, class 3 at the top.
    const h = (300 * Math.sqrt(3)) / 2;
    expect(planeToBarycentric(0, h, 300).map((v) => +v.toFixed(12))).toEqual([1, 0, 0]);
    expect(planeToBarycentric(300, h, 300).map((v) => +v.toFixed(12))).toEqual([0, 1, 0]);
    expect(planeToBarycentric(150, 0, 300).map((v) => +v.toFixed(12))).toEqual([0, 0, 1]);
    // Outside the triangle one coordinate is negative; they still sum to 1.
    const outside = planeToBarycentric(-50, 400, 300);
    expect(Math.min(...outside)).toBeLessThan(0);
    expect(outside.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('projects a point onto the nearest point of the simplex', () => {
    // Inside: unchanged.
    expect(projectOntoSimplex([0.2, 0.3, 0.5])).toEqual(
      [0.2, 0.3, 0.5].map((v) => expect.closeTo(v, 12)),
    );
    // Beyond the edge y₃ = 0 (below the base), straight down: the foot of the perpendicular.
    expect(projectOntoSimplex([0.7, 0.5, -0.2])).toEqual(
      [0.6, 0.4, 0].map((v) => expect.closeTo(v, 12)),
    );
    // Beyond a vertex: the vertex.
    expect(projectOntoSimplex([1.5, -0.2, -0.3])).toEqual(
      [1, 0, 0].map((v) => expect.closeTo(v, 12)),
    );
    // With a floor: the triangle shrunk to yᵢ ≥ floor.
    expect(projectOntoSimplex([1.5, -0.2, -0.3], 0.01)).toEqual(
      [0.98, 0.01, 0.01].map((v) => expect.closeTo(v, 12)),
    );
    expect(() => projectOntoSimplex([1, 0, 0], 0.5)).toThrow(RangeError);
  });

  it('projects to the nearest point of the triangle in the plane, checked against a brute-force search', () => {
    const size = 250;
    const grid: [number, number][] = [];
    // Every point of the shrunken triangle on a fine barycentric grid.
    const n = 200;
    for (let i = 0; i <= n; i++)
      for (let j = 0; j <= n - i; j++) {
        const b = [i / n, j / n, (n - i - j) / n].map(
          (v) => HANDLE_FLOOR + (1 - 3 * HANDLE_FLOOR) * v,
        );
        grid.push(simplexToPlane(b[0]!, b[1]!, b[2]!, size));
      }
    // Fixed probe points around and inside the triangle (seeded by their list, no randomness).
    const probes: [number, number][] = [
      [-40, 250],
      [300, 260],
      [125, -30],
      [20, 20],
      [240, 30],
      [125, 100],
      [-10, 100],
      [260, 215],
      [125, 240],
    ];
    for (const [px, py] of probes) {
      const pi = planeToSimplex(px, py, size);
      expect(Math.min(...pi)).toBeGreaterThanOrEqual(HANDLE_FLOOR - 1e-12);
      const [qx, qy] = simplexToPlane(pi[0]!, pi[1]!, pi[2]!, size);
      const ours = Math.hypot(qx - px, qy - py);
      const best = Math.min(...grid.map(([gx, gy]) => Math.hypot(gx - px, gy - py)));
      // The grid's spacing is size/n = 1.25 px, so the best grid point is within
      // half a diagonal (≈ 0.9 px) of the true nearest point: ours may not be farther.
      expect(ours).toBeLessThanOrEqual(best + 1e-9);
      expect(best - ours).toBeLessThan(0.9);
    }
  });

  it('moves the handle with the arrow keys and keeps it in the triangle', () => {
    const pi = probabilities([0.2, 0.3, 0.5]);
    const up = simplexAfterKey(pi, 'ArrowUp', false)!;
    // Up by 2% of the side: y₃ grows by 0.02 / (√3/2); straight up keeps x = π₂ + π₃/2, so π₂ − π₁ stays.
    expect(up[2]).toBeCloseTo(0.5 + 0.02 / (Math.sqrt(3) / 2), 9);
    expect(up[1]! - up[0]!).toBeCloseTo(0.1, 9);
    const left = simplexAfterKey(pi, 'ArrowLeft', true)!;
    expect(left[0]).toBeGreaterThan(pi[0]!);
    expect(left[2]).toBeCloseTo(0.5, 9);
    let corner: readonly number[] = pi;
    for (let i = 0; i < 100; i++)
      corner = simplexAfterKey(corner as typeof pi, 'ArrowRight', true)!;
    expect(corner[1]).toBeCloseTo(1 - 2 * HANDLE_FLOOR, 9);
    expect(simplexAfterKey(pi, 'PageDown', false)).toBeNull();
  });

  it('round-trips the URL and explains T ≤ 0 and other bad values', () => {
    const state = { ...defaultSweepState(), tau: temperature(0.37), points: 5000 };
    const parsed = parseSweepState(new URLSearchParams(formatSweepState(state)));
    expect(parsed.problems).toEqual({});
    expect(parsed.state.tau).toBeCloseTo(0.37, 6);
    expect(parsed.state.points).toBe(5000);
    const bad = parseSweepState(new URLSearchParams('ts.tau=-1&ts.n=99999999&ts.pi=1,2'));
    expect(bad.state.tau).toBe(0.05);
    expect(bad.state.points).toBe(20_000);
    const text = Object.values(bad.problems).join(' ');
    for (const part of [
      /The temperature T must be from 0.05 to 10; using 0.05/,
      /from 100 to 20000/,
      /three non-negative/,
    ])
      expect(text).toMatch(part);
    expect(parseSweepState(new URLSearchParams('ts.tau=NaN')).problems['ts.tau']).toMatch(
      /not a number/,
    );
  });
});

describe('the temperature slider’s keys', () => {
  it('crosses the log range in TAU_KEY_STEPS arrow presses, each a factor (10/0.05)^(1/40)', () => {
    let tau = 0.05;
    const factor = 200 ** (1 / TAU_KEY_STEPS);
    for (let i = 0; i < TAU_KEY_STEPS; i++) {
      const next = tauAfterKey(tau, 'ArrowRight', false)!;
      expect(next / tau).toBeCloseTo(factor, 2);
      tau = next;
    }
    expect(tau).toBe(10);
    expect(tauAfterKey(tau, 'ArrowUp', false)).toBe(10);
    expect(tauAfterKey(10, 'ArrowLeft', true)! / (10 / factor ** 5)).toBeCloseTo(1, 3);
    expect(tauAfterKey(3, 'Home', false)).toBe(0.05);
    expect(tauAfterKey(3, 'End', false)).toBe(10);
    // Between two grid points (set by dragging), an arrow moves to the next one, not past it.
    const between = 0.05 * factor ** 2.5;
    expect(tauAfterKey(between, 'ArrowRight', false)! / (0.05 * factor ** 3)).toBeCloseTo(1, 3);
    expect(tauAfterKey(between, 'ArrowLeft', false)! / (0.05 * factor ** 2)).toBeCloseTo(1, 3);
    // Page Up/Down are the deck's (a clicker's).
    expect(tauAfterKey(1, 'PageDown', false)).toBeNull();
  });
});
