import type { LabSettings } from './model';
import { presets, type PresetName } from './problems';

interface LabControlsProps {
  state: LabSettings;
  playing: boolean;
  canRun: boolean;
  presetNames: PresetName[];
  fixedK: number | undefined;
  limits: { k: readonly [number, number] };
  onChange: (patch: Partial<LabSettings>) => void;
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
  const pick = (values: number[], current: number) =>
    values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
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
      <label>
        K{' '}
        <input
          type="number"
          min={p.limits.k[0]}
          max={p.limits.k[1]}
          value={p.fixedK ?? state.k}
          disabled={p.fixedK !== undefined}
          onChange={(e) => {
            const k = Number(e.target.value);
            if (Number.isInteger(k) && k >= p.limits.k[0] && k <= p.limits.k[1]) p.onChange({ k });
          }}
        />
      </label>
      <label>
        τ{' '}
        <select value={state.tau} onChange={(e) => p.onChange({ tau: Number(e.target.value) })}>
          {pick(TAUS, state.tau).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        learning rate{' '}
        <select
          value={state.learningRate}
          onChange={(e) => p.onChange({ learningRate: Number(e.target.value) })}
        >
          {pick(LEARNING_RATES, state.learningRate).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label>
        samples/step{' '}
        <select
          value={state.samples}
          onChange={(e) => p.onChange({ samples: Number(e.target.value) })}
        >
          {pick(SAMPLES, state.samples).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={state.withBaseline}
          onChange={(e) => p.onChange({ withBaseline: e.target.checked })}
        />{' '}
        baseline
      </label>
      <label>
        steps/frame{' '}
        <select value={state.speed} onChange={(e) => p.onChange({ speed: Number(e.target.value) })}>
          {pick(SPEEDS, state.speed).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <span className="lab-controls__buttons">
        <button
          type="button"
          onClick={p.onPlay}
          disabled={!p.canRun && !p.playing}
          aria-pressed={p.playing}
        >
          {p.playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={p.onStep} disabled={!p.canRun}>
          Step
        </button>
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
