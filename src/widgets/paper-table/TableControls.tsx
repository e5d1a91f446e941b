import { taskIds, tasks, type TaskId } from '../../ml/tasks';
import { PlayStepButtons } from '../shared/RunControls';
import { SettingControl } from '../shared/SettingControl';
import { gridCostText, tableSchema, type TableSettings } from './model';

/** The four tasks as one radio group: which task's curves are shown (and, alone, trained). */
export function TaskSwitcher({
  task,
  training = null,
  onChange,
}: {
  task: TaskId;
  /** The task the whole table trains now, marked as such. */
  training?: TaskId | null;
  onChange: (task: TaskId) => void;
}) {
  return (
    <fieldset className="paper-tasks">
      <legend>task</legend>
      {taskIds.map((id) => (
        <label key={id} className={id === task ? 'is-chosen' : undefined}>
          <input
            type="radio"
            name="paper-table-task"
            value={id}
            checked={id === task}
            onChange={() => onChange(id)}
          />
          {tasks[id].label}
          {id === training ? <span className="paper-tasks__now"> (training)</span> : null}
        </label>
      ))}
    </fieldset>
  );
}

interface RunButtonsProps {
  state: TableSettings;
  playing: boolean;
  /** The job of the scope shown has done all its steps. */
  finished: boolean;
  canRun: boolean;
  onPlay: () => void;
  onStep: () => void;
  onScope: (scope: TableSettings['scope']) => void;
}

/** Play/Pause, and the switch between the shown task alone and the whole table. */
export function RunButtons(p: RunButtonsProps) {
  const whole = p.state.scope === 'table';
  return (
    <span className="paper-run">
      <PlayStepButtons playing={p.playing} canRun={p.canRun} onPlay={p.onPlay} onStep={p.onStep} />
      {whole ? (
        // The whole table's job stays in the worker, paused: "Run the whole table" resumes it.
        <button type="button" onClick={() => p.onScope('task')}>
          {p.finished ? 'Train one task live' : 'Train one task live (the table waits)'}
        </button>
      ) : (
        <button type="button" onClick={() => p.onScope('table')}>
          Run the whole table
        </button>
      )}
    </span>
  );
}

interface TableOptionsProps {
  state: TableSettings;
  stepsPerSecond: number | null;
  onChange: (patch: Partial<TableSettings>) => void;
  onProblem: (key: string, text: string | null) => void;
}

/** The job's settings; every control is labelled, and the grid says what it costs. */
export function TableOptions({ state, stepsPerSecond, onChange, onProblem }: TableOptionsProps) {
  return (
    <div className="paper-options">
      <SettingControl
        setting={tableSchema.tasks}
        value={state.tasks}
        folded
        onChange={(tasks) => onChange({ tasks })}
        onProblem={onProblem}
      />
      <SettingControl
        setting={tableSchema.steps}
        value={state.steps}
        onChange={(steps) => onChange({ steps })}
        onProblem={onProblem}
      />
      <SettingControl
        setting={tableSchema.seeds}
        value={state.seeds}
        onChange={(seeds) => onChange({ seeds })}
        onProblem={onProblem}
      />
      <SettingControl
        setting={tableSchema.learningRate}
        value={state.learningRate}
        onChange={(learningRate) => onChange({ learningRate })}
        onProblem={onProblem}
      />
      <SettingControl
        setting={tableSchema.grid}
        value={state.grid}
        note={`(whole table: ${gridCostText(state, stepsPerSecond)})`}
        onChange={(grid) => onChange({ grid })}
        onProblem={onProblem}
      />
      <SettingControl
        setting={tableSchema.varianceNormalization}
        value={state.varianceNormalization}
        onChange={(varianceNormalization) => onChange({ varianceNormalization })}
        onProblem={onProblem}
      />
      <SettingControl
        setting={tableSchema.estimators}
        value={state.estimators}
        folded
        onChange={(estimators) => onChange({ estimators })}
        onProblem={onProblem}
      />
      <SettingControl
        setting={tableSchema.seed}
        value={state.seed}
        onChange={(seed) => onChange({ seed })}
        onProblem={onProblem}
      />
    </div>
  );
}
