/**
 * The toy lab as a training run of the worker runtime (src/runtime/): a
 * training race on a toy problem, in which every estimator (and exact
 * gradient descent as the reference) starts from the same logits and draws
 * the same noise at each step (seed deriveSeed(seed, step)), so they differ
 * only in how they turn a sample into a gradient; and what it measures at the
 * reference line's logits — the distribution of single-sample estimates
 * (every PROBE_EVERY steps while playing, at once when paused) and the τ
 * sweep (only when paused; it is the slower of the two). Plain data; tensors
 * only inside lab.ts.
 */
import { estimatorById, type EstimatorId } from '../../ml/estimators/registry';
import { appliesTo, lectureIds } from '../shared/estimatorChoice';
import { deriveSeed } from '../../ml/counterHash';
import { RateMeter } from '../../runtime/pacing';
import { isFinished, type TrainingRun } from '../../runtime/trainingRun';
import type { LineName } from '../shared/estimatorLines';
import { stepEstimates, trainLearned } from '../../ml/toyEstimates';
import { annealedSlope } from '../../ml/estimators/annealedStraightThrough';
import { LearnedState } from '../../ml/estimators/learnedState';
import type { LabSettings } from './model';
import { exact, makeProblem, type ToyProblem } from '../../ml/toyProblems';
import { equalEvaluationRepeats, probeAt, sweepTau, type Probe, type SweepPoint } from './probe';
import type { Seed, Temperature } from '../../ml/types';

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
  /** The estimator's learned parameters (REBAR, RELAX), trained on its variance each step. */
  learned?: LearnedState;
}

export interface RunSettings {
  problem: ToyProblem;
  tau: Temperature;
  learningRate: number;
  samples: number;
  seed: Seed;
  /** Whether the estimators with a moving-average baseline (REINFORCE + baseline) take part. */
  withBaseline: boolean;
  /** The estimators that take part (those of them that apply to the problem run); the lecture's by default. */
  estimators?: readonly EstimatorId[];
  /** Whether the probe averages each estimator's estimates to equal evaluations of f (default: no). */
  equalEvaluations?: boolean;
}

export const MAX_STEPS = 20_000;
/** While playing, the estimate distributions are refreshed every this many steps. */
export const PROBE_EVERY = 50;

/**
 * The settings that determine a run; the speed is not one of them. Without a
 * set of estimators, the lecture's run; equal evaluations are off by default.
 */
export type LabRunParams = Omit<LabSettings, 'speed' | 'estimators' | 'equalEvaluations'> &
  Partial<Pick<LabSettings, 'estimators' | 'equalEvaluations'>>;

/** The estimators of a run: those chosen that apply to K classes, and no baseline ones without the baseline. */
export const runEstimators = (
  chosen: readonly EstimatorId[],
  k: number,
  withBaseline: boolean,
): EstimatorId[] =>
  chosen.filter((id) => appliesTo(id, k) && (withBaseline || !estimatorById(id).baseline));

/** A line as the view draws it: its history thinned to at most DRAWN_POINTS points. */
export interface LabLineSnapshot extends Pick<LineState, 'name' | 'logits' | 'stopped'> {
  /** The steps of the points kept (always the first and the last). */
  steps: number[];
  objective: number[];
  best: number[];
}

/** A drawn line needs no more points than a chart has pixels; fewer also keep snapshots small. */
export const DRAWN_POINTS = 800;

/** Every `stride`-th point of a history, and its last. */
export function thinLine(line: LineState, most = DRAWN_POINTS): LabLineSnapshot {
  const n = line.objective.length;
  const stride = Math.max(1, Math.ceil(n / most));
  const steps: number[] = [];
  for (let i = 0; i < n; i += stride) steps.push(i);
  if (steps.at(-1) !== n - 1) steps.push(n - 1);
  return {
    name: line.name,
    logits: [...line.logits],
    stopped: line.stopped,
    steps,
    objective: steps.map((i) => line.objective[i]!),
    best: steps.map((i) => line.best[i]!),
  };
}

export interface LabSnapshot {
  step: number;
  finished: boolean;
  lines: LabLineSnapshot[];
  fingerprint: string;
  /** The latest probe, the step it was taken at, and a number that changes with each new probe. */
  probe: (Probe & { step: number; id: number }) | null;
  sweep: { step: number; id: number; points: SweepPoint[] } | null;
  /** Steps per second achieved while playing, over the last few seconds (null before two steps). */
  stepsPerSecond: number | null;
}

/** A key for the run these settings start (with the backend: another backend is another run). */
export const labRunKey = (p: LabRunParams, backend: string) =>
  [
    p.preset,
    p.k,
    p.tau,
    p.learningRate,
    p.samples,
    p.withBaseline,
    p.seed,
    backend,
    (p.estimators ?? lectureIds).join(','),
    p.equalEvaluations ?? false,
  ].join('|');

