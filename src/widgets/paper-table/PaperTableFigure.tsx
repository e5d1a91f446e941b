import { useMemo, useState } from 'react';
import { curvesId } from './draw';
import '../shared/widget.css';
import './table.css';
import type { WidgetProps } from '../widgetProps';
import { WidgetHeader } from '../shared/WidgetHeader';
import { pictureSettings } from '../shared/figureFiles';
import { useWidgetState } from '../shared/useWidgetState';
import { usePlaying } from '../../deck/stores/playing';
import { useSnapshotPart, useTrainingBackend, useTrainingRun } from '../../runtime/useTrainingRun';
import { datasets } from '../shared/datasets';
import { useRaceData } from '../shared/useRaceData';
import { DataLoadStatus } from '../shared/DataLoadStatus';
import { restartNotice } from '../shared/restartNotice';
import {
  defaultTableSettings,
  formatTableSettings,
  jobSettings,
  parseTableSettings,
  runKey,
  tableSchema,
  type TableSettings,
} from './model';
import type { TableRunParams, TableSnapshot } from './tableJob';
import { RunButtons, TableOptions, TaskSwitcher } from './TableControls';
import { JobProgress } from './JobProgress';
import { TaskCurves } from './TaskCurves';
import { CELL_COLUMNS, cellRows, cellsId, LiveTable } from './LiveTable';

const model = {
  parse: parseTableSettings,
  format: formatTableSettings,
  defaults: defaultTableSettings,
};

/**
 * As fast as the worker goes: the job's steps are paced by its time slices,
 * not by a speed a student chooses (a whole table is many minutes of training).
 */
const AS_FAST_AS_IT_GOES = 10_000;

