/**
 * Table 1 of Jang, Gu & Poole (2017): MNIST with a fixed binarization, lower
 * is better; NLL for the SBNs, −ELBO for the VAEs. Per task, the value of
 * each of the paper's columns (`null` where it has none).
 */
import type { PaperColumn } from '../../ml/estimators/estimator';
import type { TaskId } from '../../ml/tasks';

export const paperTable1: Record<TaskId, Partial<Record<PaperColumn, number>>> = {
  'sbn-bernoulli': {
    SF: 72.0,
    DARN: 59.7,
    MuProp: 58.9,
    ST: 58.9,
    'Annealed ST': 58.7,
    'Gumbel-S.': 58.5,
    'ST Gumbel-S.': 59.3,
  },
  'sbn-categorical': {
    SF: 73.1,
    DARN: 67.9,
    MuProp: 63.0,
    ST: 61.8,
    'Annealed ST': 61.1,
    'Gumbel-S.': 59.0,
    'ST Gumbel-S.': 59.7,
  },
  'vae-bernoulli': {
    SF: 112.2,
    DARN: 110.9,
    MuProp: 109.7,
    ST: 116.0,
    'Annealed ST': 111.5,
    'Gumbel-S.': 105.0,
    'ST Gumbel-S.': 111.5,
  },
  'vae-categorical': {
    SF: 110.6,
    DARN: 128.8,
    MuProp: 107.0,
    ST: 110.9,
    'Annealed ST': 107.8,
    'Gumbel-S.': 101.5,
    'ST Gumbel-S.': 107.8,
  },
};

/**
 * The two ST Gumbel-Softmax VAE cells repeat the annealed-ST values exactly,
 * while the paper's Fig. 4 curves for ST Gumbel-Softmax end near 111.1
 * (Bernoulli) and 103.2 (categorical): probably a copying error.
 */
export const starredCells: readonly { task: TaskId; column: PaperColumn }[] = [
  { task: 'vae-bernoulli', column: 'ST Gumbel-S.' },
  { task: 'vae-categorical', column: 'ST Gumbel-S.' },
];
