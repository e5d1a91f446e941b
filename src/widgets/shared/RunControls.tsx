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

/** Every line's colour and name, marked when it stopped. */
export function LineLegend({ lines }: { lines: readonly { name: LineName; stopped: unknown }[] }) {
  return (
    <p className="line-legend">
      {lines.map((l) => (
        <span key={l.name}>
          <span className="swatch" style={{ background: lineColors[l.name] }} aria-hidden="true" />
          {lineLabels[l.name]}
          {l.stopped ? ' (stopped)' : ''}
        </span>
      ))}
    </p>
  );
}
