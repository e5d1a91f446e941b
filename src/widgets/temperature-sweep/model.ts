/**
 * The temperature sweep's state and pure maths: the seven-class probabilities
 * of Jang et al. (2017, Fig. 1), a three-class π for the simplex, τ on a log
 * scale, the number of points and the seed. Relaxed samples are computed here
 * from Gumbel noise drawn once by the numerics core, so that as τ moves every
 * point glides continuously (the noise is held fixed).
 */
import { MIN_P, normalizeWithFloor } from '../gumbel-max/model';
import {
  probabilities,
  seed as asSeed,
  type Probabilities,
  type Seed,
  type Temperature,
} from '../../ml/types';
import {
  echo,
  formatProbabilityList,
  formatSettings,
  parseDecimal,
  parseSettings,
  seedSetting,
  type NumberSetting,
  type Parsed,
  type Schema,
} from '../shared/settings';

/** π read off the bars of Jang, Gu & Poole (2017), Fig. 1. */
export const FIGURE_PROBABILITIES = probabilities([
  0.059, 0.172, 0.202, 0.038, 0.107, 0.405, 0.018,
]);
/** The columns of that figure. */
export const FIGURE_TEMPERATURES = [0.1, 0.5, 1, 10] as const;

export const MIN_TAU = 0.05;
export const MAX_TAU = 10;
export const MIN_POINTS = 100;
export const MAX_POINTS = 20_000;

export interface SweepState {
  /** π on the three-class simplex. */
  simplexPi: Probabilities;
  tau: Temperature;
  points: number;
  seed: Seed;
}

export const defaultSweepState = (): SweepState => ({
  simplexPi: probabilities([0.2, 0.3, 0.5]),
  tau: 1 as Temperature,
  points: 3000,
  seed: asSeed(2016),
});

/**
 * τ from a slider position s in [0, 1] on a log scale, and back. τ keeps four
 * significant digits, exactly what a link holds, so a window rebuilt from the
 * link (a mirrored audience screen) draws the very same points.
 */
export const tauFromSlider = (s: number): Temperature =>
  Number(
    (MIN_TAU * (MAX_TAU / MIN_TAU) ** Math.min(1, Math.max(0, s))).toPrecision(4),
  ) as Temperature;
export const sliderFromTau = (tau: number): number =>
  Math.log(tau / MIN_TAU) / Math.log(MAX_TAU / MIN_TAU);

/** An arrow key moves τ by 1/TAU_KEY_STEPS of the log range (×1.14); with Shift five times as far. */
export const TAU_KEY_STEPS = 40;
export const TAU_SHIFT_STEPS = 5;

/**
 * τ after a key on the temperature slider: arrows move one step of a grid of
 * TAU_KEY_STEPS on the log scale (Shift: TAU_SHIFT_STEPS steps), to the next
 * grid point, so a τ set by dragging between two points first moves onto the
 * grid; Home and End go to the ends. Null for any other key (Page Up/Down stay
 * with the deck, for clickers).
 */
export function tauAfterKey(tau: number, key: string, shiftKey: boolean): Temperature | null {
  const steps = shiftKey ? TAU_SHIFT_STEPS : 1;
  // Within this of a grid point counts as on it (τ keeps four digits).
  const slack = 0.01;
  const at = sliderFromTau(tau) * TAU_KEY_STEPS;
  switch (key) {
    case 'ArrowUp':
    case 'ArrowRight':
      return tauFromSlider((Math.floor(at + slack) + steps) / TAU_KEY_STEPS);
    case 'ArrowDown':
    case 'ArrowLeft':
      return tauFromSlider((Math.ceil(at - slack) - steps) / TAU_KEY_STEPS);
    case 'Home':
      return tauFromSlider(0);
    case 'End':
      return tauFromSlider(1);
    default:
      return null;
  }
}

/**
 * Relaxed samples softmax((log π + g)/τ) for rows of Gumbel noise g (n × k,
 * row-major), written into `out` (n × k). Double-precision maths, float32 out.
 */
export function relaxedSamples(
  logPi: readonly number[],
  noise: Float32Array,
  tau: number,
  out: Float32Array,
) {
  const k = logPi.length;
  const n = noise.length / k;
  for (let r = 0; r < n; r++) {
    let max = -Infinity;
    for (let i = 0; i < k; i++) max = Math.max(max, (logPi[i]! + noise[r * k + i]!) / tau);
    let total = 0;
    for (let i = 0; i < k; i++) {
      const e = Math.exp((logPi[i]! + noise[r * k + i]!) / tau - max);
      out[r * k + i] = e;
      total += e;
    }
    for (let i = 0; i < k; i++) out[r * k + i]! /= total;
  }
  return out;
}

/** Barycentric (y₁, y₂, y₃) to the plane: vertex 1 bottom-left, 2 bottom-right, 3 top. */
export function simplexToPlane(
  _y1: number,
  y2: number,
  y3: number,
  size: number,
): [number, number] {
  const h = (size * Math.sqrt(3)) / 2;
  return [size * (y2 + y3 / 2), h * (1 - y3)];
}

/** The plane back to barycentric coordinates, not clamped: outside the triangle one is negative. */
export function planeToBarycentric(x: number, y: number, size: number): [number, number, number] {
  const h = (size * Math.sqrt(3)) / 2;
  const y3 = 1 - y / h;
  const y2 = x / size - y3 / 2;
  return [1 - y2 - y3, y2, y3];
}

