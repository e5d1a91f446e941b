/**
 * The table job's bookkeeping as plain data: what each finished seed left per
 * task, learning rate and estimator, and the cells and curves the view gets
 * from it (mean and spread over seeds; with a learning-rate grid, the rate
 * whose mean held-out value is lowest, per estimator). No tfjs here.
 */
import { meanAndVariance } from '../../ml/stats';
import type { EstimatorId } from '../../ml/estimators/registry';
import type { TaskId } from '../../ml/tasks';
import type { TableCell, TableCurve } from './tableJob';

/** What one (task, learning rate, estimator) has gathered so far. */
export interface Gathered {
  /** Held-out values of finished seeds whose copy stayed finite. */
  values: number[];
  /** Finished seeds whose copy stopped. */
  stopped: number;
  /** Seed 0's held-out curve. */
  curve: { steps: number[]; values: number[] };
}

export const emptyGathered = (): Gathered => ({
  values: [],
  stopped: 0,
  curve: { steps: [], values: [] },
});

/** Per task, per estimator, per learning rate (in the settings' order). */
export type Results = Map<TaskId, Map<EstimatorId, Gathered[]>>;

/** Mean, and the sample standard deviation (n − 1) over seeds: null where undefined. */
export function meanAndSpread(values: readonly number[]): {
  mean: number | null;
  spread: number | null;
} {
  if (values.length === 0) return { mean: null, spread: null };
  const { mean, variance } = meanAndVariance(values);
  return { mean, spread: values.length > 1 ? Math.sqrt(variance) : null };
}

/**
 * The index of the learning rate to show: the lowest mean held-out value
 * (lower is better for −ELBO and NLL) among those with a value; the first
 * rate while none has one.
 */
export function bestRate(byRate: readonly Gathered[]): number {
  let best = 0;
  let bestMean = Infinity;
  byRate.forEach((g, i) => {
    const { mean } = meanAndSpread(g.values);
    if (mean !== null && mean < bestMean) {
      best = i;
      bestMean = mean;
    }
  });
  return best;
}

export interface CellPlan {
  learningRates: readonly number[];
  steps: number;
  seeds: number;
}

/** The table's cells and curves, in task then estimator order. */
export function cellsAndCurves(
  results: Results,
  plan: CellPlan,
): { cells: TableCell[]; curves: TableCurve[] } {
  const cells: TableCell[] = [];
  const curves: TableCurve[] = [];
  for (const [task, byEstimator] of results)
    for (const [estimator, byRate] of byEstimator) {
      const i = bestRate(byRate);
      const g = byRate[i]!;
      cells.push({
        task,
        estimator,
        values: [...g.values],
        ...meanAndSpread(g.values),
        steps: plan.steps,
        seeds: plan.seeds,
        stopped: g.stopped,
        learningRate: plan.learningRates[i]!,
        optimizer: 'Adam',
      });
      curves.push({
        task,
        estimator,
        steps: [...g.curve.steps],
        values: [...g.curve.values],
      });
    }
  return { cells, curves };
}
