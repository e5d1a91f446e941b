/** How every widget names and colours the estimators' lines (and the exact reference), from the registry. */
import { estimators, type EstimatorId } from '../../ml/estimators/registry';

/** An estimator, or 'exact' for the exact-gradient reference. */
export type LineName = EstimatorId | 'exact';

const fromRegistry = <T>(of: (e: (typeof estimators)[number]) => T) =>
  Object.fromEntries(estimators.map((e) => [e.id, of(e)])) as Record<EstimatorId, T>;

export const lineColors: Record<LineName, string> = {
  exact: 'var(--fg)',
  ...fromRegistry((e) => `var(--${e.color})`),
};

export const lineLabels: Record<LineName, string> = {
  exact: 'exact gradient',
  ...fromRegistry((e) => e.label),
};
