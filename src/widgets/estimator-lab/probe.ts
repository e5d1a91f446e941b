/** What the lab measures at fixed logits: each estimator's spread, and the τ sweep. */
import type { EstimatorId } from '../../ml/estimators/registry';
import type { LearnedState } from '../../ml/estimators/learnedState';
import { deriveSeed } from '../../ml/counterHash';
import { temperature, type Seed, type Temperature } from '../../ml/types';
import { exact, type ToyProblem } from '../../ml/toyProblems';
import { moments, singleSampleEstimates, type Moments } from '../../ml/toyEstimates';

/** Single-sample estimates per estimator (enough for a histogram; SE of a mean ≈ sd/45). */
export const PROBE_ROWS = 2000;
export const SWEEP_TAUS = [0.05, 0.1, 0.2, 0.35, 0.6, 1, 1.7, 3, 5, 10];

export interface Distribution {
  name: EstimatorId;
  /** The estimates of ∂E/∂l for the optimal class (what the histogram shows). */
  component: number[];
  /** Bias, sd and SNR of the whole gradient vector (norms over the K components). */
  moments: Moments;
  /** Bias, sd and SNR of the shown component alone: the numbers beside its histogram. */
  shown: Moments;
}

export interface Probe {
  logits: number[];
  exactGradient: number[];
  distributions: Distribution[];
}

/**
 * Distributions of single-sample estimates at `logits`. REINFORCE's baseline is
 * E f at these logits: what the training run's moving average settles to.
 */
export async function probeAt(
  problem: ToyProblem,
  logits: number[],
  names: readonly EstimatorId[],
  tau: Temperature,
  seed: Seed,
  /** A line's learned parameters, for estimators that declare them (REBAR, RELAX). */
  learnedOf: (name: EstimatorId) => LearnedState['own'] | undefined = () => undefined,
): Promise<Probe> {
  const e = exact(problem, logits);
  const distributions: Distribution[] = [];
  for (const name of names) {
    const values = await singleSampleEstimates(name, problem, logits, PROBE_ROWS, {
      tau,
      seed: deriveSeed(seed, 0xabc),
      baseline: e.value,
      own: learnedOf(name),
    });
    const k = problem.k;
    const component = Array.from(
      { length: PROBE_ROWS },
      (_, r) => values[r * k + problem.bestClass]!,
    );
    distributions.push({
      name,
      component,
      moments: moments(values, e.gradient),
      shown: moments(Float32Array.from(component), [e.gradient[problem.bestClass]!]),
    });
  }
  return { logits, exactGradient: e.gradient, distributions };
}

export interface SweepPoint {
  tau: number;
  gumbel: Moments;
  straightThrough: Moments;
}

/** Bias and spread of Gumbel-Softmax and ST Gumbel-Softmax over τ at `logits`. */
export async function sweepTau(
  problem: ToyProblem,
  logits: number[],
  seed: Seed,
  shouldStop: () => boolean,
) {
  const e = exact(problem, logits);
  const points: SweepPoint[] = [];
  for (const tau of SWEEP_TAUS) {
    if (shouldStop()) return null;
    const options = { tau: temperature(tau), seed: deriveSeed(seed, 0xdef), baseline: 0 };
    const gs = await singleSampleEstimates('gumbel-softmax', problem, logits, PROBE_ROWS, options);
    const st = await singleSampleEstimates(
      'st-gumbel-softmax',
      problem,
      logits,
      PROBE_ROWS,
      options,
    );
    points.push({ tau, gumbel: moments(gs, e.gradient), straightThrough: moments(st, e.gradient) });
  }
  return points;
}
