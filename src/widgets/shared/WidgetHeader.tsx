import type { Seed } from '../../ml/types';
import { BackendBadge, type Status } from './ComputeStatus';
import { ProblemList } from './ProblemList';
import { freshSeed, type Problems } from './settings';
import { SaveMenu, type SaveMenuProps } from './SaveMenu';

interface WidgetHeaderProps {
  title: string;
  /** Called with a fresh random seed; without it there is no "New seed" button. */
  onNewSeed?: (seed: Seed) => void;
  onReset?: () => void;
  /** Sentences about refused or clamped input, by link key, shown as an alert. */
  problems?: Problems;
  /** The backend to show, when it is not the page's (the training worker's). */
  compute?: Status;
  /** What the figure can be saved as; without it there is no "Save" button. */
  save?: SaveMenuProps;
}

/** A widget's title bar: its name, the backend computing it, new seed, reset, save, and any problems. */
export function WidgetHeader({
  title,
  onNewSeed,
  onReset,
  problems = {},
  compute,
  save,
}: WidgetHeaderProps) {
  return (
    <>
      <div className="widget__bar">
        <strong>{title}</strong>
        <BackendBadge status={compute} />
        {onNewSeed && (
          <button type="button" onClick={() => onNewSeed(freshSeed())}>
            New seed
          </button>
        )}
        {onReset && (
          <button type="button" onClick={onReset}>
            Reset
          </button>
        )}
        {save && <SaveMenu {...save} />}
      </div>
      <ProblemList problems={problems} />
    </>
  );
}
