/**
 * Table 1 of Jang, Gu & Poole (2017): MNIST, fixed binarization, lower is
 * better (/work/shared/lecture/paper-facts.md). Shared by the race's table and
 * the live results table, so that the paper's numbers are written once.
 */
import type { PaperColumn } from '../../ml/estimators/estimator';
import { estimators, type EstimatorId } from '../../ml/estimators/registry';
import type { TaskId } from '../../ml/tasks';

/** The paper's columns in its order, with ours (SF + a moving-average baseline) after SF. */
export const paperColumnLabels = [
  'SF',
  'SF + baseline†',
  'DARN',
  'MuProp',
  'ST',
  'Annealed ST',
  'Gumbel-S.',
  'ST Gumbel-S.',
] as const satisfies readonly PaperColumn[];

/** Each column and the estimator of this build that declares it (null: not in this build yet). */
export const paperColumns: { label: PaperColumn; ours: EstimatorId | null }[] =
  paperColumnLabels.map((label) => ({
    label,
    ours: estimators.find((e) => e.paperColumn === label)?.id ?? null,
  }));

export interface PaperRow {
  task: TaskId;
  /** The row's label in the paper. */
  label: string;
  /** The row's name as a column head of a phone's turned table. */
  short: string;
  /** One value per column of `paperColumns`; null: not in the paper. */
  values: (number | null)[];
  /** The column whose cell repeats the annealed-ST value (see `starNote`). */
  starred?: number;
}

export const paperRows: PaperRow[] = [
  {
    task: 'sbn-bernoulli',
    label: 'SBN, Bernoulli (NLL)',
    short: 'SBN Bern.',
    values: [72.0, null, 59.7, 58.9, 58.9, 58.7, 58.5, 59.3],
  },
  {
    task: 'sbn-categorical',
    label: 'SBN, categorical (NLL)',
    short: 'SBN cat.',
    values: [73.1, null, 67.9, 63.0, 61.8, 61.1, 59.0, 59.7],
  },
  {
    task: 'vae-bernoulli',
    label: 'VAE, Bernoulli (−ELBO)',
    short: 'VAE Bern.',
    values: [112.2, null, 110.9, 109.7, 116.0, 111.5, 105.0, 111.5],
    starred: 7,
  },
  {
    task: 'vae-categorical',
    label: 'VAE, categorical (−ELBO)',
    short: 'VAE cat.',
    values: [110.6, null, 128.8, 107.0, 110.9, 107.8, 101.5, 107.8],
    starred: 7,
  },
];

/** The footnote on the two starred cells (it stays wherever the table is shown). */
export const starNote =
  '* These two cells repeat the annealed-ST values exactly; the paper’s own curves (Fig. 4) for ST ' +
  'Gumbel-Softmax end near 111.1 (Bernoulli) and 103.2 (categorical), so the table most likely ' +
  'carries a copying error.';
