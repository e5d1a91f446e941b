/**
 * The Gumbel-max widget's state and its rules, as plain data: the class
 * probabilities (always normalized, 2 to 10 classes, each at least MIN_P), the
 * number of draws and the seed.
 */
import { probabilities, type Probabilities, type Seed } from '../../ml/types';
import { chiSquareTest } from '../../ml/stats';
import { MIN_P, normalizeWithFloor, setProbability } from '../../ml/probabilityEdits';
import {
  echo,
  parseDecimal,
  formatProbabilityList,
  formatSettings,
  parseSettings,
  defaultsOf,
  seedSetting,
  type NumberSetting,
  type Parsed,
  type Schema,
} from '../shared/settings';

/** Editing the probabilities lives in the numerics core, shared with the temperature sweep. */
export { MIN_P, normalizeWithFloor, setProbability };

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 10;
export const MIN_DRAWS = 1;
export const MAX_DRAWS = 1_000_000;

export interface GumbelMaxState {
  probabilities: Probabilities;
  /** How many samples the histogram draws, 1 … 1e6. */
  draws: number;
  seed: Seed;
  /** Which single draw is explained (advanced by "draw again"). */
  drawIndex: number;
}

export const defaultGumbelMaxState = (): GumbelMaxState => ({
  probabilities: probabilities([0.1, 0.2, 0.3, 0.4]),
  ...defaultsOf(gumbelMaxSchema),
});

export function addClass(p: Probabilities): Probabilities {
  if (p.length >= MAX_CLASSES) return p;
  return normalizeWithFloor([...p.map((x) => x * (p.length / (p.length + 1))), 1 / (p.length + 1)]);
}

export function removeClass(p: Probabilities, i: number): Probabilities {
  if (p.length <= MIN_CLASSES) return p;
  return normalizeWithFloor(p.filter((_, j) => j !== i));
}

/** The numbers of the widget; the probabilities (a list) are read by `parseGumbelMaxState`. */
export const gumbelMaxSchema: Schema<Omit<GumbelMaxState, 'probabilities'>> = {
  draws: {
    kind: 'number',
    key: 'gm.n',
    label: 'Draws',
    name: 'The number of draws',
    min: MIN_DRAWS,
    max: MAX_DRAWS,
    integer: true,
    default: 10_000,
    doc: 'How many samples the histogram draws.',
  },
  seed: seedSetting('gm.seed', 1954),
  drawIndex: {
    kind: 'number',
    key: 'gm.draw',
    label: 'draw',
    name: 'The draw number',
    min: 0,
    max: 1e9,
    integer: true,
    default: 0,
    doc: 'Which single draw is explained (advanced by “Draw again”).',
  },
};

/** The field for class i's probability: the limits keep every other class at MIN_P or more. */
export const probabilitySetting = (i: number, k: number): NumberSetting => ({
  kind: 'number',
  key: 'gm.p',
  label: `Probability of class ${i + 1}`,
  name: `Class ${i + 1}’s probability`,
  min: MIN_P,
  max: Number((1 - (k - 1) * MIN_P).toFixed(6)),
  digits: 4,
  show: (value) => value.toFixed(3),
  default: 1 / k,
  doc: 'One class probability; the others are scaled so that all sum to 1.',
});

export function parseGumbelMaxState(params: URLSearchParams): Parsed<GumbelMaxState> {
  const defaults = defaultGumbelMaxState();
  const { state, problems: numberProblems } = parseSettings(gumbelMaxSchema, params, defaults);
  const problems: Record<string, string> = {};
  let p = defaults.probabilities;
  const raw = params.get('gm.p');
  if (raw !== null) {
    const values = raw.split(',').map((t) => parseDecimal(t) ?? NaN);
    const count = `${values.length} ${values.length === 1 ? 'class' : 'classes'}`;
    if (values.some((x) => !Number.isFinite(x))) {
      problems['gm.p'] =
        `The link’s probabilities ${echo(raw)} are not a comma-separated list of numbers; using the defaults.`;
    } else if (values.length < MIN_CLASSES || values.length > MAX_CLASSES) {
      problems['gm.p'] =
        `The link lists ${count}; ${MIN_CLASSES} to ${MAX_CLASSES} are possible; using the defaults.`;
    } else if (values.some((x) => x < 0) || values.every((x) => x === 0)) {
      problems['gm.p'] =
        `The link’s probabilities ${echo(raw)} are not non-negative numbers with a positive sum; using the defaults.`;
    } else {
      p = normalizeWithFloor(values);
      if (values.some((x) => x / values.reduce((a, b) => a + b, 0) < MIN_P))
        problems['gm.p'] =
          `Every probability must be at least ${MIN_P}; small ones were raised to it.`;
    }
  }
  return {
    state: { ...state, probabilities: p },
    problems: { ...problems, ...numberProblems },
  };
}

