/** Drawing for the results table's curves (Figs. 3 and 4): d3 inside the <svg> it is handed. */
import { extent } from 'd3';
import { drawLineChart } from '../../plots/lineChart';
import { lineColors, lineLabels } from '../shared/estimatorLines';
import { tasks, type TaskId } from '../../ml/tasks';
import type { TableCurve } from './tableJob';

/** The curves of one task: held-out objective against steps, one line per estimator. */
export const curvesOf = (curves: readonly TableCurve[], task: TaskId) =>
  curves.filter((c) => c.task === task);

/** What the curves hold, in short: it changes when (and only when) a curve gains a point. */
export const curvesId = (curves: readonly TableCurve[]) =>
  curves.map((c) => `${c.task}:${c.estimator}:${c.steps.length}:${c.values.at(-1)}`).join('|');

export function drawTaskCurves(
  svg: SVGSVGElement,
  curves: readonly TableCurve[],
  task: TaskId,
  /** Steps of a run: the x axis goes from 0 to it. */
  steps: number,
  width: number,
  height: number,
) {
  const shown = curvesOf(curves, task).filter((c) => c.steps.length > 0);
  const [low = 0, high = 1] = extent(
    shown.flatMap((c) => c.values),
    (v) => (Number.isFinite(v) ? v : NaN),
  );
  const pad = Math.max(0.5, 0.05 * (high - low));
  drawLineChart(svg, {
    width,
    height,
    series: shown.map((c) => ({
      name: c.estimator,
      color: lineColors[c.estimator],
      xs: c.steps,
      ys: c.values,
    })),
    yDomain: [Math.max(0, low - pad), high + pad],
    xDomain: [0, Math.max(steps, ...shown.map((c) => c.steps.at(-1) ?? 0))],
    yLabel: `held-out ${tasks[task].objective} (nats)`,
    xLabel: 'step',
  });
}

/** The curves in words, for screen readers and the reading view. */
export function curvesText(curves: readonly TableCurve[], task: TaskId): string {
  const shown = curvesOf(curves, task);
  if (shown.every((c) => c.steps.length === 0)) return `${tasks[task].label}: no curve yet.`;
  const parts = shown.map((c) => {
    const last = c.values.at(-1);
    const at = c.steps.at(-1);
    return last === undefined
      ? `${lineLabels[c.estimator]}: not evaluated yet`
      : `${lineLabels[c.estimator]} ${last.toFixed(2)} nats at step ${at}`;
  });
  return `${tasks[task].label}, held-out ${tasks[task].objective}: ${parts.join('; ')}.`;
}

/**
 * What the curves show while the whole table trains (null when it does not):
 * the chart stays on the task chosen, so the note says which task trains now
 * and where the chosen task's curves are in the job (`rows`: the table's tasks, in the order they train).
 */
export function curvesNote(
  shown: TaskId,
  training: TaskId | null,
  rows: readonly TaskId[],
): string | null {
  if (training === null) return null;
  if (training === shown)
    return 'Training now: these curves grow as the whole table trains this task.';
  const now = rows.indexOf(training);
  const at = rows.indexOf(shown);
  const these =
    at < 0
      ? 'this task is not a row of the whole table'
      : at < now
        ? 'these curves were drawn in this task’s turn'
        : 'these curves fill when this task’s turn comes';
  return `The whole table trains ${tasks[training].label} now (choose it above to watch its curves grow); ${these}.`;
}
