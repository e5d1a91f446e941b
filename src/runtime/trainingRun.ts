/**
 * What every training run (the VAE race, the toy lab) offers the runtime that
 * drives it: one step at a time with a chance to stop between computing a
 * step's gradients and applying them, measurements that follow the run, and
 * plain-data snapshots for the view. The runtime (trainingHost.ts) advances a
 * run in slices of about a frame at the asked speed; the run only takes steps.
 */
export interface TrainingRun<Snapshot> {
  readonly step: number;
  /** The run's lines (one per estimator), each stopped with a reason once it diverged. */
  readonly lines: readonly RunLine[];
  /** True once the run can take no more steps (see isFinished). */
  readonly finished: boolean;
  /** Work needed before the first picture (e.g. the race's step-0 evaluation). */
  prepare(): Promise<void>;
  /**
   * One step. `proceed()` is awaited after the step's gradients are computed
   * and before they are applied; if it says false, nothing is applied.
   * Returns whether a step was applied.
   */
  advance(proceed: () => Promise<boolean>): Promise<boolean>;
  /**
   * Measurements that follow the run (the lab's probe and τ sweep), done
   * between slices while playing and once when resting. They give up when
   * `shouldStop()` turns true. Returns whether the snapshot changed.
   */
  measure(playing: boolean, shouldStop: () => boolean): Promise<boolean>;
  /** Playing starts (again): forget the speed history, so idle time does not count. */
  resumeTiming(): void;
  snapshot(): Snapshot;
  /** Makes one line diverge, for tests of the recovery path. */
  injectFault(line: string): void;
  dispose(): void;
}

/** One line of a run, as the runtime and the views see it. */
export interface RunLine {
  readonly name: string;
  /** Why the line stopped, in words, or null while it runs. */
  readonly stopped: string | null;
}

/** What every run's snapshot carries, so that one hook can stop playing and show stopped lines. */
export interface RunSnapshot {
  step: number;
  finished: boolean;
  lines: readonly RunLine[];
}

/**
 * Whether a run can take no more steps: it reached `maxSteps`, or every line
 * stopped. Every run has a step limit, so a forgotten tab does not grow its
 * history forever.
 */
export function isFinished(step: number, maxSteps: number, lines: readonly RunLine[]): boolean {
  return step >= maxSteps || lines.every((l) => l.stopped !== null);
}

/**
 * Advances `run` by up to `steps` steps until the clock passes `until` (a
 * time budget, e.g. one frame's slice), `going()` turns false (checked before
 * each step) or `proceed()` says no (asked between a step's gradients and
 * their application); `beforeStep` runs before each step (changes that must
 * fall between two steps). Returns the number of steps applied.
 */
export async function advanceWithin(
  run: Pick<TrainingRun<unknown>, 'advance'>,
  budget: {
    steps: number;
    until: number;
    now: () => number;
    going: () => boolean;
    proceed: () => Promise<boolean>;
    beforeStep?: () => void;
  },
): Promise<number> {
  let done = 0;
  while (done < budget.steps && budget.going() && budget.now() < budget.until) {
    budget.beforeStep?.();
    if (!(await run.advance(budget.proceed))) break;
    done++;
  }
  return done;
}

/** Runs that start one another's steps are serialized per run by the host; this is the factory. */
export type RunFactory<Params, Snapshot> = (params: Params) => TrainingRun<Snapshot>;
