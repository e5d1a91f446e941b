/**
 * Table 1 of Jang, Gu & Poole (2017) by task and paper column, as the
 * headless table and its Markdown read it: a view of the one copy of the
 * numbers in widgets/shared/paperTable1.ts.
 */
import type { PaperColumn } from '../../ml/estimators/estimator';
import type { TaskId } from '../../ml/tasks';
import { paperColumnLabels, paperRows } from '../shared/paperTable1';

export const paperTable1 = Object.fromEntries(
  paperRows.map((row) => [
    row.task,
    Object.fromEntries(
      paperColumnLabels.flatMap((label, i) =>
        row.values[i] === null ? [] : [[label, row.values[i]]],
      ),
    ),
  ]),
) as Record<TaskId, Partial<Record<PaperColumn, number>>>;

/** The two ST Gumbel-Softmax VAE cells that repeat the annealed-ST values (see `starNote`). */
export const starredCells: readonly { task: TaskId; column: PaperColumn }[] = paperRows.flatMap(
  (row) =>
    row.starred === undefined ? [] : [{ task: row.task, column: paperColumnLabels[row.starred]! }],
);
