/** The race's settings as one schema, and their URL form (prefix `vae.`). */
import type { Seed } from '../../ml/types';
import type { TemperatureSchedule } from '../../ml/minibatches';
import { MAX_EXACT_VALUES } from '../../ml/vaeRace';
import {
  defaultsOf,
  formatSettings,
  parseSettings,
  seedSetting,
  speedSetting,
  type Parsed,
  type Schema,
} from '../shared/settings';
import { datasetNames, datasets, type DatasetName } from '../shared/datasets';
import type { EstimatorId } from '../../ml/estimators/registry';
import { appliesTo, estimatorSetSetting, lectureIds } from '../shared/estimatorChoice';

export type ScheduleName = 'fast' | 'paper' | 'fixed';

/** The temperature T = max(0.5, exp(−r·t)), updated every N steps. */
export const schedules: Record<ScheduleName, TemperatureSchedule & { label: string }> = {
  /** Anneals within a live demo: T reaches 0.5 after about 1,400 steps. */
  fast: { rate: 5e-4, every: 100, min: 0.5, label: 'fast: r = 5e-4, every 100' },
  /** Jang et al. 2017: r = 1e-4, updated every 500 steps (their grid: r ∈ {1e-5, 1e-4}, N ∈ {500, 1000}). */
  paper: { rate: 1e-4, every: 500, min: 0.5, label: 'paper: r = 1e-4, every 500' },
  fixed: { rate: 0, every: 1, min: 0.5, label: 'fixed T = 1' },
};

export interface RaceSettings {
  dataset: DatasetName;
  /** N, categorical latent variables. */
  latents: number;
  /** K, classes per variable. */
  classes: number;
  /** Adam's step size. */
  learningRate: number;
  schedule: ScheduleName;
  /** Whether an exact-marginalization copy runs too (only for K^N ≤ 256). */
  exact: boolean;
  /** The estimators that get a copy (those of them that apply to K classes run). */
  estimators: readonly EstimatorId[];
  seed: Seed;
  /**
   * The training speed, in sixtieths of a second's steps: `speed` × 60 steps
   * per second (the old "steps per frame" at 60 frames per second, so old
   * links keep their meaning). A step too slow for it lowers the rate, never
   * the page's frame rate: training runs in a worker.
   */
  speed: number;
}

export const raceSchema: Schema<RaceSettings> = {
  dataset: {
    kind: 'choice',
    key: 'vae.data',
    label: 'data set',
    choices: datasetNames,
    choiceText: (name) => datasets[name].label,
    default: 'digits',
    doc: 'The images the VAEs learn; N and K default to the data set’s own.',
  },
  latents: {
    kind: 'number',
    key: 'vae.n',
    label: 'N',
    min: 1,
    max: 30,
    integer: true,
    default: datasets.digits.latents,
    doc: 'Categorical latent variables per image.',
  },
  classes: {
    kind: 'number',
    key: 'vae.k',
    label: 'K',
    min: 2,
    max: 10,
    integer: true,
    default: datasets.digits.classes,
    doc: 'Classes per latent variable.',
  },
  learningRate: {
    kind: 'number',
    key: 'vae.lr',
    label: 'learning rate',
    name: 'The learning rate',
    min: 1e-5,
    max: 0.03,
    digits: 4,
    default: 3e-3,
    options: [1e-4, 3e-4, 1e-3, 3e-3, 1e-2],
    doc: 'Adam’s step size.',
  },
  schedule: {
    kind: 'choice',
    key: 'vae.tau',
    label: 'T schedule',
    choices: Object.keys(schedules) as ScheduleName[],
    choiceText: (name) => schedules[name].label,
    default: 'fast',
    doc: 'How the temperature is annealed during training.',
  },
  exact: {
    kind: 'flag',
    key: 'vae.exact',
    label: 'exact',
    name: 'Exact marginalization',
    default: false,
    doc: 'Also train a copy that sums over all K^N latent values (only for K^N ≤ 256).',
  },
  estimators: estimatorSetSetting(
    'vae.est',
    lectureIds,
    'The estimators that train a copy each; binary-only ones run only with K = 2.',
  ),
  seed: seedSetting('vae.seed', 2017),
  speed: speedSetting('vae.speed', 5),
};

/** The estimators of a race: those chosen that apply to its K, in the registry's order. */
export const raceEstimators = (s: Pick<RaceSettings, 'estimators' | 'classes'>): EstimatorId[] =>
  s.estimators.filter((id) => appliesTo(id, s.classes));

export const defaultRaceSettings = (): RaceSettings => defaultsOf(raceSchema);

/** Whether exact marginalization is affordable for these sizes. */
export const exactPossible = (s: Pick<RaceSettings, 'latents' | 'classes'>) =>
  s.classes ** s.latents <= MAX_EXACT_VALUES;

/** Why exact marginalization was switched off for these sizes. */
export const exactRefusal = (s: Pick<RaceSettings, 'latents' | 'classes'>) =>
  `Exact marginalization sums over K^N = ${s.classes}^${s.latents} values; it runs only up to ${MAX_EXACT_VALUES}.`;

export function parseRaceSettings(params: URLSearchParams): Parsed<RaceSettings> {
  // N and K default to the data set's own, so the data set is read first.
  const defaults = defaultRaceSettings();
  const { state: first } = parseSettings(raceSchema, params, defaults);
  const base = datasets[first.dataset];
  const parsed = parseSettings(raceSchema, params, {
    ...defaults,
    latents: base.latents,
    classes: base.classes,
  });
  const state = { ...parsed.state };
  const problems: Record<string, string> = { ...parsed.problems };
  if (state.exact && !exactPossible(state)) {
    problems[raceSchema.exact.key] = exactRefusal(state);
    state.exact = false;
  }
  return { state, problems };
}

export const formatRaceSettings = (s: RaceSettings): Record<string, string> =>
  formatSettings(raceSchema, s);

/** A run is fully determined by these; a change starts a new run. */
export const runKey = (s: RaceSettings, backend: string) =>
  [
    s.dataset,
    s.latents,
    s.classes,
    s.learningRate,
    s.schedule,
    s.exact,
    s.seed,
    backend,
    raceEstimators(s).join(','),
  ].join('|');
