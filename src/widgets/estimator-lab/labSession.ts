/**
 * The toy lab as a training run of the worker runtime (src/runtime/): the
 * training race, and what it measures at the reference line's logits — the
 * distribution of single-sample estimates (every PROBE_EVERY steps while
 * playing, at once when paused) and the τ sweep (only when paused; it is the
 * slower of the two).
 */
import type { EstimatorId } from '../../ml/estimators/registry';
import type { TrainingRun } from '../../runtime/trainingRun';
import { RateMeter } from '../../runtime/pacing';
import type { LabSettings } from './model';
import { makeProblem } from './problems';
import { probeAt, sweepTau, type Probe, type SweepPoint } from './probe';
import { LabRun, type LineName, type LineState } from './run';

/** While playing, the estimate distributions are refreshed every this many steps. */
export const PROBE_EVERY = 50;

/** The settings that determine a run; the speed is not one of them. */
export type LabRunParams = Omit<LabSettings, 'speed'>;

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
  [p.preset, p.k, p.tau, p.learningRate, p.samples, p.withBaseline, p.seed, backend].join('|');

export function createLabRun(params: LabRunParams): TrainingRun<LabSnapshot> {
  const problem = makeProblem(params.preset, params.k);
  const run = new LabRun({
    problem,
    tau: params.tau,
    learningRate: params.learningRate,
    samples: params.samples,
    seed: params.seed,
    withBaseline: params.withBaseline,
  });
  let probe: LabSnapshot['probe'] = null;
  let sweep: LabSnapshot['sweep'] = null;
  let measured = 0;
  const rate = new RateMeter();
  const estimators = () =>
    run.lines.map((l) => l.name).filter((n): n is EstimatorId => n !== 'exact');
  const reference = () => [...run.lines[0]!.logits];

  return {
    get step() {
      return run.step;
    },
    get finished() {
      return run.finished;
    },
    prepare: async () => {},
    async advance(proceed) {
      const applied = await run.advance(proceed);
      if (applied) rate.record(run.step, performance.now());
      return applied;
    },
    async measure(playing, shouldStop) {
      let changed = false;
      const probeStep = playing ? Math.floor(run.step / PROBE_EVERY) * PROBE_EVERY : run.step;
      if (probe?.step !== probeStep) {
        const p = await probeAt(
          problem,
          reference(),
          estimators(),
          run.settings.tau,
          run.settings.seed,
        );
        probe = { ...p, step: probeStep, id: ++measured };
        changed = true;
      }
      if (!playing && sweep?.step !== run.step && !shouldStop()) {
        const step = run.step;
        const points = await sweepTau(problem, reference(), run.settings.seed, shouldStop);
        if (points) {
          sweep = { step, points, id: ++measured };
          changed = true;
        }
      }
      return changed;
    },
    resumeTiming: () => rate.restart(),
    snapshot: () => ({
      step: run.step,
      finished: run.finished,
      lines: run.lines.map((l) => thinLine(l)),
      fingerprint: run.fingerprint(),
      probe,
      sweep,
      stepsPerSecond: rate.stepsPerSecond,
    }),
    injectFault: (line) => run.injectFault(line as LineName),
    dispose: () => {},
  };
}
