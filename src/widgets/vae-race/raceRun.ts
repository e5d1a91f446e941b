/**
 * The VAE race as a training run of the worker runtime (src/runtime/), and
 * as plain data for the view: each line's training and held-out curves, the
 * latest images, and the measured speed. The widget runs it in the training
 * worker, which keeps it alive while the slide is away; the page's tests and
 * benchmarks also run it on the main thread through trainSteps().
 */
import type { ImageSet } from '../../ml/imageSet';
import { VaeRace, type TrainReport } from '../../ml/vaeRace';
import type { RaceEvaluation } from '../../ml/vaeEvaluation';
import type { RaceLine } from '../../ml/vaeObjective';
import { isFinished, type TrainingRun } from '../../runtime/trainingRun';
import { datasets } from '../shared/datasets';
import { exactPossible, raceEstimators, schedules, type RaceSettings } from './model';

export interface LineHistory {
  name: RaceLine;
  /** Training −ELBO (each copy's own samples), averaged over TRAIN_POINT_EVERY steps. */
  train: { steps: number[]; values: number[] };
  /** Held-out −ELBO with one-hot samples, every EVALUATE_EVERY steps. */
  heldOut: { steps: number[]; values: number[] };
  /** Why the line stopped, in words, or null while it runs. */
  stopped: string | null;
}

/** What the view draws of a race: plain data, the same in a worker and on the page. */
export interface RaceSnapshot {
  step: number;
  finished: boolean;
  temperature: number;
  lines: LineHistory[];
  evaluation: RaceEvaluation | null;
  /** Counts the evaluations so far: the images change only when it does. */
  evaluations: number;
  stepsPerSecond: number | null;
  /** Pixels of one image (a square side²). */
  pixels: number;
}

/** What the page sends to start a race: its settings and the data set it loaded. */
export interface RaceRunParams {
  key: string;
  settings: RaceSettings;
  data: ImageSet;
}

export const EVALUATE_EVERY = 100;
const TRAIN_POINT_EVERY = 20;
export const MAX_STEPS = 50_000;
export const IMAGES_SHOWN = 6;

/** The worker's factory of race runs. */
export const createRaceRun = ({ key, settings, data }: RaceRunParams): RaceRun =>
  new RaceRun(key, settings, data);

