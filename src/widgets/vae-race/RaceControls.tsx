import { NumberSelect } from '../shared/NumberSelect';
import { LabelledNumberField } from '../shared/NumberField';
import { PlayStepButtons } from '../shared/RunControls';
import { datasetNames, datasets, type DatasetName } from './datasets';
import {
  exactPossible,
  raceSchema,
  schedules,
  type RaceSettings,
  type ScheduleName,
} from './model';
import { stepsPerSecondAt } from '../../runtime/pacing';

interface RaceControlsProps {
  state: RaceSettings;
  playing: boolean;
  canRun: boolean;
  onChange: (patch: Partial<RaceSettings>) => void;
  /** A message about a typed value (by link key), or null to clear it. */
  onProblem: (key: string, text: string | null) => void;
  onPlay: () => void;
  onStep: () => void;
}

const LEARNING_RATES = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2];
const SPEEDS = [1, 2, 5, 10, 20, 50];

/** The race's settings and run buttons; every control is labelled. */
export function RaceControls(p: RaceControlsProps) {
  const { state } = p;
  const canExact = exactPossible(state);
  // A new N or K keeps exact marginalization only while K^N stays small enough.
  const setSize = (size: { latents: number; classes: number }) =>
    p.onChange({ ...size, exact: state.exact && exactPossible(size) });
  return (
    <div className="race-controls">
      <span className="race-controls__buttons">
        <PlayStepButtons
          playing={p.playing}
          canRun={p.canRun}
          onPlay={p.onPlay}
          onStep={p.onStep}
        />
      </span>
      <NumberSelect
        label="speed, at most"
        values={SPEEDS}
        format={(speed) => `${stepsPerSecondAt(speed)} steps/s`}
        value={state.speed}
        onChange={(speed) => p.onChange({ speed })}
      />
      <label>
        data{' '}
        <select
          value={state.dataset}
          onChange={(e) => {
            const dataset = e.target.value as DatasetName;
            const info = datasets[dataset];
            p.onChange({ dataset, latents: info.latents, classes: info.classes, exact: false });
          }}
        >
          {datasetNames.map((name) => (
            <option key={name} value={name}>
              {datasets[name].label}
            </option>
          ))}
        </select>
      </label>
      <LabelledNumberField
        setting={raceSchema.latents}
        value={state.latents}
        onChange={(latents) => setSize({ latents, classes: state.classes })}
        onProblem={p.onProblem}
      />
      <LabelledNumberField
        setting={raceSchema.classes}
        value={state.classes}
        onChange={(classes) => setSize({ latents: state.latents, classes })}
        onProblem={p.onProblem}
      />
      <NumberSelect
        label={raceSchema.learningRate.label}
        values={LEARNING_RATES}
        value={state.learningRate}
        onChange={(learningRate) => p.onChange({ learningRate })}
      />
      <label>
        T schedule{' '}
        <select
          value={state.schedule}
          onChange={(e) => p.onChange({ schedule: e.target.value as ScheduleName })}
        >
          {(Object.keys(schedules) as ScheduleName[]).map((name) => (
            <option key={name} value={name}>
              {schedules[name].label}
            </option>
          ))}
        </select>
      </label>
      <label title={canExact ? undefined : 'Needs K^N ≤ 256, e.g. N = 4, K = 4'}>
        <input
          type="checkbox"
          checked={state.exact}
          disabled={!canExact}
          onChange={(e) => p.onChange({ exact: e.target.checked })}
        />{' '}
        exact {canExact ? '' : '(K^N ≤ 256)'}
      </label>
      <LabelledNumberField
        setting={raceSchema.seed}
        value={state.seed}
        onChange={(seed) => p.onChange({ seed: seed as RaceSettings['seed'] })}
        onProblem={p.onProblem}
      />
    </div>
  );
}
