import { lineColors, lineLabels, type LineName } from './estimatorLines';

/** Play/Pause and Step for a training run; Play stays enabled while playing, so it can pause. */
export function PlayStepButtons(p: {
  playing: boolean;
  canRun: boolean;
  onPlay: () => void;
  onStep: () => void;
}) {
  return (
    <>
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
    </>
  );
}

/**
 * Every line's colour and name, marked when it stopped, and, given `cost`,
 * its evaluations of f per step (as “· 4 f”).
 */
export function LineLegend({
  lines,
  cost,
}: {
  lines: readonly { name: LineName; stopped: unknown }[];
  cost?: ((name: LineName) => number | null) | undefined;
}) {
  return (
    <p className="line-legend">
      {lines.map((l) => {
        const n = cost?.(l.name) ?? null;
        return (
          <span key={l.name}>
            <span
              className="swatch"
              style={{ background: lineColors[l.name] }}
              aria-hidden="true"
            />
            {lineLabels[l.name]}
            {n === null ? '' : ` · ${n} f`}
            {l.stopped ? ' (stopped)' : ''}
          </span>
        );
      })}
    </p>
  );
}
