import { useRef } from 'react';
import { useDrawEachSnapshot, useSnapshotPart } from '../../runtime/useTrainingRun';
import { LineLegend } from '../shared/RunControls';
import { useElementWidth } from '../shared/useElementWidth';
import { useElementHeight } from '../shared/useElementHeight';
import { tasks, type TaskId } from '../../ml/tasks';
import type { EstimatorId } from '../../ml/estimators/registry';
import { curvesId, curvesNote, curvesOf, curvesText, drawTaskCurves } from './draw';
import type { TableSnapshot } from './tableJob';

/** The chart's height where the page does not size it (the reading view, print). */
const HEIGHT = 290;
/** On the stage the chart takes the room the slide has left, within these bounds. */
const MIN_HEIGHT = 150;
const MAX_HEIGHT = 400;

/** Figs. 3 and 4 of the paper, live: the shown task's held-out curves, one line per estimator. */
export function TaskCurves({
  job,
  task,
  training,
  rows,
  estimators,
  steps,
}: {
  job: TableSnapshot | null;
  task: TaskId;
  /** The task the whole table trains now (null unless it plays). */
  training: TaskId | null;
  /** The whole table's tasks, in the order it trains them. */
  rows: readonly TaskId[];
  /** Steps of each run (the x axis' length). */
  steps: number;
  estimators: readonly EstimatorId[];
}) {
  const svg = useRef<SVGSVGElement>(null);
  // Drawn at the width it is shown, so that its text keeps its CSS size (17 px).
  const [box, boxWidth] = useElementWidth(640);
  const width = boxWidth - 8;
  // On the stage a flex box sizes the plot (table.css): a message or an open panel above
  // shrinks the chart rather than pushing its axis labels off the slide.
  const [plot, plotHeight] = useElementHeight(HEIGHT);
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, plotHeight)));
  // The curves gain a point every CURVE_EVERY steps, not every snapshot (about a frame):
  // kept as the same array until their points change, so that the chart redraws only then.
  const curves = useSnapshotPart(job?.curves ?? null, job ? curvesId(job.curves) : null);
  useDrawEachSnapshot(
    curves,
    (curves) => {
      // Drawn once the job exists (by then the figure's width is measured), as the race does.
      if (curves && svg.current) drawTaskCurves(svg.current, curves, task, steps, width, height);
    },
    `${width}x${height}|${task}|${steps}`,
  );
  const shown = curvesOf(curves ?? [], task);
  const figure = task.startsWith('sbn') ? 'Fig. 3' : 'Fig. 4';
  const note = curvesNote(task, training, rows);
  const legend = (shown.length > 0 ? shown.map((c) => c.estimator) : estimators).map((name) => ({
    name,
    stopped: null,
  }));
  return (
    <figure className="widget__panel paper-curves" ref={box}>
      <figcaption>
        {tasks[task].label}: held-out {tasks[task].objective} per image against steps (as the
        paper’s {figure}; the first seed).
        {note ? <span className="paper-curves__note"> {note}</span> : null}
      </figcaption>
      <div className="paper-curves__plot" ref={plot}>
        <svg ref={svg} role="img" aria-label={curvesText(curves ?? [], task)} />
      </div>
      <LineLegend lines={legend} />
    </figure>
  );
}