/**
 * The handle keeps every class at least this far from 0: a π of 0.01 already
 * looks like a vertex, and the handle stays visibly inside the triangle.
 */
export const HANDLE_FLOOR = 0.01;

/**
 * The point of {y : Σyᵢ = 1, yᵢ ≥ floor} nearest to `v` (Euclidean), by the
 * sort-and-threshold rule of Wang & Carreira-Perpiñán (2013, "Projection onto
 * the probability simplex"), applied to v − floor on the simplex of total
 * 1 − K·floor. In barycentric coordinates of an equilateral triangle the
 * Euclidean distance is proportional to the distance in the plane, so this is
 * also the nearest point of the (shrunken) triangle on the screen.
 */
export function projectOntoSimplex(v: readonly number[], floor = 0): number[] {
  const k = v.length;
  const total = 1 - k * floor;
  if (k === 0 || total < 0)
    throw new RangeError(`no point of the simplex has every entry ≥ ${floor}`);
  const shifted = v.map((x) => x - floor);
  const sorted = [...shifted].sort((a, b) => b - a);
  let sum = 0;
  let shift = 0;
  for (let j = 0; j < k; j++) {
    sum += sorted[j]!;
    const candidate = (sum - total) / (j + 1);
    if (sorted[j]! - candidate > 0) shift = candidate;
  }
  return shifted.map((x) => Math.max(x - shift, 0) + floor);
}

/** The point of the plane as π: projected onto the triangle, every class at least `floor`. */
export function planeToSimplex(
  x: number,
  y: number,
  size: number,
  floor = HANDLE_FLOOR,
): Probabilities {
  return probabilities(projectOntoSimplex(planeToBarycentric(x, y, size), floor));
}

/** Arrow keys move the handle by this fraction of the triangle's side; with Shift by the larger. */
export const HANDLE_SMALL_STEP = 0.02;
export const HANDLE_BIG_STEP = 0.1;

/**
 * A key pressed on the simplex handle: the arrows move π in the plane (Up
 * toward class 3 at the top, Left toward class 1, Right toward class 2, Down
 * away from class 3) and the point is projected back onto the triangle. Null
 * for a key that is not the handle's.
 */
export function simplexAfterKey(
  pi: Probabilities,
  key: string,
  shiftKey: boolean,
): Probabilities | null {
  const size = 1;
  const step = (shiftKey ? HANDLE_BIG_STEP : HANDLE_SMALL_STEP) * size;
  const move = {
    ArrowUp: [0, -step],
    ArrowDown: [0, step],
    ArrowLeft: [-step, 0],
    ArrowRight: [step, 0],
  }[key];
  if (!move) return null;
  const [x, y] = simplexToPlane(pi[0]!, pi[1]!, pi[2]!, size);
  return planeToSimplex(x + move[0]!, y + move[1]!, size, Math.min(HANDLE_FLOOR, ...pi));
}

/** The sweep's numbers; π on the simplex (a list) is read by `parseSweepState`. */
export const sweepSchema: Schema<Omit<SweepState, 'simplexPi'>> = {
  tau: {
    kind: 'number',
    key: 'ts.tau',
    label: 'T',
    name: 'The temperature T',
    min: MIN_TAU,
    max: MAX_TAU,
    digits: 4,
    default: 1,
    doc: 'Temperature of the Gumbel-Softmax samples on the simplex; must be positive.',
  },
  points: {
    kind: 'number',
    key: 'ts.n',
    label: 'points',
    name: 'The number of points',
    min: MIN_POINTS,
    max: MAX_POINTS,
    integer: true,
    default: 3000,
    doc: 'Samples drawn on the simplex.',
  },
  seed: seedSetting('ts.seed', 2016),
};

/** The field for one simplex probability; the other two are scaled so that all sum to 1. */
export const simplexSetting = (i: number): NumberSetting => ({
  kind: 'number',
  key: 'ts.pi',
  label: `Simplex probability of class ${i + 1}`,
  name: `Class ${i + 1}’s probability`,
  min: MIN_P,
  max: 1 - 2 * MIN_P,
  digits: 4,
  show: (value) => value.toFixed(3),
  default: 1 / 3,
  doc: 'One of the three class probabilities; the other two are scaled so that all sum to 1.',
});

export function parseSweepState(params: URLSearchParams): Parsed<SweepState> {
  const defaults = defaultSweepState();
  const { state, problems: numberProblems } = parseSettings(sweepSchema, params, defaults);
  const problems: Record<string, string> = {};
  let simplexPi = defaults.simplexPi;
  const raw = params.get('ts.pi');
  if (raw !== null) {
    const values = raw.split(',').map((t) => parseDecimal(t) ?? NaN);
    if (
      values.length !== 3 ||
      values.some((x) => !Number.isFinite(x) || x < 0) ||
      values.every((x) => x === 0)
    ) {
      problems['ts.pi'] =
        `The simplex needs three non-negative probabilities, not ${echo(raw)}; using the defaults.`;
    } else simplexPi = normalizeWithFloor(values);
  }
  return {
    state: { ...state, simplexPi, tau: state.tau as Temperature, seed: asSeed(state.seed) },
    problems: { ...problems, ...numberProblems },
  };
}

export function formatSweepState(state: SweepState): Record<string, string> {
  return { 'ts.pi': formatProbabilityList(state.simplexPi), ...formatSettings(sweepSchema, state) };
}

/** A short fingerprint of drawn points, so tests can tell that a link reproduced the same picture. */
export function pointsFingerprint(values: Float32Array): string {
  let h = 2166136261;
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}
