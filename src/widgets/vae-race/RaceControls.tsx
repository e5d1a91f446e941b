import { memo } from 'react';
import { PlayStepButtons } from '../shared/RunControls';
import { SettingControl } from '../shared/SettingControl';
import { datasets } from '../shared/datasets';
import { exactPossible, raceSchema, type RaceSettings } from './model';
import { notOfferedNote, offeredFor } from '../shared/estimatorChoice';

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

/** The race's settings and run buttons; every control is labelled. Memoized: the race re-renders with every snapshot. */
export const RaceControls = memo(function RaceControls(p: RaceControlsProps) {
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
      <SettingControl
        setting={raceSchema.speed}
        value={state.speed}
        onChange={(speed) => p.onChange({ speed })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={raceSchema.dataset}
        value={state.dataset}
        onChange={(dataset) => {
          const info = datasets[dataset];
          p.onChange({ dataset, latents: info.latents, classes: info.classes, exact: false });
        }}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={raceSchema.latents}
        value={state.latents}
        onChange={(latents) => setSize({ latents, classes: state.classes })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={raceSchema.classes}
        value={state.classes}
        onChange={(classes) => setSize({ latents: state.latents, classes })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={raceSchema.learningRate}
        value={state.learningRate}
        onChange={(learningRate) => p.onChange({ learningRate })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={raceSchema.schedule}
        value={state.schedule}
        onChange={(schedule) => p.onChange({ schedule })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={raceSchema.exact}
        value={state.exact}
        disabled={!canExact}
        title={canExact ? undefined : 'Needs K^N ≤ 256, e.g. N = 4, K = 4'}
        note={canExact ? undefined : '(K^N ≤ 256)'}
        onChange={(exact) => p.onChange({ exact })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={raceSchema.estimators}
        value={state.estimators}
        choices={offeredFor(state.classes)}
        note={notOfferedNote(state.classes)}
        folded
        onChange={(estimators) => p.onChange({ estimators })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={raceSchema.seed}
        value={state.seed}
        onChange={(seed) => p.onChange({ seed })}
        onProblem={p.onProblem}
      />
    </div>
  );
});
