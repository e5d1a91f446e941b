import type { Slide } from '../deck/types';
import { progress, type Position, type StepCounts } from '../deck/navigation';
import { useOfflineStatus } from './offline';
import { SearchIcon } from './search/SearchButton';

interface StatusBarProps {
  slides: readonly Slide[];
  counts: StepCounts;
  position: Position;
  onNext: () => void;
  onPrevious: () => void;
  onOverview: () => void;
  onHelp: () => void;
  onSearch: () => void;
}

/** Slide number, section name, a thin progress bar and buttons for pointer users. */
export function StatusBar(props: StatusBarProps) {
  const { slides, counts, position } = props;
  const slide = slides[position.slide];
  const steps = counts[position.slide] ?? 1;
  const offline = useOfflineStatus();
  return (
    <footer className="status-bar">
      <div
        className="status-bar__progress"
        style={{ transform: `scaleX(${progress(counts, position)})` }}
        aria-hidden="true"
      />
      <span className="status-bar__section">{slide?.section}</span>
      <span className="status-bar__number" aria-live="polite">
        Slide {position.slide + 1} of {slides.length}
        {steps > 1 ? `, step ${position.step + 1} of ${steps}` : ''}
      </span>
      {offline === 'ready' && (
        <span
          className="status-bar__offline"
          title="Every file is cached: the lecture works without a network."
        >
          ✓ works offline
        </span>
      )}
      <nav className="status-bar__buttons" aria-label="Deck">
        <button type="button" onClick={props.onPrevious} aria-label="Previous step">
          ‹
        </button>
        <button type="button" onClick={props.onNext} aria-label="Next step">
          ›
        </button>
        <button type="button" onClick={props.onOverview} aria-label="Overview of all slides">
          ▦
        </button>
        <button type="button" onClick={props.onSearch} aria-label="Search the slides and notes">
          <SearchIcon />
        </button>
        <button type="button" onClick={props.onHelp} aria-label="Keyboard help">
          ?
        </button>
      </nav>
    </footer>
  );
}
