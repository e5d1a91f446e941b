/**
 * What the deck's keys and buttons do, as a pure function: input (a key's
 * action, a click, a mirrored state from the other window) and the state the
 * shell holds → the next state and the effects the shell must carry out. The
 * position is read, not held (it lives in the URL hash); moving is an effect.
 */
import type { DeckAction } from './keymap';
import {
  firstPosition,
  lastPosition,
  nextSlide,
  nextStep,
  previousSlide,
  previousStep,
  type Position,
  type StepCounts,
} from '../deck/navigation';
import { nextTheme, themeNames, type Theme } from './theme';

/** Which layer covers the stage, if any. */
export type Overlay = 'none' | 'overview' | 'help' | 'blackout' | 'handout' | 'search';

/** What the shell holds besides the position. */
export interface ShellState {
  overlay: Overlay;
  theme: Theme;
  /** Whether the laser pointer follows the mouse. */
  pointer: boolean;
  /**
   * Whether the follow-along QR code is shown (Q): a layer of its own under
   * the overlays, mirrored to the other window so that the room's screen shows it.
   */
  qr: boolean;
  /** Whether pointers draw ink on the stage (the figures then get none). */
  drawing: boolean;
}

/** What the reducer reads but does not own. */
export interface DeckContext {
  position: Position;
  counts: StepCounts;
  /** Whether a figure is zoomed now (the zoom lives in the page). */
  zoomed: boolean;
  /** Whether this window is the presenter view. */
  presenter: boolean;
}

export type DeckInput =
  /** A deck key; `escape` when the key was Escape itself (Esc also maps to the overview). */
  | { type: 'key'; action: DeckAction; escape: boolean }
  /** A button or click opens an overlay, or closes whatever covers the stage. */
  | { type: 'open'; overlay: Exclude<Overlay, 'none'> }
  | { type: 'close' }
  /** The other window of a presenter session shows blackout or the overview. */
  | { type: 'mirror'; blackout: boolean; overview: boolean; qr?: boolean };

/** What the shell does after an input, in order. */
export type DeckEffect =
  | { kind: 'go'; position: Position }
  | { kind: 'fullscreen' }
  /** Zooms the figure under the mouse (or the slide's first), or ends the zoom. */
  | { kind: 'zoom' }
  | { kind: 'openPresenter' }
  /** Moves the slide's question on: asked, revealed, hidden. */
  | { kind: 'predict' }
  | { kind: 'notice'; text: string };

export interface DeckOutcome {
  state: ShellState;
  effects: DeckEffect[];
  /** False lets the key through to the page (its default action is kept). */
  handled: boolean;
}

export const initialShellState = (theme: Theme): ShellState => ({
  overlay: 'none',
  theme,
  pointer: false,
  qr: false,
  drawing: false,
});

const moves: Partial<Record<DeckAction, (counts: StepCounts, at: Position) => Position>> = {
  nextStep,
  previousStep,
  nextSlide,
  previousSlide,
  first: () => firstPosition(),
  last: (counts) => lastPosition(counts),
};

export function reduceDeck(state: ShellState, input: DeckInput, context: DeckContext): DeckOutcome {
  const done = (next: ShellState, effects: DeckEffect[] = []) => ({
    state: next,
    effects,
    handled: true,
  });
  switch (input.type) {
    case 'open':
      return done({ ...state, overlay: input.overlay });
    case 'close':
      return done({ ...state, overlay: 'none' });
    case 'mirror': {
      // The other window knows nothing of this one's help, handout or search dialog: they stay.
      const local: Overlay[] = ['help', 'handout', 'search'];
      const kept = local.includes(state.overlay) ? state.overlay : 'none';
      const overlay = input.blackout ? 'blackout' : input.overview ? 'overview' : kept;
      return done({ ...state, overlay, qr: input.qr ?? state.qr });
    }
    case 'key':
      return reduceKey(state, input.action, input.escape, context);
  }
}

function reduceKey(
  state: ShellState,
  action: DeckAction,
  escape: boolean,
  context: DeckContext,
): DeckOutcome {
  const done = (next: ShellState, effects: DeckEffect[] = []) => ({
    state: next,
    effects,
    handled: true,
  });
  const ignored = { state, effects: [], handled: false };
  // The help closes with ?, O or Esc and lets every other key through.
  if (state.overlay === 'help') {
    return action === 'help' || action === 'overview' || escape
      ? done({ ...state, overlay: 'none' })
      : ignored;
  }
  // The overview, the handout dialog and the search handle their own keys.
  if (state.overlay === 'overview' || state.overlay === 'handout' || state.overlay === 'search') {
    return ignored;
  }
  if (context.zoomed && (escape || action === 'zoom')) return done(state, [{ kind: 'zoom' }]);
  // Esc closes the QR code when nothing covers it (the overview does not open).
  if (state.qr && escape && state.overlay === 'none') return done({ ...state, qr: false });
  // Esc leaves drawing first (then opens the overview as ever).
  if (state.drawing && escape) return done({ ...state, drawing: false });
  // Any key but B itself lifts the black screen, then does what it does.
  const shown =
    state.overlay === 'blackout' && action !== 'blackout'
      ? { ...state, overlay: 'none' as const }
      : state;
  const move = moves[action];
  if (move) return done(shown, [{ kind: 'go', position: move(context.counts, context.position) }]);
  switch (action) {
    case 'fullscreen':
      return done(shown, [{ kind: 'fullscreen' }]);
    case 'overview':
      return done({ ...shown, overlay: 'overview' });
    case 'blackout':
      return done({ ...shown, overlay: shown.overlay === 'blackout' ? 'none' : 'blackout' });
    case 'help':
      return done({ ...shown, overlay: 'help' });
    case 'handout':
      return done({ ...shown, overlay: 'handout' });
    case 'search':
      return done({ ...shown, overlay: 'search' });
    case 'theme': {
      const theme = nextTheme(shown.theme);
      return done({ ...shown, theme }, [{ kind: 'notice', text: `Theme: ${themeNames[theme]}.` }]);
    }
    case 'pointer':
      return done({ ...shown, pointer: !shown.pointer });
    case 'followAlong':
      return done({ ...shown, qr: !shown.qr });
    case 'draw':
      return done({ ...shown, drawing: !shown.drawing });
    case 'zoom':
      return done(shown, [{ kind: 'zoom' }]);
    case 'predict':
      return done(shown, [{ kind: 'predict' }]);
    case 'presenter':
      return done(shown, [
        context.presenter
          ? { kind: 'notice', text: 'This is the presenter view already.' }
          : { kind: 'openPresenter' },
      ]);
    default:
      return done(shown); // goTo: its digits are collected by the key listener
  }
}

/**
 * The digits typed after G, on Enter: where to go, a notice for a slide that
 * does not exist, or nothing (no digits).
 */
export function goToSlide(digits: string | null, slideCount: number): DeckEffect | null {
  if (digits === null || digits === '') return null;
  const number = Number(digits);
  if (number < 1 || number > slideCount) {
    return { kind: 'notice', text: `There is no slide ${number}; the deck has ${slideCount}.` };
  }
  return { kind: 'go', position: { slide: number - 1, step: 0 } };
}
