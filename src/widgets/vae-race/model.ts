/** The race's settings as plain data, and their URL form (prefix `vae.`). */
import { seed as asSeed, type Seed } from '../../ml/types';
import type { TemperatureSchedule } from '../../ml/minibatches';
import { MAX_EXACT_VALUES } from '../../ml/vaeRace';
import { readInteger, readNumber, type Parsed } from '../shared/urlState';
import { datasetNames, datasets, type DatasetName } from './datasets';

export type ScheduleName = 'fast' | 'paper' | 'fixed';

/** τ = max(0.5, exp(−r·t)), updated every N steps. */
export const schedules: Record<ScheduleName, TemperatureSchedule & { label: string }> = {
  /** Anneals within a live demo: τ reaches 0.5 after about 1,400 steps. */
  fast: { rate: 5e-4, every: 100, min: 0.5, label: 'fast: r = 5e-4, every 100' },
  /** Jang et al. 2017: r = 1e-4, updated every 500 steps (their grid: r ∈ {1e-5, 1e-4}, N ∈ {500, 1000}). */
  paper: { rate: 1e-4, every: 500, min: 0.5, label: 'paper: r = 1e-4, every 500' },
  fixed: { rate: 0, every: 1, min: 0.5, label: 'fixed τ = 1' },
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
  seed: Seed;
  /**
   * The training speed, in sixtieths of a second's steps: `speed` × 60 steps
   * per second (the old "steps per frame" at 60 frames per second, so old
   * links keep their meaning). A step too slow for it lowers the rate, never
   * the page's frame rate: training runs in a worker.
   */
  speed: number;
}

export const defaultRaceSettings = (): RaceSettings => ({
  dataset: 'digits',
  latents: datasets.digits.latents,
  classes: datasets.digits.classes,
  learningRate: 3e-3,
  schedule: 'fast',
  exact: false,
  seed: asSeed(2017),
  speed: 5,
});

export const LIMITS = {
  latents: [1, 30],
  classes: [2, 10],
  learningRate: [1e-5, 0.03],
  speed: [1, 50],
} as const;

/** Whether exact marginalization is affordable for these sizes. */
export const exactPossible = (s: Pick<RaceSettings, 'latents' | 'classes'>) =>
  s.classes ** s.latents <= MAX_EXACT_VALUES;

export function parseRaceSettings(params: URLSearchParams): Parsed<RaceSettings> {
  const problems: string[] = [];
  const d = defaultRaceSettings();
  const rawDataset = params.get('vae.data');
  let dataset = d.dataset;
  if (rawDataset !== null) {
    if ((datasetNames as string[]).includes(rawDataset)) dataset = rawDataset as DatasetName;
    else problems.push(`“${rawDataset.slice(0, 20)}” is not a data set; using the digits.`);
  }
  const rawSchedule = params.get('vae.tau');
  let schedule = d.schedule;
  if (rawSchedule !== null) {
    if (rawSchedule in schedules) schedule = rawSchedule as ScheduleName;
    else problems.push(`“${rawSchedule.slice(0, 20)}” is not a τ schedule; using ${d.schedule}.`);
  }
  const base = datasets[dataset];
  const latents = readInteger(params, 'vae.n', 'N', base.latents, ...LIMITS.latents, problems);
  const classes = readInteger(params, 'vae.k', 'K', base.classes, ...LIMITS.classes, problems);
  let exact = params.get('vae.exact') === '1';
  if (exact && !exactPossible({ latents, classes })) {
    problems.push(
      `Exact marginalization sums over K^N = ${classes}^${latents} values; it runs only up to 256.`,
    );
    exact = false;
  }
  return {
    state: {
      dataset,
      latents,
      classes,
      learningRate: readNumber(
        params,
        'vae.lr',
        'The learning rate',
        d.learningRate,
        ...LIMITS.learningRate,
        problems,
      ),
      schedule,
      exact,
      seed: asSeed(readInteger(params, 'vae.seed', 'The seed', d.seed, 0, 2 ** 32 - 1, problems)),
      speed: readInteger(params, 'vae.speed', 'The speed', d.speed, ...LIMITS.speed, problems),
    },
    problems,
  };
}

export function formatRaceSettings(s: RaceSettings): Record<string, string> {
  return {
    'vae.data': s.dataset,
    'vae.n': String(s.latents),
    'vae.k': String(s.classes),
    'vae.lr': String(s.learningRate),
    'vae.tau': s.schedule,
    'vae.exact': s.exact ? '1' : '0',
    'vae.seed': String(s.seed),
    'vae.speed': String(s.speed),
  };
}

/** A run is fully determined by these; a change starts a new run. */
export const runKey = (s: RaceSettings, backend: string) =>
  [s.dataset, s.latents, s.classes, s.learningRate, s.schedule, s.exact, s.seed, backend].join('|');
