import { memo } from 'react';
import { PlayStepButtons } from '../shared/RunControls';
import { SettingControl } from '../shared/SettingControl';
import { labSchema, type LabSettings } from './model';
import { notOfferedNote, offeredFor } from '../shared/estimatorChoice';
import type { PresetName } from '../../ml/toyProblems';

interface LabControlsProps {
  state: LabSettings;
  playing: boolean;
  canRun: boolean;
  presetNames: PresetName[];
  fixedK: number | undefined;
  /**
   * The appendix's lab: the estimators are chosen in a group of checkboxes
   * (the baseline flag is then one of them), and equal evaluations can be set.
   */
  chooseEstimators: boolean;
  onChange: (patch: Partial<LabSettings>) => void;
  /** A message about a typed value (by link key), or null to clear it. */
  onProblem: (key: string, text: string | null) => void;
  onPlay: () => void;
  onStep: () => void;
  onReset: () => void;
  onNewSeed: () => void;
}

/**
 * The lab's settings and run buttons; every control is labelled. Memoized:
 * the lab re-renders with every snapshot, its settings only when they change.
 */
export const LabControls = memo(function LabControls(p: LabControlsProps) {
  const { state } = p;
  const k = p.fixedK ?? state.k;
  return (
    <div className="lab-controls">
      <SettingControl
        setting={labSchema.preset}
        value={state.preset}
        choices={p.presetNames}
        onChange={(preset) => p.onChange({ preset })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={labSchema.k}
        value={p.fixedK ?? state.k}
        disabled={p.fixedK !== undefined}
        onChange={(k) => p.onChange({ k })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={labSchema.tau}
        value={state.tau}
        onChange={(tau) => p.onChange({ tau })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={labSchema.learningRate}
        value={state.learningRate}
        onChange={(learningRate) => p.onChange({ learningRate })}
        onProblem={p.onProblem}
      />
      <SettingControl
        setting={labSchema.samples}
        value={state.samples}
        onChange={(samples) => p.onChange({ samples })}
        onProblem={p.onProblem}
      />
      {p.chooseEstimators ? (
        <SettingControl
          setting={labSchema.equalEvaluations}
          value={state.equalEvaluations}
          onChange={(equalEvaluations) => p.onChange({ equalEvaluations })}
          onProblem={p.onProblem}
        />
      ) : (
        <SettingControl
          setting={labSchema.withBaseline}
          value={state.withBaseline}
          onChange={(withBaseline) => p.onChange({ withBaseline })}
          onProblem={p.onProblem}
        />
      )}
      <SettingControl
        setting={labSchema.speed}
        value={state.speed}
        onChange={(speed) => p.onChange({ speed })}
        onProblem={p.onProblem}
      />
      {p.chooseEstimators ? (
        <SettingControl
          setting={labSchema.estimators}
          value={state.estimators}
          choices={offeredFor(k)}
          note={notOfferedNote(k)}
          folded
          onChange={(estimators) => p.onChange({ estimators })}
          onProblem={p.onProblem}
        />
      ) : null}
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
});
