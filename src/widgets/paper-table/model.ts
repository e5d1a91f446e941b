/**
 * The live results table's settings as one schema, and their URL form
 * (prefix `table.`): which task the curves show, what Play runs (that task
 * live with one seed, or the whole table), and the table job's settings.
 */
import type { EstimatorId } from '../../ml/estimators/registry';
import { taskIds, tasks, type TaskId } from '../../ml/tasks';
import type { Seed } from '../../ml/types';
import { estimatorSetSetting, registered } from '../shared/estimatorChoice';
import {
  defaultsOf,
  formatSettings,
  parseSettings,
  seedSetting,
  type Parsed,
  type Schema,
} from '../shared/settings';
import { TABLE_ESTIMATORS, WHOLE_TABLE, type TableJobSettings } from './tableJob';

/** What Play trains: the shown task alone (one seed), or every task with every seed. */
export type TableScope = 'task' | 'table';

export interface TableSettings {
  /** The task whose curves (Fig. 3 or 4) are shown, and which trains live in scope 'task'. */
  task: TaskId;
  scope: TableScope;
  /** The tasks the whole table trains (its rows); the shown task trains alone otherwise. */
  tasks: readonly TaskId[];
  /** Training steps of every run (every task, seed and learning rate). */
  steps: number;
  /** Seeds per cell of the whole table (the live task uses one). */
  seeds: number;
  /** Adam's step size, or the middle of the grid. */
  learningRate: number;
  /** Whether the whole table tries each learning rate of LEARNING_RATE_GRID and keeps each estimator's best. */
  grid: boolean;
  /** Variance normalization for SF, DARN and MuProp, as the paper trains them. */
  varianceNormalization: boolean;
  estimators: readonly EstimatorId[];
  seed: Seed;
}

/** The grid of the option (per estimator, the best on held-out data, as the paper chose). */
export const LEARNING_RATE_GRID: readonly number[] = WHOLE_TABLE.learningRateGrid;

export const tableSchema: Schema<TableSettings> = {
  task: {
    kind: 'choice',
    key: 'table.task',
    label: 'task',
    choices: taskIds,
    choiceText: (id) => tasks[id].label,
    default: 'vae-categorical',
    doc: 'The task whose learning curves are shown (Fig. 3 for the SBNs, Fig. 4 for the VAEs).',
  },
  scope: {
    kind: 'choice',
    key: 'table.run',
    label: 'run',
    choices: ['task', 'table'],
    choiceText: (s) => (s === 'task' ? 'the shown task, one seed' : 'the whole table'),
    default: 'task',
    doc: 'What Play trains: the shown task live with one seed, or every task with every seed.',
  },
  tasks: {
    kind: 'set',
    key: 'table.tasks',
    label: 'rows',
    name: 'rows',
    choices: taskIds,
    choiceText: (id) => tasks[id].label,
    default: taskIds,
    doc: 'The tasks (rows of Table 1) that the whole table trains, each with every seed.',
  },
  steps: {
    kind: 'number',
    key: 'table.steps',
    label: 'steps',
    name: 'The number of steps',
    min: 10,
    max: 20_000,
    integer: true,
    default: WHOLE_TABLE.steps,
    doc: 'Training steps of every run behind a cell (the paper trains for hundreds of thousands).',
  },
  seeds: {
    kind: 'number',
    key: 'table.seeds',
    label: 'seeds',
    name: 'The number of seeds',
    min: 1,
    max: 5,
    integer: true,
    default: WHOLE_TABLE.seeds,
    doc: 'Seeds per cell of the whole table; each cell shows their mean and spread.',
  },
  learningRate: {
    kind: 'number',
    key: 'table.lr',
    label: 'learning rate',
    name: 'The learning rate',
    min: 1e-5,
    // The largest choice of the list (and of the grid): a link's larger value clamps to it.
    max: 1e-2,
    digits: 4,
    default: WHOLE_TABLE.learningRates[0],
    options: [1e-4, 3e-4, 1e-3, 3e-3, 1e-2],
    doc: 'Adam’s step size for every estimator (without the grid).',
  },
  grid: {
    kind: 'flag',
    key: 'table.grid',
    label: 'learning-rate grid',
    name: 'The learning-rate grid',
    default: false,
    doc: 'The whole table tries every rate of the grid and keeps each estimator’s best held-out one.',
  },
  varianceNormalization: {
    kind: 'flag',
    key: 'table.vn',
    label: 'variance normalization (SF, DARN, MuProp)',
    name: 'Variance normalization',
    default: false,
    doc: 'Divides the score-function estimators’ learning signal by a running standard deviation, as the paper does.',
  },
  estimators: estimatorSetSetting(
    'table.est',
    registered(TABLE_ESTIMATORS),
    'The estimators that train a copy in every run: the columns of the table.',
  ),
  seed: seedSetting('table.seed', 2017),
};

export const defaultTableSettings = (): TableSettings => defaultsOf(tableSchema);

export const parseTableSettings = (params: URLSearchParams): Parsed<TableSettings> =>
  parseSettings(tableSchema, params);

export const formatTableSettings = (s: TableSettings): Record<string, string> =>
  formatSettings(tableSchema, s);

/** The learning rates a run of this scope tries: the grid only for the whole table. */
export const learningRatesOf = (s: TableSettings): readonly number[] =>
  s.scope === 'table' && s.grid ? LEARNING_RATE_GRID : [s.learningRate];

/** The job Play starts: the shown task with one seed, or every task with every seed. */
export function jobSettings(s: TableSettings): TableJobSettings {
  const whole = s.scope === 'table';
  return {
    tasks: whole ? s.tasks : [s.task],
    estimators: s.estimators,
    seeds: whole ? s.seeds : 1,
    steps: s.steps,
    learningRates: learningRatesOf(s),
    varianceNormalization: s.varianceNormalization,
    seed: s.seed,
  };
}

/** A job is fully determined by its settings and the backend; a change starts a new one. */
export function runKey(s: TableSettings, backend: string): string {
  const job = jobSettings(s);
  return [
    'table',
    job.tasks.join(','),
    job.estimators.join(','),
    job.seeds,
    job.steps,
    job.learningRates.join(','),
    job.varianceNormalization,
    job.seed,
    backend,
  ].join('|');
}

/** Training steps of a job: tasks × learning rates × seeds × steps. */
export function totalSteps(s: TableSettings): number {
  const job = jobSettings(s);
  return job.tasks.length * job.learningRates.length * job.seeds * job.steps;
}

/** "about 20 min" from seconds, rounded so that it does not flicker. */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds / 5) * 5)} s`;
  const minutes = seconds / 60;
  if (minutes < 90) return `about ${Math.round(minutes)} min`;
  return `about ${(minutes / 60).toFixed(1)} h`;
}

/** What the grid option costs, in words: its factor, and the time at a measured speed. */
export function gridCostText(s: TableSettings, stepsPerSecond: number | null): string {
  const factor = LEARNING_RATE_GRID.length;
  const rates = LEARNING_RATE_GRID.join(', ');
  const base = totalSteps({ ...s, scope: 'table', grid: false });
  const time =
    stepsPerSecond && stepsPerSecond > 0
      ? ` (${durationText((factor * base) / stepsPerSecond)} instead of ${durationText(base / stepsPerSecond)} at ${Math.round(stepsPerSecond)} steps/s)`
      : '';
  return `tries ${rates}: ${factor} times the training${time}`;
}
