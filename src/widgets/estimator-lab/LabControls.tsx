import { NumberSelect } from '../shared/NumberSelect';
import { LabelledNumberField } from '../shared/NumberField';
import { PlayStepButtons } from '../shared/RunControls';
import { labSchema, type LabSettings } from './model';
import { presets, type PresetName } from '../../ml/toyProblems';
import { stepsPerSecondAt } from '../../runtime/pacing';

interface LabControlsProps {
  state: LabSettings;
  playing: boolean;
  canRun: boolean;
  presetNames: PresetName[];
  fixedK: number | undefined;
  onChange: (patch: Partial<LabSettings>) => void;
  /** A message about a typed value (by link key), or null to clear it. */
  onProblem: (key: string, text: string | null) => void;
  onPlay: () => void;
  onStep: () => void;
  onReset: () => void;
  onNewSeed: () => void;
}

const LEARNING_RATES = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30];
const SAMPLES = [1, 2, 4, 8, 16, 64, 256];
const SPEEDS = [1, 2, 5, 10, 20, 50];
const TAUS = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

/** The lab's settings and run buttons; every control is labelled. */
export function LabControls(p: LabControlsProps) {
  const { state } = p;
  return (
    <div className="lab-controls">
      <label>
        Problem{' '}
        <select
          value={state.preset}
          onChange={(e) => p.onChange({ preset: e.target.value as PresetName })}
        >
          {p.presetNames.map((name) => (
            <option key={name} value={name}>
              {presets[name].label}
            </option>
          ))}
        </select>
      </label>
      <LabelledNumberField
        setting={labSchema.k}
        value={p.fixedK ?? state.k}
        disabled={p.fixedK !== undefined}
        onChange={(k) => p.onChange({ k })}
        onProblem={p.onProblem}
      />
      <NumberSelect
        label={labSchema.tau.label}
        values={TAUS}
        value={state.tau}
        onChange={(tau) => p.onChange({ tau })}
      />
      <NumberSelect
        label={labSchema.learningRate.label}
        values={LEARNING_RATES}
        value={state.learningRate}
        onChange={(learningRate) => p.onChange({ learningRate })}
      />
      <NumberSelect
        label={labSchema.samples.label}
        values={SAMPLES}
        value={state.samples}
        onChange={(samples) => p.onChange({ samples })}
      />
      <label>
        <input
          type="checkbox"
          checked={state.withBaseline}
          onChange={(e) => p.onChange({ withBaseline: e.target.checked })}
        />{' '}
        baseline
      </label>
      <NumberSelect
        label="speed, at most"
        values={SPEEDS}
        format={(speed) => `${stepsPerSecondAt(speed)} steps/s`}
        value={state.speed}
        onChange={(speed) => p.onChange({ speed })}
      />
      <span className="lab-controls__buttons">
        <PlayStepButtons
          playing={p.playing}
          canRun={p.canRun}
          onPlay={p.onPlay}
          onStep={p.onStep}
        />
        <button type="button" onClick={p.onReset}>
          Reset
        </button>
        <button type="button" onClick={p.onNewSeed}>
          New seed
        </button>
        <span className="lab-controls__seed">seed {state.seed}</span>
      </span>
    </div>
  );
}