export class RaceRun implements TrainingRun<RaceSnapshot> {
  readonly race: VaeRace;
  readonly lines: LineHistory[];
  evaluation: RaceEvaluation | null = null;
  private evaluations = 0;
  /** Steps per second of wall-clock time while training, over the last few seconds. */
  stepsPerSecond: number | null = null;
  private pending: number[][] = [];
  private timings: { at: number; step: number }[] = [];
  /** The work in flight, which dispose() waits for before it frees the tensors. */
  private busy: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    readonly key: string,
    readonly settings: RaceSettings,
    data: ImageSet,
  ) {
    const info = datasets[settings.dataset];
    const lines: RaceLine[] = [
      ...raceEstimators(settings),
      ...(settings.exact && exactPossible(settings) ? (['exact'] as const) : []),
    ];
    this.race = new VaeRace(
      {
        size: {
          pixels: data.width * data.height,
          hidden: info.hidden,
          latents: settings.latents,
          classes: settings.classes,
        },
        lines,
        batch: info.batch,
        learningRate: settings.learningRate,
        seed: settings.seed,
        schedule: schedules[settings.schedule],
      },
      data,
    );
    this.lines = lines.map((name) => ({
      name,
      train: { steps: [], values: [] },
      heldOut: { steps: [], values: [] },
      stopped: null,
    }));
    this.pending = lines.map(() => []);
  }

  get step(): number {
    return this.race.step;
  }

  get finished(): boolean {
    return isFinished(this.step, MAX_STEPS, this.lines);
  }

  /** Evaluates the step-0 race if that has not happened yet. */
  prepare(): Promise<void> {
    return this.track(async () => {
      if (this.evaluation === null && !this.disposed) await this.evaluate();
    });
  }

  /**
   * One step, whose gradients are applied only if `proceed()` still says so
   * once they are computed; evaluates when a multiple of EVALUATE_EVERY is
   * reached. Returns whether a step was applied. The caller awaits each call.
   */
  advance(proceed: () => Promise<boolean>): Promise<boolean> {
    return this.track(async () => {
      if (this.disposed) return false;
      if (this.evaluation === null) await this.evaluate();
      if (this.finished || this.disposed) return false;
      const before = this.step;
      const report = await this.race.trainStep(async () => !this.disposed && (await proceed()));
      if (!report) return false;
      this.record(report);
      await this.afterSteps(before);
      return true;
    });
  }

  /**
   * Trains `steps` steps with one readback (as a benchmark or test on the
   * page does), and evaluates when a multiple of EVALUATE_EVERY is crossed.
   */
  trainSteps(steps: number): Promise<void> {
    return this.track(async () => {
      if (this.disposed) return;
      if (this.evaluation === null) await this.evaluate();
      const count = Math.min(steps, MAX_STEPS - this.step);
      if (count <= 0 || this.finished || this.disposed) return;
      const before = this.step;
      this.record(await this.race.trainSteps(count));
      await this.afterSteps(before);
    });
  }

  // The held-out evaluation is part of advance(), at every EVALUATE_EVERY steps.
  async measure(): Promise<boolean> {
    return false;
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    const result = work();
    this.busy = result.catch(() => undefined);
    return result;
  }

  private async afterSteps(before: number): Promise<void> {
    const now = performance.now();
    this.timings.push({ at: now, step: this.step });
    while (this.timings.length > 2 && now - this.timings[0]!.at > 3000) this.timings.shift();
    const first = this.timings[0]!;
    if (now > first.at) this.stepsPerSecond = ((this.step - first.step) * 1000) / (now - first.at);
    if (
      !this.disposed &&
      Math.floor(this.step / EVALUATE_EVERY) > Math.floor(before / EVALUATE_EVERY)
    )
      await this.evaluate();
  }

  /** The race as plain data for the view. */
  snapshot(): RaceSnapshot {
    return {
      step: this.step,
      finished: this.finished,
      temperature: this.race.temperature,
      lines: this.lines,
      evaluation: this.evaluation,
      evaluations: this.evaluations,
      stepsPerSecond: this.stepsPerSecond,
      pixels: this.race.config.size.pixels,
    };
  }

  /** Forgets the speed history, e.g. after a pause, so idle time does not count. */
  resumeTiming(): void {
    this.timings = [];
  }

  private record(report: TrainReport): void {
    report.negElbo.forEach((values, l) => {
      const line = this.lines[l]!;
      const stoppedAt = report.stoppedAt[l];
      if (stoppedAt != null)
        line.stopped = `stopped at step ${stoppedAt}: its loss or gradient was not a finite number (NaN or ∞)`;
      values.forEach((v, s) => {
        const step = report.from + s + 1;
        if (Number.isFinite(v)) this.pending[l]!.push(v);
        if (step % TRAIN_POINT_EVERY === 0 && this.pending[l]!.length > 0) {
          const p = this.pending[l]!;
          line.train.steps.push(step);
          line.train.values.push(p.reduce((a, b) => a + b, 0) / p.length);
          this.pending[l] = [];
        }
      });
    });
  }

  private async evaluate(): Promise<void> {
    const evaluation = await this.race.evaluate(IMAGES_SHOWN);
    evaluation.negElbo.forEach((v, l) => {
      const line = this.lines[l]!;
      if (line.stopped || !Number.isFinite(v)) return;
      line.heldOut.steps.push(this.step);
      line.heldOut.values.push(v);
    });
    this.evaluation = evaluation;
    this.evaluations++;
  }

  injectFault(line: string): void {
    this.race.injectFault(line as RaceLine);
  }

  /** Frees the tensors once any step in flight has finished. */
  dispose(): void {
    this.disposed = true;
    void this.busy.finally(() => this.race.dispose());
  }
}
