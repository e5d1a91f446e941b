/**
 * The live table's cells as plain text: this browser's value of one task and
 * estimator (mean ± spread over the finished seeds), what is particular to
 * the cell (seeds so far, the learning rate a grid chose, stopped copies), and
 * the whole story in one sentence for its title and screen readers.
 */
import { estimatorById, type EstimatorId } from '../../ml/estimators/registry';
import { tasks, type TaskId } from '../../ml/tasks';
import { appliesTo } from '../shared/estimatorChoice';
import { paperColumns, paperRows } from '../shared/paperTable1';
import type { TableCell } from './tableJob';
import { CELL_NLL_SAMPLES } from './tableSettings';

export interface CellText {
  /** The value: "62.3 ± 0.4", "62.3" (one seed), "…" (not finished yet), "—" (not run). */
  value: string;
  /** What this cell has that the table's note does not say for all: "2 of 3 seeds", "lr 0.01", "1 stopped". */
  detail: string;
  /** Everything behind the cell in one sentence. */
  full: string;
  /** A value before any seed finished: seed 0's held-out value so far. */
  provisional?: boolean;
}

/** A learning rate as the settings write it (0.003, 0.0001). */
export const rateText = (rate: number): string => String(Number(rate.toPrecision(4)));

/** The cell of `cells` for this task and estimator, if the job has one. */
export const cellOf = (cells: readonly TableCell[], task: TaskId, estimator: EstimatorId) =>
  cells.find((c) => c.task === task && c.estimator === estimator);

/**
 * The text of a cell that no run fills: an estimator for binary latents only
 * (ARM, DisARM) on a task with K > 2 classes is not trained there, and says why.
 */
export function notRunText(task: TaskId, estimator: EstimatorId): CellText | null {
  const k = tasks[task].classes;
  if (appliesTo(estimator, k)) return null;
  return {
    value: '—',
    detail: '',
    full: `${tasks[task].label}, ${estimatorById(estimator).label}: not run, this estimator is for binary latents only (K = 2) and this task has K = ${k} classes.`,
  };
}

/**
 * The text of one cell of ours. `commonRate` is the learning rate every cell
 * uses without a grid: a cell names its rate only when a grid chose it.
 * `latest` is seed 0's last held-out point (its curve's): a cell no seed has
 * finished shows it, "after N steps" (a short run, e.g. the handout's, has one).
 */
export function cellText(
  cell: TableCell | undefined,
  commonRate: number | null,
  latest?: { step: number; value: number },
): CellText {
  if (!cell) return { value: '—', detail: '', full: 'Not run.' };
  const objective = tasks[cell.task].objective;
  const label = `${tasks[cell.task].label}, ${estimatorById(cell.estimator).label}`;
  const finished = cell.values.length + cell.stopped;
  const details: string[] = [];
  if (finished < cell.seeds && finished > 0) details.push(`${finished} of ${cell.seeds} seeds`);
  if (cell.stopped > 0) details.push(`${cell.stopped} stopped`);
  // A grid's choice is named once a seed has finished (before, there is no choice yet).
  if (cell.mean !== null && (commonRate === null || cell.learningRate !== commonRate))
    details.push(`lr ${rateText(cell.learningRate)}`);
  const setup = `${cell.steps} steps each, Adam, learning rate ${rateText(cell.learningRate)}`;
  if (cell.mean === null && finished === 0 && latest && latest.step > 0) {
    // No seed has finished: seed 0's latest held-out point (the curves'), named as such.
    const value = latest.value.toFixed(1);
    return {
      value,
      detail: `after ${latest.step.toLocaleString('en')} steps`,
      full: `${label}: held-out ${objective} ${latest.value.toFixed(2)} nats after ${latest.step} of ${cell.steps} steps (the first seed, no seed finished yet); Adam, learning rate ${rateText(cell.learningRate)}.`,
      provisional: true,
    };
  }
  if (cell.mean === null) {
    const value = finished === 0 ? '…' : 'stopped';
    const why =
      finished === 0
        ? 'no seed finished yet'
        : `all ${finished} finished seeds stopped (not finite)`;
    return { value, detail: details.join(' · '), full: `${label}: ${why}; ${setup}.` };
  }
  const n = cell.values.length;
  const value =
    cell.spread === null
      ? cell.mean.toFixed(1)
      : `${cell.mean.toFixed(1)} ± ${cell.spread.toFixed(1)}`;
  const spread = cell.spread === null ? '' : `, standard deviation ${cell.spread.toFixed(2)}`;
  return {
    value,
    detail: details.join(' · '),
    full: `${label}: held-out ${objective}${cell.task.startsWith('sbn') ? ` (${CELL_NLL_SAMPLES.toLocaleString('en')} samples per image)` : ''} ${cell.mean.toFixed(2)} nats, mean of ${n} seed${n === 1 ? '' : 's'}${spread}; ${setup}.`,
  };
}

/** One column of the live table: the paper's column (or one of ours the paper has not) and its estimator. */
export interface TableColumn {
  label: string;
  /** The estimator of this build behind it, or null (not in this build yet). */
  estimator: EstimatorId | null;
  /** Its index among the paper's columns, or null for a column of ours only. */
  paper: number | null;
}

/**
 * The columns: the paper's, in its order, then any chosen estimator the
 * paper has no column for (marked ‡, ours only).
 */
export function tableColumns(chosen: readonly EstimatorId[]): TableColumn[] {
  const paper = paperColumns.map((c, i) => ({ label: c.label, estimator: c.ours, paper: i }));
  const ours = chosen
    .filter((id) => !estimatorById(id).paperColumn)
    .map((id) => ({ label: `${estimatorById(id).label}‡`, estimator: id, paper: null }));
  return [...paper, ...ours];
}

/** The paper's value of a task in a column ("—" where the paper has none), with its star. */
export function paperText(task: TaskId, column: TableColumn): string {
  const row = paperRows.find((r) => r.task === task)!;
  if (column.paper === null) return '—';
  const v = row.values[column.paper];
  return v == null ? '—' : `${v.toFixed(1)}${row.starred === column.paper ? '*' : ''}`;
}
