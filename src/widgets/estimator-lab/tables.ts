/**
 * The toy lab's numbers as tables a student can plot again (saved as CSV from
 * the figure's Save menu): long format, one value per row, full precision.
 */
import { rowsByStep, type TableRow } from '../shared/figureFiles';
import { lineLabels } from '../shared/estimatorLines';
import type { LabLineSnapshot } from './labRun';
import type { Probe, SweepPoint } from './probe';

export const CURVE_COLUMNS = ['step', 'estimator', 'objective', 'p_best'] as const;

/**
 * Every training curve: the true objective E f and the probability of the
 * best class, by step and then by estimator, so the last row is the last step
 * of the last line. A line's history is the one drawn (every point up to
 * DRAWN_POINTS steps, then evenly thinned, always with its last step).
 */
export function labCurvesTable(lines: readonly LabLineSnapshot[]): TableRow[] {
  return rowsByStep(
    lines,
    (line) => line.steps,
    (line, i, step) => ({
      step,
      estimator: lineLabels[line.name],
      objective: line.objective[i]!,
      p_best: line.best[i]!,
    }),
  );
}

export const ESTIMATE_COLUMNS = ['step', 'estimator', 'sample', 'estimate', 'exact'] as const;

/**
 * Every estimate histogram: each single-sample estimate of ∂E/∂l for the
 * optimal class, with the exact value, taken at the probe's step.
 */
export function labEstimatesTable(probe: Probe & { step: number }, bestClass: number): TableRow[] {
  const exact = probe.exactGradient[bestClass]!;
  return probe.distributions.flatMap((d) =>
    d.component.map((estimate, sample) => ({
      step: probe.step,
      estimator: lineLabels[d.name],
      sample,
      estimate,
      exact,
    })),
  );
}

export const SWEEP_COLUMNS = ['T', 'estimator', 'bias', 'sd'] as const;

/** The T sweep: bias and spread of Gumbel-Softmax and ST Gumbel-Softmax at each temperature. */
export function labSweepTable(points: readonly SweepPoint[]): TableRow[] {
  return points.flatMap((p) => [
    { T: p.tau, estimator: lineLabels['gumbel-softmax'], bias: p.gumbel.bias, sd: p.gumbel.sd },
    {
      T: p.tau,
      estimator: lineLabels['st-gumbel-softmax'],
      bias: p.straightThrough.bias,
      sd: p.straightThrough.sd,
    },
  ]);
}
