/** How every widget names and colours the estimators' lines (and the exact reference). */
import type { RaceLine } from '../../ml/vaeObjective';

/** An estimator, or 'exact' for the exact-gradient reference. */
export type LineName = RaceLine;

export const lineColors: Record<LineName, string> = {
  exact: 'var(--fg)',
  reinforce: 'var(--series-4)',
  'reinforce-baseline': 'var(--series-5)',
  'straight-through': 'var(--series-2)',
  'gumbel-softmax': 'var(--series-1)',
  'st-gumbel-softmax': 'var(--series-3)',
};

export const lineLabels: Record<LineName, string> = {
  exact: 'exact gradient',
  reinforce: 'REINFORCE',
  'reinforce-baseline': 'REINFORCE + baseline',
  'straight-through': 'straight-through',
  'gumbel-softmax': 'Gumbel-Softmax',
  'st-gumbel-softmax': 'ST Gumbel-Softmax',
};
