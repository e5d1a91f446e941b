import { useRef } from 'react';
import { useDrawEachSnapshot, useSnapshotPart } from '../../runtime/useTrainingRun';
import { LineLegend } from '../shared/RunControls';
import { useElementWidth } from '../shared/useElementWidth';
import { tasks, type TaskId } from '../../ml/tasks';
import type { EstimatorId } from '../../ml/estimators/registry';
import { curvesId, curvesOf, curvesText, drawTaskCurves } from './draw';
import type { TableSnapshot } from './tableJob';

/** Figs. 3 and 4 of the paper, live: the shown task's held-out curves, one line per estimator. */
export function TaskCurves({
  job,
  task,
  estimators,
  steps,
}: {
  job: TableSnapshot | null;
  task: TaskId;
  /** Steps of each run (the x axis' length). */
  steps: number;
  estimators: readonly EstimatorId[];
}) {
  const svg = useRef<SVGSVGElement>(null);
  // Drawn at the width it is shown, so that its text keeps its CSS size (17 px).
  const [box, boxWidth] = useElementWidth(640);
  const width = boxWidth - 8;
  const height = 290;
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
  const legend = (shown.length > 0 ? shown.map((c) => c.estimator) : estimators).map((name) => ({
    name,
    stopped: null,
  }));
  return (
    <figure className="widget__panel paper-curves" ref={box}>
      <figcaption>
        {tasks[task].label}: held-out {tasks[task].objective} per image against steps (as the
        paper’s {figure}; seed 0).
      </figcaption>
      <svg ref={svg} role="img" aria-label={curvesText(curves ?? [], task)} />
      <LineLegend lines={legend} />
    </figure>
  );
}
