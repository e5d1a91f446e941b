import { estimatorById, type EstimatorId } from '../../ml/estimators/registry';
import { taskIds, tasks, type TaskId } from '../../ml/tasks';
import { paperRows, starNote } from '../shared/paperTable1';
import { cellOf, cellText, notRunText, paperText, rateText, tableColumns } from './cells';
import { LEARNING_RATE_GRID, type TableSettings } from './model';
import type { TableCell, TableCurve } from './tableJob';
import { CELL_NLL_SAMPLES, CURVE_NLL_SAMPLES } from './tableSettings';

interface LiveTableProps {
  cells: readonly TableCell[];
  /** Seed 0's held-out curves: a cell no seed has finished shows its last point. */
  curves: readonly TableCurve[];
  settings: TableSettings;
  /** The task the curves show: its columns are marked, and a phone shows only them. */
  shown: TaskId;
  /** The learning rates of the job the cells come from. */
  learningRates: readonly number[];
  /** Seeds per cell of the job the cells come from. */
  seeds: number;
  datasetLabel: string;
}

/**
 * Table 1 turned (an estimator a row, a task a pair of columns), so that the
 * paper's number and this browser's sit side by side, cell by cell, at 17 px
 * on the stage; a phone keeps the shown task's pair only.
 */
export function LiveTable({
  cells,
  curves,
  settings,
  shown,
  learningRates,
  seeds,
  datasetLabel,
}: LiveTableProps) {
  const columns = tableColumns(settings.estimators);
  const commonRate = learningRates.length === 1 ? learningRates[0]! : null;
  const group = (task: TaskId) => `t-${task}${task === shown ? ' is-shown' : ' is-other'}`;
  const missing = columns.filter((c) => c.estimator === null).map((c) => c.label);
  const objective = (task: TaskId) => paperRows.find((r) => r.task === task)!.label;
  return (
    <div className="paper-live-table" data-shown={shown}>
      <table>
        <caption>
          Table 1 of Jang, Gu &amp; Poole (2017), MNIST, beside this browser’s runs on{' '}
          {datasetLabel}: held-out NLL or −ELBO in nats, lower is better
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Estimator
            </th>
            {taskIds.map((task) => (
              <th scope="colgroup" colSpan={2} key={task} className={group(task)}>
                {objective(task)}
              </th>
            ))}
          </tr>
          <tr>
            {taskIds.map((task) => [
              <th scope="col" key={`${task}-p`} className={group(task)}>
                paper
              </th>,
              <th scope="col" key={`${task}-o`} className={`${group(task)} paper-live-table__ours`}>
                ours
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <tr key={column.label}>
              <th scope="row" title={column.paper === null ? 'ours, not in the paper' : undefined}>
                {column.label}
              </th>
              {taskIds.map((task) => {
                const ours =
                  column.estimator && settings.estimators.includes(column.estimator)
                    ? (notRunText(task, column.estimator) ??
                      cellText(
                        cellOf(cells, task, column.estimator),
                        commonRate,
                        latestOf(curves, task, column.estimator),
                      ))
                    : {
                        value: '—',
                        detail: '',
                        full: column.estimator ? 'Not chosen.' : 'Not in this build yet.',
                      };
                return [
                  <td key={`${task}-p`} className={group(task)}>
                    {paperText(task, column)}
                  </td>,
                  <td
                    key={`${task}-o`}
                    className={`${group(task)} paper-live-table__ours`}
                    title={ours.full}
                    data-task={task}
                    data-estimator={column.estimator ?? undefined}
                    data-provisional={ours.provisional || undefined}
                  >
                    <span className="paper-live-table__value">{ours.value}</span>
                    {ours.detail ? (
                      <span className="paper-live-table__detail">
                        {/* A no-break space: a leading space of an inline-block collapses. */}
                        {'\u00a0· '}
                        {ours.detail}
                      </span>
                    ) : null}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="paper-live-table__note">
        Ours: Adam, {settings.steps.toLocaleString('en')} steps, mean ± sd over{' '}
        {seeds === 1 ? 'one seed' : `${seeds} seeds`} (a cell still filling says how many; before
        any seed finishes, the first seed’s value so far, “after N steps”),{' '}
        {commonRate === null
          ? `each cell at its best held-out learning rate of ${LEARNING_RATE_GRID.map(rateText).join(', ')}`
          : `learning rate ${rateText(commonRate)}`}
        , variance normalization (SF, DARN, MuProp) {settings.varianceNormalization ? 'on' : 'off'};
        VAE: one-hot −ELBO; SBN: NLL, −log of the mean likelihood over{' '}
        {CELL_NLL_SAMPLES.toLocaleString('en')} samples per held-out image (the curves’ points
        before the last: {CURVE_NLL_SAMPLES}). The paper: SGD with momentum 0.9, a rate per
        estimator, variance normalization on, 28×28 MNIST, far more steps: compare the order, not
        the numbers. {starNote} † Ours only: a moving-average baseline.
        {columns.some((c) => c.paper === null) ? ' ‡ Ours, not in the paper.' : ''}
        {missing.length > 0 ? ` Not in this build yet: ${missing.join(', ')}.` : ''}
      </p>
    </div>
  );
}

/** What the cells hold, in short: it changes when (and only when) a cell's content does. */
export const cellsId = (cells: readonly TableCell[]) =>
  cells
    .map(
      (c) =>
        `${c.task}:${c.estimator}:${c.values.join(',')}:${c.stopped}:${c.learningRate}:${c.steps}:${c.seeds}`,
    )
    .join('|');

/** Seed 0's last held-out point of a task and estimator, if its curve has one. */
function latestOf(curves: readonly TableCurve[], task: TaskId, estimator: EstimatorId) {
  const curve = curves.find((c) => c.task === task && c.estimator === estimator);
  const i = (curve?.steps.length ?? 0) - 1;
  return curve && i >= 0 ? { step: curve.steps[i]!, value: curve.values[i]! } : undefined;
}

/** Every cell as rows of a CSV table (Save menu): one row per task and estimator. */
export const CELL_COLUMNS = [
  'task',
  'estimator',
  'mean',
  'spread',
  'values',
  'seeds',
  'stopped',
  'steps',
  'learning_rate',
  'optimizer',
] as const;

export const cellRows = (cells: readonly TableCell[]) =>
  cells.map((c) => ({
    task: tasks[c.task].label,
    estimator: estimatorById(c.estimator).label,
    mean: c.mean ?? '',
    spread: c.spread ?? '',
    values: c.values.join(' '),
    seeds: c.seeds,
    stopped: c.stopped,
    steps: c.steps,
    learning_rate: c.learningRate,
    optimizer: c.optimizer,
  }));
