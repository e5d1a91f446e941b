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
import { createTaskRace, tasks, type TaskId, type TaskRace } from '../../ml/tasks';
import { seed as asSeed, type Seed } from '../../ml/types';
import type { RunLine, RunSnapshot, TrainingRun } from '../../runtime/trainingRun';
import { appliesTo } from '../shared/estimatorChoice';
import { cellsAndCurves, emptyGathered, type Gathered, type Results } from './tableCells';
import {
  CURVE_EVERY,
  CURVE_NLL_SAMPLES,
  CELL_NLL_SAMPLES,
  TABLE_SCHEDULE,
  checkSettings,
  modelFor,
  plannedSteps,
} from './tableSettings';

export { CURVE_EVERY, CURVE_NLL_SAMPLES, CELL_NLL_SAMPLES, TABLE_SCHEDULE, plannedSteps };

/**
 * The table's estimators, in Table 1's column order (SF, DARN, MuProp, ST,
 * Annealed ST, GS, ST GS): SF is our REINFORCE without a baseline; REINFORCE
 * with a moving-average baseline is an extra column of ours, after SF.
 */
export const TABLE_ESTIMATORS: readonly EstimatorId[] = [
  'reinforce',
  'reinforce-baseline',
  'darn',
  'muprop',
  'straight-through',
  'annealed-st',
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

/** One stacked run of the job: a task at a learning rate and seed. */
interface Unit {
  task: TaskId;
  rate: number;
  seed: number;
}

export class TableJob implements TrainingRun<TableSnapshot> {
  readonly lines: readonly RunLine[];
  private readonly units: Unit[] = [];
  private readonly results: Results = new Map();
  private unit = 0;
  private race: TaskRace | null = null;
  /** Milliseconds spent training and evaluating, for the time left. */
  private activeMs = 0;
  private timings: { at: number; step: number }[] = [];
  private stepsPerSecond: number | null = null;
  private busy: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    readonly key: string,
    readonly settings: TableJobSettings,
    readonly data: ImageSet,
  ) {
    checkSettings(settings);
    for (const task of settings.tasks) {
      const byEstimator = new Map<EstimatorId, Gathered[]>();
      for (const e of this.linesOf(task))
        byEstimator.set(e, settings.learningRates.map(emptyGathered));
      this.results.set(task, byEstimator);
      settings.learningRates.forEach((_, rate) => {
        for (let seed = 0; seed < settings.seeds; seed++) this.units.push({ task, rate, seed });
      });
    }
    this.lines = settings.estimators.map((name) => ({ name, stopped: null }));
  }

  /** The estimators that run on `task` (a binary-only one has no copy, and no cell, on K > 2). */
  private linesOf(task: TaskId): EstimatorId[] {
    return this.settings.estimators.filter((e) => appliesTo(e, tasks[task].classes));
  }

  /** Training steps done over the whole job. */
  get step(): number {
    return this.unit * this.settings.steps + (this.race?.step ?? 0);
  }

  get finished(): boolean {
    return this.unit >= this.units.length;
  }

  prepare(): Promise<void> {
    return Promise.resolve();
  }

  /** One step of the current run, applied only if `proceed()` says so; a run that ends is evaluated. */
  advance(proceed: () => Promise<boolean>): Promise<boolean> {
    return this.track(async () => {
      const race = await this.current();
      if (!race) return false;
      const report = await race.trainStep(async () => !this.disposed && (await proceed()));
      if (!report) return false;
      await this.afterSteps(race, report.from);
      return true;
    });
  }

  /** Up to `steps` steps with one readback per stretch (the headless table and tests); returns the steps done. */
  trainSteps(steps: number): Promise<number> {
    return this.track(async () => {
      let done = 0;
      while (done < steps) {
        const race = await this.current();
        if (!race) break;
        const to = Math.min(
          this.settings.steps,
          (Math.floor(race.step / CURVE_EVERY) + 1) * CURVE_EVERY,
        );
        const count = Math.min(steps - done, to - race.step);
        const report = await race.trainSteps(count);
        done += count;
        await this.afterSteps(race, report.from);
      }
      return done;
    });
  }

  measure(): Promise<boolean> {
    return Promise.resolve(false);
  }

  resumeTiming(): void {
    this.timings = [];
  }

  snapshot(): TableSnapshot {
    const { learningRates, steps, seeds } = this.settings;
    const total = plannedSteps(this.settings);
    const done = this.step;
    const unit = this.units[this.unit];
    return {
      step: done,
      finished: this.finished,
      lines: this.lines,
      progress: {
        done,
        total,
        secondsLeft: done > 0 ? ((total - done) * this.activeMs) / done / 1000 : null,
      },
      current: unit
        ? {
            task: unit.task,
            seed: unit.seed,
            learningRate: learningRates[unit.rate]!,
            step: this.race?.step ?? 0,
          }
        : null,
      ...cellsAndCurves(this.results, { learningRates, steps, seeds }),
      stepsPerSecond: this.stepsPerSecond,
    };
  }

  // The job has no fault to inject: a copy that diverges is counted in its cell's `stopped`.
  injectFault(): void {}

  dispose(): void {
    this.disposed = true;
    void this.busy.finally(() => {
      this.race?.dispose();
      this.race = null;
    });
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = work().finally(() => (this.activeMs += performance.now() - start));
    this.busy = result.catch(() => undefined);
    return result;
  }

  private gathered(unit: Unit, line: EstimatorId): Gathered {
    return this.results.get(unit.task)!.get(line)!.at(unit.rate)!;
  }

  /** The run of the current unit, made (and for seed 0 evaluated at step 0) if need be; null once done. */
  private async current(): Promise<TaskRace | null> {
    if (this.disposed || this.finished) return null;
    if (this.race) return this.race;
    const unit = this.units[this.unit]!;
    const { hidden, batch } = modelFor(this.data.width * this.data.height);
    this.race = createTaskRace(
      {
        task: unit.task,
        lines: this.linesOf(unit.task),
        pixels: this.data.width * this.data.height,
        hidden,
        batch,
        learningRate: this.settings.learningRates[unit.rate]!,
        seed: asSeed(this.settings.seed + unit.seed),
        schedule: TABLE_SCHEDULE,
        varianceNormalization: this.settings.varianceNormalization,
        nllSamples: CELL_NLL_SAMPLES,
      },
      this.data,
    );
    this.timings = [];
    if (unit.seed === 0) await this.curvePoint(this.race, unit, CURVE_NLL_SAMPLES);
    return this.race;
  }

  /** Seed 0's point of each curve; SBN: `samples` per image (undefined: the cells' CELL_NLL_SAMPLES). */
  private async curvePoint(race: TaskRace, unit: Unit, samples?: number): Promise<number[]> {
    const values = await race.heldOut(samples);
    race.lines.forEach((line, l) => {
      const v = values[l]!;
      if (race.stoppedAt[l] != null || !Number.isFinite(v)) return;
      const { curve } = this.gathered(unit, line);
      curve.steps.push(race.step);
      curve.values.push(v);
    });
    return values;
  }

  private async afterSteps(race: TaskRace, before: number): Promise<void> {
    const now = performance.now();
    this.timings.push({ at: now, step: race.step });
    while (this.timings.length > 2 && now - this.timings[0]!.at > 3000) this.timings.shift();
    const first = this.timings[0]!;
    if (now > first.at) this.stepsPerSecond = ((race.step - first.step) * 1000) / (now - first.at);
    const unit = this.units[this.unit]!;
    const end = race.step >= this.settings.steps;
    const crossed = Math.floor(race.step / CURVE_EVERY) > Math.floor(before / CURVE_EVERY);
    if (this.disposed || !(end || (crossed && unit.seed === 0))) return;
    // Cells (the end) with the paper's M = 1,000 for the SBN; the curve's points before with fewer.
    const values =
      unit.seed === 0
        ? await this.curvePoint(race, unit, end ? undefined : CURVE_NLL_SAMPLES)
        : await race.heldOut();
    if (!end) return;
    race.lines.forEach((line, l) => {
      const g = this.gathered(unit, line);
      const v = values[l]!;
      if (race.stoppedAt[l] != null || !Number.isFinite(v)) g.stopped++;
      else g.values.push(v);
    });
    race.dispose();
    this.race = null;
    this.unit++;
  }
}

/** The worker's factory of table jobs. */
export const createTableRun = ({ key, settings, data }: TableRunParams): TableJob =>
  new TableJob(key, settings, data);