export function formatGumbelMaxState(state: GumbelMaxState): Record<string, string> {
  return {
    'gm.p': formatProbabilityList(state.probabilities),
    ...formatSettings(gumbelMaxSchema, state),
  };
}

/** Fewest draws expected in every class for the χ² test's approximation (the usual rule of five). */
export const CHI_SQUARE_MIN_EXPECTED = 5;

/**
 * The χ² test's verdict as text: the p-value, or, when some class expects
 * fewer than five draws, how many draws the test needs instead.
 */
export function chiSquareText(counts: readonly number[], p: readonly number[]): string {
  const n = counts.reduce((a, b) => a + b, 0);
  const needed = Math.ceil(CHI_SQUARE_MIN_EXPECTED / Math.min(...p));
  if (n < needed)
    return `no chi-square p: it needs ${CHI_SQUARE_MIN_EXPECTED} expected draws per class, so ${needed.toLocaleString('en')} or more draws`;
  const { pValue } = chiSquareTest(counts, p);
  return `chi-square p ${pValue < 0.001 ? '< 0.001' : `= ${pValue.toFixed(3)}`}`;
}

/** The ± band of a class frequency: two standard errors √(π(1−π)/N) (about 95%). */
export const frequencyBand = (p: number, n: number) => 2 * Math.sqrt((p * (1 - p)) / n);

/**
 * Where a bar chart's π axis puts the values 0 and 1, in the chart's own
 * (SVG user) coordinates: the pointer's height is read against these two.
 */
export interface ProbabilityAxis {
  zeroAt: number;
  oneAt: number;
}

/** The value on the π axis at height `y` (not clamped: above 1 or below 0 is possible). */
export const valueAtHeight = (y: number, axis: ProbabilityAxis) =>
  (y - axis.zeroAt) / (axis.oneAt - axis.zeroAt);

/**
 * Dragging bar i to height `y`: class i gets the value under the pointer,
 * clamped as setProbability clamps, and the other classes share the rest in
 * the ratios they had in `start`. `start` is π when the drag began, not the
 * last move's π, so a drag is reversible: moving a bar up to the top squeezes
 * the others to the floor, and moving it back restores their old ratios.
 */
export const dragProbability = (
  start: Probabilities,
  i: number,
  y: number,
  axis: ProbabilityAxis,
): Probabilities | null => setProbability(start, i, valueAtHeight(y, axis));

/** Arrow keys move a bar by this much; with Shift by BIG_STEP. */
export const SMALL_STEP = 0.01;
export const BIG_STEP = 0.1;

/**
 * A key pressed on the slider of class i: Up/Right raise π_i, Down/Left lower
 * it (by SMALL_STEP, with Shift BIG_STEP), Home and End go to the least and
 * the greatest value allowed. Null for a key that is not the slider's, so
 * other keys (Page Up/Down from a clicker) still reach the deck.
 */
export function probabilityAfterKey(
  p: Probabilities,
  i: number,
  key: string,
  shiftKey: boolean,
): Probabilities | null {
  const step = shiftKey ? BIG_STEP : SMALL_STEP;
  const current = p[i];
  if (current === undefined) return null;
  switch (key) {
    case 'ArrowUp':
    case 'ArrowRight':
      return setProbability(p, i, current + step);
    case 'ArrowDown':
    case 'ArrowLeft':
      return setProbability(p, i, current - step);
    case 'Home':
      return setProbability(p, i, 0);
    case 'End':
      return setProbability(p, i, 1);
    default:
      return null;
  }
}

/** The largest value one class can take: every other class keeps MIN_P. */
export const maxProbability = (k: number) => 1 - (k - 1) * MIN_P;
