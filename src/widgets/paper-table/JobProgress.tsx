import { tasks } from '../../ml/tasks';
import { OMIT_ATTRIBUTE } from '../../plots/exportFigure';
import { rateText } from './cells';
import { durationText } from './model';
import type { TableSnapshot } from './tableJob';

const count = (n: number) => n.toLocaleString('en');

/**
 * How far the job is: a bar (a div with the progressbar role, so that the
 * handout does not wait on it as on a <progress>), the steps done, the time
 * left from the speed so far, and what trains now (the time left and the
 * speed are left out of pictures and the handout).
 */
export function JobProgress({
  job,
  whole,
  seeds,
}: {
  job: TableSnapshot | null;
  whole: boolean;
  seeds: number;
}) {
  const done = job?.progress.done ?? 0;
  const total = job?.progress.total ?? 0;
  const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
  const left = job?.progress.secondsLeft ?? null;
  const now = job?.current ?? null;
  const what = whole ? 'The whole table' : 'This task';
  const time = job?.finished
    ? 'done'
    : left === null
      ? 'time left: known once it trains'
      : `${durationText(left)} left`;
  const steps = `${what}: ${count(done)} of ${count(total)} steps (${percent} %)`;
  const summary = `${steps}, ${time}`;
  return (
    <div className="paper-progress">
      <div
        className="paper-progress__bar"
        role="progressbar"
        aria-label={`${what}, steps done`}
        aria-valuemin={0}
        aria-valuemax={Math.max(total, 1)}
        aria-valuenow={done}
        aria-valuetext={summary}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="paper-progress__text" aria-live="off" data-done={done} data-total={total}>
        {job?.finished ? summary : steps}
        {now
          ? ` · now ${tasks[now.task].label}, seed ${now.seed + 1} of ${seeds}, learning rate ${rateText(now.learningRate)}, step ${count(now.step)}`
          : ''}
        {/* Live status: not in a picture or the handout (it is stale the moment it is copied). */}
        <span className="paper-progress__live" {...{ [OMIT_ATTRIBUTE]: 'omit' }}>
          {job?.finished ? '' : ` · ${time}`}
          {job?.stepsPerSecond ? ` · ${Math.round(job.stepsPerSecond)} steps/s` : ''}
        </span>
      </p>
    </div>
  );
}