/** The worker's factory of lab runs. */
export const createLabRun = (params: LabRunParams): LabRun =>
  new LabRun({
    problem: makeProblem(params.preset, params.k),
    tau: params.tau,
    learningRate: params.learningRate,
    samples: params.samples,
    seed: params.seed,
    withBaseline: params.withBaseline,
    ...(params.estimators ? { estimators: params.estimators } : {}),
    ...(params.equalEvaluations ? { equalEvaluations: true } : {}),
  });

export class LabRun implements TrainingRun<LabSnapshot> {
  step = 0;
  readonly lines: LineState[];
  private probe: LabSnapshot['probe'] = null;
  private sweep: LabSnapshot['sweep'] = null;
  private measured = 0;
  private readonly rate = new RateMeter();

  constructor(readonly settings: RunSettings) {
    const names: LineName[] = [
      'exact',
      ...runEstimators(
        settings.estimators ?? lectureIds,
        settings.problem.k,
        settings.withBaseline,
      ),
    ];
    const start = new Array<number>(settings.problem.k).fill(0);
    const first = exact(settings.problem, start);
    this.lines = names.map((name, i) => {
      const estimator = name === 'exact' ? null : estimatorById(name);
      return {
        name,
        logits: [...start],
        objective: [first.value],
        best: [first.probabilities[settings.problem.bestClass]!],
        stopped: null,
        baseline: 0,
        ...(estimator?.learned
          ? {
              learned: new LearnedState(
                estimator,
                [settings.problem.k],
                deriveSeed(settings.seed, 0x1ea7, i),
              ),
            }
          : {}),
      };
    });
  }

  get finished(): boolean {
    return isFinished(this.step, MAX_STEPS, this.lines);
  }

  async prepare(): Promise<void> {}

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
    const requests = estimated.map((l) => ({
      name: l.name as EstimatorId,
      logits: l.logits,
      baseline: l.baseline,
      ...(l.learned ? { learned: l.learned } : {}),
      slope: annealedSlope(this.step),
    }));
    const stepSeed = deriveSeed(seed, this.step);
    const estimates = await stepEstimates(requests, problem, samples, tau, stepSeed);
    if (!(await proceed())) return false;
    trainLearned(requests, problem, samples, tau, stepSeed);
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
    this.rate.record(this.step, performance.now());
    return true;
  }

  async measure(playing: boolean, shouldStop: () => boolean): Promise<boolean> {
    const { problem, tau, seed, equalEvaluations } = this.settings;
    const reference = [...this.lines[0]!.logits];
    let changed = false;
    const probeStep = playing ? Math.floor(this.step / PROBE_EVERY) * PROBE_EVERY : this.step;
    if (this.probe?.step !== probeStep) {
      const estimators = this.lines
        .map((l) => l.name)
        .filter((n): n is EstimatorId => n !== 'exact');
      const repeats = equalEvaluations ? equalEvaluationRepeats(estimators) : {};
      const p = await probeAt(
        problem,
        reference,
        estimators,
        tau,
        seed,
        repeats,
        (name) => this.lines.find((l) => l.name === name)?.learned?.own,
        annealedSlope(probeStep),
      );
      this.probe = { ...p, step: probeStep, id: ++this.measured };
      changed = true;
    }
    if (!playing && this.sweep?.step !== this.step && !shouldStop()) {
      const step = this.step;
      const points = await sweepTau(problem, reference, seed, shouldStop);
      if (points) {
        this.sweep = { step, points, id: ++this.measured };
        changed = true;
      }
    }
    return changed;
  }

  resumeTiming(): void {
    this.rate.restart();
  }

  snapshot(): LabSnapshot {
    return {
      step: this.step,
      finished: this.finished,
      lines: this.lines.map((l) => thinLine(l)),
      fingerprint: this.fingerprint(),
      probe: this.probe,
      sweep: this.sweep,
      stepsPerSecond: this.rate.stepsPerSecond,
    };
  }

  /** Makes one line's logits NaN, as a diverging run would (for tests of the recovery path). */
  injectFault(name: string): void {
    const line = this.lines.find((l) => l.name === name);
    if (line) line.logits = line.logits.map(() => NaN);
  }

  /** A fingerprint of every line's logits, to check that a link reproduces a run exactly. */
  fingerprint(): string {
    return this.lines.map((l) => l.logits.map((x) => x.toPrecision(8)).join(',')).join(';');
  }

  dispose(): void {
    for (const line of this.lines) line.learned?.dispose();
  }
}
