/**
 * Table 1 of Jang, Gu & Poole (2017) as one training run of the worker
 * runtime (src/runtime/): a job that goes through tasks × learning rates ×
 * seeds, one stacked TaskRace (every estimator a copy) at a time, and fills
 * each cell (task × estimator) with the held-out objective its TaskRace
 * computed, with its mean and spread over the seeds. With several learning
 * rates, each estimator's cell shows the learning rate whose mean held-out
 * value is best, as the paper chose per estimator. A live single-task view is
 * a TableJob with one task and one seed.
 */
import type { EstimatorId } from '../../ml/estimators/registry';
import type { ImageSet } from '../../ml/imageSet';
import type { TaskId } from '../../ml/tasks';
import type { Seed } from '../../ml/types';
import type { RunLine, RunSnapshot, TrainingRun } from '../../runtime/trainingRun';

/**
 * The table's estimators, in Table 1's column order: SF is our REINFORCE
 * without a baseline; REINFORCE with a moving-average baseline is an extra
 * column of ours. DARN ('darn'), MuProp ('muprop') and slope-annealed ST
 * ('annealed-st') join here, in the paper's order (SF, DARN, MuProp, ST,
 * Annealed ST, GS, ST GS), once their modules are in the registry.
 */
export const TABLE_ESTIMATORS: readonly EstimatorId[] = [
  'reinforce',
  'reinforce-baseline',
  'straight-through',
  'gumbel-softmax',
  'st-gumbel-softmax',
];

export interface TableJobSettings {
  tasks: readonly TaskId[];
  estimators: readonly EstimatorId[];
  /** Seeds per task and learning rate (seed i trains from `seed + i`). */
  seeds: number;
  /** Training steps of every seed. */
  steps: number;
  /** One value = no grid; several = per-estimator grid on held-out data. */
  learningRates: readonly number[];
  varianceNormalization: boolean;
  seed: Seed;
}

/** One cell of the table: one estimator on one task. */
export interface TableCell {
  task: TaskId;
  estimator: EstimatorId;
  /** Held-out objective (nats per image) per finished seed whose copy stayed finite, at `learningRate`. */
  values: number[];
  /** Mean of `values`, or null while there is none. */
  mean: number | null;
  /** Sample standard deviation of `values` over seeds (n − 1), or null below two values. */
  spread: number | null;
  /** Training steps behind each value. */
  steps: number;
  /** Seeds the cell is to have (`values.length` of them have finished, less `stopped`). */
  seeds: number;
  /** Finished seeds whose copy stopped (loss or gradient not finite): not in `values`. */
  stopped: number;
  /** The learning rate of these values (with a grid: the best so far on held-out data). */
  learningRate: number;
  optimizer: 'Adam';
}

/** Held-out objective against steps, seed 0, at the cell's learning rate. */
export interface TableCurve {
  task: TaskId;
  estimator: EstimatorId;
  steps: number[];
  values: number[];
}

export interface TableSnapshot extends RunSnapshot {
  /** In training steps over the whole job; `secondsLeft` from the speed so far. */
  progress: { done: number; total: number; secondsLeft: number | null };
  /** What trains now (`seed` is the index 0 … seeds − 1), or null before the first step and once done. */
  current: { task: TaskId; seed: number; learningRate: number; step: number } | null;
  cells: TableCell[];
  curves: TableCurve[];
  /** Training steps per second of the current task's stacked run, over the last few seconds. */
  stepsPerSecond: number | null;
}

/** "Run the whole table": digits, 2,000 steps, 3 seeds, every task, one learning rate (the race's default). */
export const WHOLE_TABLE = {
  steps: 2000,
  seeds: 3,
  learningRates: [3e-3],
  /** The optional per-estimator grid (three times the training). */
  learningRateGrid: [1e-3, 3e-3, 1e-2],
} as const;

/** What the page sends to start a job: its settings and the data set it loaded. */
export interface TableRunParams {
  key: string;
  settings: TableJobSettings;
  data: ImageSet;
}

export class TableJob implements TrainingRun<TableSnapshot> {
  constructor(
    readonly key: string,
    readonly settings: TableJobSettings,
    readonly data: ImageSet,
  ) {}
  get step(): number {
    throw new Error('TableJob: being written (h-paper-job).');
  }
  get lines(): readonly RunLine[] {
    throw new Error('TableJob: being written (h-paper-job).');
  }
  get finished(): boolean {
    throw new Error('TableJob: being written (h-paper-job).');
  }
  prepare(): Promise<void> {
    throw new Error('TableJob: being written (h-paper-job).');
  }
  advance(_proceed: () => Promise<boolean>): Promise<boolean> {
    throw new Error('TableJob: being written (h-paper-job).');
  }
  measure(): Promise<boolean> {
    return Promise.resolve(false);
  }
  resumeTiming(): void {}
  snapshot(): TableSnapshot {
    throw new Error('TableJob: being written (h-paper-job).');
  }
  injectFault(_line: string): void {}
  dispose(): void {}
}

/** The worker's factory of table jobs. */
export const createTableRun = ({ key, settings, data }: TableRunParams): TableJob =>
  new TableJob(key, settings, data);
