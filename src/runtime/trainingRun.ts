/**
 * What every training run (the VAE race, the toy lab) offers the runtime that
 * drives it: one step at a time with a chance to stop between computing a
 * step's gradients and applying them, measurements that follow the run, and
 * plain-data snapshots for the view.
 */
export interface TrainingRun<Snapshot> {
  readonly step: number;
  /** True once the run can take no more steps (its step limit, or every line stopped). */
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

/** Runs that start one another's steps are serialized per run by the host; this is the factory. */
export type RunFactory<Params, Snapshot> = (params: Params) => TrainingRun<Snapshot>;
