/**
 * The four tasks of Jang, Gu & Poole (2017), Table 1, at browser scale, as
 * one kind of stacked run: every estimator gets a copy of the task's model,
 * trained side by side from the same weights on the same batches and noise.
 *   - SBN, Bernoulli / categorical: structured output prediction, the lower
 *     half of an image from its upper half through two stochastic layers;
 *     held-out objective: the NLL −log p(x_lower | x_upper), estimated with
 *     many samples.
 *   - VAE, Bernoulli / categorical latents: held-out objective −ELBO with
 *     one-hot samples. Bernoulli latents are K = 2 categoricals (the binary
 *     logit is l₁ − l₀), so every estimator runs on them unchanged.
 * Sizes are scaled down from the paper's (392-200-200-392 for the SBN;
 * 784-200-784 and 20×10 latents for the VAE) to suit 8×8 digits on a laptop.
 */
import type { EstimatorId } from './estimators/registry';
import type { TemperatureSchedule } from './minibatches';
import type { Seed, Temperature } from './types';
import { VaeRace, type RaceData } from './vaeRace';
import type { TrainReport } from './stackedTraining';
import { SbnRace } from './sbnRace';
import { sbnSize } from './sbn';

export type TaskId = 'sbn-bernoulli' | 'sbn-categorical' | 'vae-bernoulli' | 'vae-categorical';
export const taskIds: readonly TaskId[] = [
  'sbn-bernoulli',
  'sbn-categorical',
  'vae-bernoulli',
  'vae-categorical',
];

export interface TaskInfo {
  /** Its row label in Table 1. */
  label: string;
  /** What the held-out number is. */
  objective: 'NLL' | '−ELBO';
  /** Stochastic latent variables per layer N, and classes K (2 for Bernoulli). */
  latents: number;
  classes: number;
}

/** Sizes for the 8×8 digits (the default data set of the table). */
export const tasks: Record<TaskId, TaskInfo> = {
  'sbn-bernoulli': { label: 'SBN, Bernoulli', objective: 'NLL', latents: 32, classes: 2 },
  'sbn-categorical': { label: 'SBN, categorical', objective: 'NLL', latents: 8, classes: 4 },
  'vae-bernoulli': { label: 'VAE, Bernoulli', objective: '−ELBO', latents: 32, classes: 2 },
  'vae-categorical': { label: 'VAE, categorical', objective: '−ELBO', latents: 8, classes: 4 },
};

export const isTaskId = (s: string): s is TaskId => (taskIds as readonly string[]).includes(s);

export interface TaskConfig {
  task: TaskId;
  /** The copies, one per estimator, in order. */
  lines: readonly EstimatorId[];
  /** Pixels of one image (the SBN splits it into upper and lower halves). */
  pixels: number;
  /** Hidden units of the VAE's deterministic layers (the SBN has none). */
  hidden: number;
  /** N and K; default the task's own (`tasks`). */
  latents?: number;
  classes?: number;
  batch: number;
  learningRate: number;
  seed: Seed;
  schedule: TemperatureSchedule;
  /** SBN only: samples per held-out image of the NLL estimate (default 1,000, as the paper; sbnEvaluation.ts). */
  nllSamples?: number;
  /**
   * Variance normalization of the learning signal (NVIL's max(1, √v)) for the
   * copies whose estimator offers it (the paper's SF, DARN, MuProp; our
   * REINFORCE + baseline); default off. See estimators/varianceNormalization.ts.
   */
  varianceNormalization?: boolean;
}

/** A task's stacked run, whatever its model. */
export interface TaskRace {
  readonly step: number;
  readonly lines: readonly EstimatorId[];
  /** Per line, the step at which it stopped (not finite), or null while it runs. */
  readonly stoppedAt: readonly (number | null)[];
  readonly temperature: Temperature;
  /** `steps` steps of every copy, read back once. */
  trainSteps(steps: number): Promise<TrainReport>;
  /** One step applied only if `proceed()` says so once its gradients are computed (see VaeRace.trainStep). */
  trainStep(proceed: () => Promise<boolean>): Promise<TrainReport | null>;
  /**
   * Per line, the held-out objective in nats per image (−ELBO or NLL; see
   * TaskInfo.objective). SBN: `samples` per image of the NLL estimate
   * (default TaskConfig.nllSamples); the VAE's one-hot −ELBO ignores it.
   */
  heldOut(samples?: number): Promise<number[]>;
  dispose(): void;
}

/** Either race behind the TaskRace interface; only the held-out evaluation differs. */
class StackedTaskRace implements TaskRace {
  constructor(
    private readonly race: VaeRace | SbnRace,
    readonly heldOut: (samples?: number) => Promise<number[]>,
  ) {}
  get step() {
    return this.race.step;
  }
  get lines() {
    return this.race.lines as readonly EstimatorId[];
  }
  get stoppedAt() {
    return this.race.stoppedAt;
  }
  get temperature() {
    return this.race.temperature;
  }
  trainSteps(steps: number) {
    return this.race.trainSteps(steps);
  }
  trainStep(proceed: () => Promise<boolean>) {
    return this.race.trainStep(proceed);
  }
  dispose() {
    this.race.dispose();
  }
}

/** A stacked run of `config.task`, one copy per line. */
export function createTaskRace(config: TaskConfig, data: RaceData): TaskRace {
  const info = tasks[config.task];
  const latents = config.latents ?? info.latents;
  const classes = config.classes ?? info.classes;
  if (config.task === 'vae-bernoulli' || config.task === 'vae-categorical') {
    const race = new VaeRace(
      {
        size: { pixels: config.pixels, hidden: config.hidden, latents, classes },
        lines: config.lines,
        batch: config.batch,
        learningRate: config.learningRate,
        seed: config.seed,
        schedule: config.schedule,
        varianceNormalization: config.varianceNormalization ?? false,
      },
      data,
    );
    return new StackedTaskRace(race, async () => (await race.evaluate(0)).negElbo);
  }
  const race = new SbnRace(
    {
      size: sbnSize(config.pixels, latents, classes),
      lines: config.lines,
      batch: config.batch,
      learningRate: config.learningRate,
      seed: config.seed,
      schedule: config.schedule,
      ...(config.nllSamples === undefined ? {} : { nllSamples: config.nllSamples }),
      varianceNormalization: config.varianceNormalization ?? false,
    },
    data,
  );
  return new StackedTaskRace(race, (samples) => race.heldOut(samples));
}