/** The results slide live: the four tasks' curves (Figs. 3 and 4) and Table 1, filled by this browser. */
export function PaperTableFigure({ active, step: slideStep }: WidgetProps) {
  const { state, setState, problems, setProblem } = useWidgetState(model);
  const compute = useTrainingBackend();
  const backend = compute.state === 'ready' ? compute.info.name : null;
  // The table is the paper's on the digits (tasks.ts sizes its models for them).
  const info = datasets.digits;
  const { load, retry } = useRaceData(info);
  const [playing, setPlaying] = usePlaying('paper-table');
  const [optionsOpen, setOptionsOpen] = useState(false);

  const job = jobSettings(state);
  const key =
    backend && load.status === 'ready' && job.estimators.length > 0 && job.tasks.length > 0
      ? runKey(state, backend)
      : null;
  const run = useTrainingRun<TableSnapshot>({
    // The whole table and the one-task view are runs of two kinds: the worker keeps one of
    // each, so watching one task live does not drop a whole table in progress.
    kind: state.scope === 'table' ? 'table' : 'task',
    key,
    params: (): TableRunParams | null =>
      key && load.status === 'ready' ? { key, settings: job, data: load.set } : null,
    playing,
    setPlaying,
    active,
    stepsPerSecond: AS_FAST_AS_IT_GOES,
    testHook: 'paperTable',
  });
  const snapshot = run.snapshot;
  const whole = state.scope === 'table';
  // The cells change when a run of the job ends, not with every snapshot (about a frame):
  // the table re-renders only then, or when its settings change.
  const cells = useSnapshotPart(snapshot?.cells ?? null, snapshot ? cellsId(snapshot.cells) : null);
  const curves = useSnapshotPart(
    snapshot?.curves ?? null,
    snapshot ? curvesId(snapshot.curves) : null,
  );
  const rates = job.learningRates.join(',');
  const table = useMemo(
    () => (
      <LiveTable
        cells={cells ?? []}
        curves={curves ?? []}
        settings={state}
        shown={state.task}
        learningRates={rates.split(',').map(Number)}
        seeds={job.seeds}
        datasetLabel={info.label}
      />
    ),
    [cells, curves, state, rates, job.seeds, info.label],
  );

  // While the whole table plays, the switcher marks the task that trains now and a note
  // under the curves says where the shown task is (the job trains the rows in turn).
  const training = whole && playing ? (snapshot?.current?.task ?? null) : null;
  // The switcher marks the task that trains now; the shown task stays the one chosen, and a
  // note under the curves says where the training is (TaskCurves).
  const shown = state.task;

  // A change of what the job trains starts it again, and says so (one task's run at a time:
  // switching the task starts that task's run anew); the scope switches between two kept runs.
  const [notice, setNotice] = useState('');
  const update = (patch: Partial<TableSettings>) => {
    const next = { ...state, ...patch };
    if (runKey(next, '') !== runKey(state, '')) {
      run.setPlaying(false);
      const what = whole ? 'the whole table' : patch.task ? 'that task’s run' : 'the run';
      const step = snapshot?.step ?? 0;
      setNotice(patch.scope ? '' : restartNotice(tableSchema, state, patch, step, what));
    }
    setState((s) => ({ ...s, ...patch }));
  };
  return (
    <div
      className="widget paper-table"
      data-step={snapshot?.step ?? 0}
      data-scope={state.scope}
      // The slide's first step shows the curves, its second the table.
      data-view={slideStep >= 1 ? 'table' : 'curves'}
      data-playing={playing || undefined}
      data-finished={snapshot?.finished || undefined}
    >
      <WidgetHeader
        title="Table 1, live"
        onNewSeed={(seed) => update({ seed })}
        onReset={() => {
          setNotice('');
          run.reset();
        }}
        problems={problems}
        compute={compute}
        save={{
          settings: pictureSettings(formatTableSettings(state), { step: snapshot?.step ?? 0 }),
          svg: false,
          tables: [
            {
              label: 'cells',
              name: 'cells',
              columns: CELL_COLUMNS,
              rows: () => (snapshot ? cellRows(snapshot.cells) : null),
            },
          ],
        }}
      />
      <div className="paper-bar">
        {/* Switching the task while the whole table runs only changes the curves shown. */}
        <TaskSwitcher
          task={shown}
          training={training}
          onChange={(task) => (whole ? setState((s) => ({ ...s, task })) : update({ task }))}
        />
        <RunButtons
          state={state}
          playing={playing}
          finished={snapshot?.finished ?? false}
          canRun={run.canRun}
          onPlay={() => {
            setNotice('');
            run.setPlaying(!playing);
          }}
          onStep={run.step}
          onScope={(scope) => {
            update({ scope });
            // "Run the whole table" plays its job once it exists, through the run's own
            // resume (remembered for the job: leaving the slide at once, it plays when back).
            if (scope === 'table' && backend)
              run.playWhenOpened(runKey({ ...state, scope }, backend));
          }}
        />
      </div>
      {/* The options exist only while open: a closed details' content would still be printed. */}
      <details
        className="paper-settings"
        open={optionsOpen}
        onToggle={(e) => setOptionsOpen(e.currentTarget.open)}
      >
        <summary>Settings of the runs</summary>
        {optionsOpen ? (
          <TableOptions
            state={state}
            stepsPerSecond={snapshot?.stepsPerSecond ?? null}
            onChange={update}
            onProblem={setProblem}
          />
        ) : null}
      </details>
      <p className="widget__notice" role="status">
        {notice}
      </p>
      <DataLoadStatus load={load} info={info} onRetry={retry} />
      {job.estimators.length === 0 || job.tasks.length === 0 ? (
        <p className="race-status" role="status">
          Choose at least one {job.estimators.length === 0 ? 'estimator' : 'row'} to run (Settings
          of the runs).
        </p>
      ) : null}
      {run.error ? (
        <p className="widget__problem" role="alert">
          Training stopped: {run.error}
        </p>
      ) : null}
      <JobProgress job={snapshot} whole={whole} seeds={job.seeds} />
      <TaskCurves
        job={snapshot}
        task={shown}
        training={training}
        rows={state.tasks}
        estimators={state.estimators}
        steps={state.steps}
      />
      {table}
    </div>
  );
}
