import { lineLabels, type LineName } from './estimatorLines';

/**
 * The alerts of a training run: why it stopped with an error, or which lines
 * stopped (they diverged) while the others go on.
 */
export function RunAlerts(p: {
  error: string | null;
  stoppedLines: readonly { name: LineName; stopped: string | null }[];
  /** The sentence after the stopped lines, e.g. “The others go on.” */
  othersGoOn: string;
}) {
  return (
    <>
      {p.error && (
        <p className="widget__problem" role="alert">
          Training stopped: {p.error}
        </p>
      )}
      {p.stoppedLines.length > 0 && (
        <p className="widget__problem" role="alert">
          {p.stoppedLines.map((l) => `${lineLabels[l.name]} ${l.stopped}.`).join(' ')}{' '}
          {p.othersGoOn}
        </p>
      )}
    </>
  );
}
