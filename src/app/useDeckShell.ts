import { useEffect, useState } from 'react';
import type { Position, StepCounts } from '../deck/navigation';
import { initialShellState, reduceDeck, type DeckEffect, type DeckInput } from './deckReducer';
import { toggleFullscreen } from './fullscreen';
import { applyTheme, loadTheme } from './theme';
import { exposeWorkingCopy, isWorkingCopy } from './handout/workingCopy';
import type { FigureZoom } from './useFigureZoom';
import type { PresenterWindow } from './usePresenterWindow';

interface DeckShellOptions {
  position: Position;
  counts: StepCounts;
  go: (position: Position) => void;
  showNotice: (text: string) => void;
  zoom: FigureZoom;
  presenterWindow: PresenterWindow;
  /** The question key (V): moves the current slide's question on. */
  onPredict: () => void;
}

/**
 * The shell's state (overlay, theme, pointer) driven by the pure deck reducer:
 * `dispatch` feeds it an input and carries out the effects it returns (moving,
 * fullscreen, zoom, the presenter window, notices); `run` carries out one.
 */
export function useDeckShell({
  position,
  counts,
  go,
  showNotice,
  zoom,
  presenterWindow,
  onPredict,
}: DeckShellOptions) {
  const [shell, setShell] = useState(() => initialShellState(loadTheme()));
  // The handout's working copy draws in the light theme and remembers nothing.
  const [workingCopy] = useState(isWorkingCopy);
  useEffect(
    () => applyTheme(workingCopy ? 'light' : shell.theme, !workingCopy),
    [shell.theme, workingCopy],
  );
  useEffect(() => {
    if (workingCopy) exposeWorkingCopy();
  }, [workingCopy]);

  const run = (effect: DeckEffect) => {
    if (effect.kind === 'go') go(effect.position);
    else if (effect.kind === 'fullscreen') void toggleFullscreen(showNotice);
    else if (effect.kind === 'zoom') zoom.toggle(null);
    else if (effect.kind === 'openPresenter') presenterWindow.open();
    else if (effect.kind === 'predict') onPredict();
    else showNotice(effect.text);
  };
  // Read when an input comes: a zoom changes the page, not React's state.
  const context = () => ({
    position,
    counts,
    zoomed: zoom.zoomed(),
    presenter: presenterWindow.presenter,
  });
  /** Feeds an input to the deck reducer, then carries out its effects; false lets a key through. */
  const dispatch = (input: DeckInput): boolean => {
    const outcome = reduceDeck(shell, input, context());
    setShell(outcome.state);
    outcome.effects.forEach(run);
    return outcome.handled;
  };
  /** Shows what the other window of a presenter session shows (it has no effects). */
  const mirror = (remote: { blackout: boolean; overview: boolean; qr: boolean }) =>
    setShell((s) => reduceDeck(s, { type: 'mirror', ...remote }, context()).state);
  return { shell, dispatch, run, mirror };
}
