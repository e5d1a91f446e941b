import type { Slide } from '../deck/types';
import type { Position } from '../deck/navigation';
import type { DeckInput, ShellState } from './deckReducer';
import { HelpOverlay } from './HelpOverlay';
import { LaserPointer } from './LaserPointer';
import { Overview } from './Overview';
import { HandoutDialog } from './handout/HandoutDialog';
import { FollowAlongOverlay } from './follow/FollowAlong';
import { SearchOverlay } from './search/SearchOverlay';

interface DeckOverlaysProps {
  slides: readonly Slide[];
  current: number;
  /** The position, for the follow-along link. */
  position: Position;
  shell: ShellState;
  /** Whether this is the presenter view (its stage is never blacked out). */
  presenter: boolean;
  /** The digits typed after G, while the prompt is open. */
  goToDigits: string | null;
  dispatch: (input: DeckInput) => void;
  /** Goes to a slide chosen in the overview. */
  onChooseSlide: (index: number) => void;
  /** Goes to a search result's slide and step. */
  onChooseResult: (position: Position) => void;
}

/**
 * What may cover the stage: the overview, the help, the handout dialog, the
 * black screen, the follow-along QR code (under the others; in the presenter
 * view it is in the panel), the pointer, the G prompt.
 */
export function DeckOverlays({
  slides,
  current,
  position,
  shell,
  presenter,
  goToDigits,
  dispatch,
  onChooseSlide,
  onChooseResult,
}: DeckOverlaysProps) {
  const close = () => dispatch({ type: 'close' });
  const prepareHandout = () => dispatch({ type: 'open', overlay: 'handout' });
  return (
    <>
      {shell.qr && shell.overlay === 'none' && !presenter && (
        <FollowAlongOverlay
          slides={slides}
          position={position}
          onClose={() => dispatch({ type: 'key', action: 'followAlong', escape: false })}
        />
      )}
      {shell.overlay === 'overview' && (
        <Overview
          slides={slides}
          current={current}
          onChoose={(index) => {
            close();
            if (index !== null) onChooseSlide(index);
          }}
          onPrepareHandout={prepareHandout}
        />
      )}
      {shell.overlay === 'help' && (
        <HelpOverlay onClose={close} onPrepareHandout={prepareHandout} />
      )}
      {shell.overlay === 'handout' && <HandoutDialog slides={slides} onClose={close} />}
      {shell.overlay === 'search' && (
        <SearchOverlay
          slides={slides}
          onClose={close}
          onChoose={(position) => {
            close();
            onChooseResult(position);
          }}
        />
      )}
      {shell.overlay === 'blackout' && !presenter && (
        <div
          className="blackout"
          role="button"
          tabIndex={0}
          aria-label="Black screen; press B or click to return"
          onClick={close}
        />
      )}
      {shell.pointer && <LaserPointer />}
      {goToDigits !== null && (
        <div className="goto-prompt" role="status">
          Go to slide: {goToDigits}
          <span className="goto-prompt__caret">_</span> (of {slides.length}, Enter to go)
        </div>
      )}
    </>
  );
}
