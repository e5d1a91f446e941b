/** What the lab measures at fixed logits: each estimator's spread, and the τ sweep. */
import { estimatorById, type EstimatorId } from '../../ml/estimators/registry';
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
  /** How many of the estimator's estimates each value averages (absent: 1; more at equal evaluations). */
  repeats?: number;
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

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The most single-sample estimates a strip averages at equal evaluations (its cost grows with it). */
export const MOST_REPEATS = 16;

/**
 * At equal evaluations, how many estimates of each estimator one value of its
 * strip averages, so that every value costs the same number of evaluations of
 * f: the least common multiple of their evaluations (or, when that is more
 * than MOST_REPEATS times the cheapest, the most of them) divided by each
 * one's own, rounded down (at least 1).
 */
export function equalEvaluationRepeats(names: readonly EstimatorId[]): Record<string, number> {
  const costs = names.map((n) => estimatorById(n).evaluations);
  const lcm = costs.reduce((a, c) => (a * c) / gcd(a, c), 1);
  const budget = lcm <= MOST_REPEATS * Math.min(...costs) ? lcm : Math.max(...costs);
  return Object.fromEntries(names.map((n, i) => [n, Math.max(1, Math.floor(budget / costs[i]!))]));
}

/** Means of consecutive groups of `repeats` rows of a [rows·repeats × k] array. */
function groupMeans(values: Float32Array, k: number, repeats: number): Float32Array {
  if (repeats === 1) return values;
  const rows = values.length / k / repeats;
  const out = new Float32Array(rows * k);
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < repeats; j++)
      for (let i = 0; i < k; i++) out[r * k + i]! += values[(r * repeats + j) * k + i]! / repeats;
  return out;
}

/**
 * Distributions of single-sample estimates at `logits` (or, with `repeats`,
 * of means of that many independent ones). REINFORCE's baseline is E f at
 * these logits: what the training run's moving average settles to.
 */
export async function probeAt(
  problem: ToyProblem,
  logits: number[],
  names: readonly EstimatorId[],
  tau: Temperature,
  seed: Seed,
  repeats: Readonly<Record<string, number>> = {},
  /** A line's learned parameters, for estimators that declare them (REBAR, RELAX). */
  learnedOf: (name: EstimatorId) => LearnedState['own'] | undefined = () => undefined,
  /** Slope-annealed ST's slope a (the training step's `annealedSlope`). */
  slope = 1,
): Promise<Probe> {
  const e = exact(problem, logits);
  const distributions: Distribution[] = [];
  for (const name of names) {
    const times = repeats[name] ?? 1;
    const k = problem.k;
    const values = groupMeans(
      await singleSampleEstimates(name, problem, logits, PROBE_ROWS * times, {
        tau,
        seed: deriveSeed(seed, 0xabc),
        baseline: e.value,
        own: learnedOf(name),
        slope,
      }),
      k,
      times,
    );
    const component = Array.from(
      { length: PROBE_ROWS },
      (_, r) => values[r * k + problem.bestClass]!,
    );
    distributions.push({
      name,
      repeats: times,
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
