/**
 * A training race on a toy problem: every estimator (and exact gradient
 * descent as the reference) starts from the same logits and draws the same
 * noise at each step (seed deriveSeed(seed, step)), so they differ only in how
 * they turn a sample into a gradient. Plain data; tensors only inside lab.ts.
 */
import { estimatorById, estimators, type EstimatorId } from '../../ml/estimators/registry';
import { deriveSeed } from '../../ml/counterHash';
import { exact, type ToyProblem } from './problems';
import { stepEstimates } from './lab';

import type { LineName } from '../shared/estimatorLines';
export type { LineName };

export interface LineState {
  name: LineName;
  logits: number[];
  /** The true objective E[f] after each step (index 0: the start). */
  objective: number[];
  /** The probability of the optimal class after each step. */
  best: number[];
  /** Set when the line stopped: why, in words. */
  stopped: string | null;
  /** The moving-average baseline (REINFORCE with a baseline only). */
  baseline: number;
}

export interface RunSettings {
  problem: ToyProblem;
  tau: number;
  learningRate: number;
  samples: number;
  seed: number;
  /** Whether the estimators with a moving-average baseline (REINFORCE + baseline) take part. */
  withBaseline: boolean;
}

/** The run ends here, so a forgotten tab does not grow its history forever. */
export const MAX_STEPS = 20_000;

export class LabRun {
  step = 0;
  readonly lines: LineState[];

  constructor(readonly settings: RunSettings) {
    const names: LineName[] = [
      'exact',
      ...estimators.filter((e) => settings.withBaseline || !e.baseline).map((e) => e.id),
    ];
    const start = new Array<number>(settings.problem.k).fill(0);
    const first = exact(settings.problem, start);
    this.lines = names.map((name) => ({
      name,
      logits: [...start],
      objective: [first.value],
      best: [first.probabilities[settings.problem.bestClass]!],
      stopped: null,
      baseline: 0,
    }));
  }

  get finished(): boolean {
    return this.step >= MAX_STEPS || this.lines.every((l) => l.stopped !== null);
  }

  /**
   * One step of every line that still runs (the estimators in one batch). The
   * step is applied only if `proceed()`, awaited once the gradients are
   * estimated, says so. Returns whether it was applied.
   */
  async advance(proceed: () => Promise<boolean> = async () => true): Promise<boolean> {
    if (this.finished) return false;
    const { problem, tau, learningRate, samples, seed } = this.settings;
    const running = this.lines.filter((l) => !l.stopped);
    const estimated = running.filter((l) => l.name !== 'exact');
    const estimates = await stepEstimates(
      estimated.map((l) => ({
        name: l.name as EstimatorId,
        logits: l.logits,
        baseline: l.baseline,
      })),
      problem,
      samples,
      tau,
      deriveSeed(seed, this.step),
    );
    if (!(await proceed())) return false;
    for (const line of running) {
      let gradient: number[];
      const i = estimated.indexOf(line);
      if (i < 0) gradient = exact(problem, line.logits).gradient;
      else {
        gradient = estimates[i]!.gradient;
        // b ← decay·b + (1 − decay)·f̄, for the estimators that read a baseline.
        const decay = estimatorById(line.name as EstimatorId).baseline?.decay;
        if (decay !== undefined)
          line.baseline = decay * line.baseline + (1 - decay) * estimates[i]!.meanF;
      }
      const next = line.logits.map((l, j) => l - learningRate * gradient[j]!);
      if (next.some((x) => !Number.isFinite(x))) {
        line.stopped = `stopped at step ${this.step + 1}: the gradient was not a finite number`;
        continue;
      }
      line.logits = next;
      const after = exact(problem, next);
      line.objective.push(after.value);
      line.best.push(after.probabilities[problem.bestClass]!);
    }
    this.step += 1;
    return true;
  }

  /** Makes one line's logits NaN, as a diverging run would (for tests of the recovery path). */
  injectFault(name: LineName): void {
    const line = this.lines.find((l) => l.name === name);
    if (line) line.logits = line.logits.map(() => NaN);
  }

  /** A fingerprint of every line's logits, to check that a link reproduces a run exactly. */
  fingerprint(): string {
    return this.lines.map((l) => l.logits.map((x) => x.toPrecision(8)).join(',')).join(';');
  }
}
