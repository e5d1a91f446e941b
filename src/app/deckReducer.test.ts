import { describe, expect, it } from 'vitest';
import {
  goToSlide,
  initialShellState,
  reduceDeck,
  type DeckContext,
  type DeckInput,
  type ShellState,
} from './deckReducer';
import { keyBindings, type DeckAction } from './keymap';

const counts = [1, 3, 2];
const at = (slide: number, step: number): DeckContext => ({
  position: { slide, step },
  counts,
  zoomed: false,
  presenter: false,
});
const key = (action: DeckAction, escape = false): DeckInput => ({ type: 'key', action, escape });
const start = initialShellState('light');
const withOverlay = (overlay: ShellState['overlay']): ShellState => ({ ...start, overlay });

describe('the deck reducer', () => {
  it('D turns drawing on and off; Esc leaves drawing before it opens the overview', () => {
    const drawing = reduceDeck(start, key('draw'), at(0, 0)).state;
    expect(drawing.drawing).toBe(true);
    expect(reduceDeck(drawing, key('draw'), at(0, 0)).state.drawing).toBe(false);
    const esc = reduceDeck(drawing, key('overview', true), at(0, 0)).state;
    expect(esc).toEqual({ ...drawing, drawing: false });
    expect(reduceDeck(esc, key('overview', true), at(0, 0)).state.overlay).toBe('overview');
    // Deck keys still move while drawing, and drawing stays on.
    const moved = reduceDeck(drawing, key('nextStep'), at(1, 1));
    expect(moved.effects).toEqual([{ kind: 'go', position: { slide: 1, step: 2 } }]);
    expect(moved.state.drawing).toBe(true);
  });

  it('moves by steps and slides as effects, holding no position itself', () => {
    const go = (action: DeckAction, context = at(1, 1)) => reduceDeck(start, key(action), context);
    expect(go('nextStep').effects).toEqual([{ kind: 'go', position: { slide: 1, step: 2 } }]);
    expect(go('previousStep').effects).toEqual([{ kind: 'go', position: { slide: 1, step: 0 } }]);
    expect(go('nextSlide').effects).toEqual([{ kind: 'go', position: { slide: 2, step: 0 } }]);
    expect(go('previousSlide').effects).toEqual([{ kind: 'go', position: { slide: 0, step: 0 } }]);
    expect(go('first').effects).toEqual([{ kind: 'go', position: { slide: 0, step: 0 } }]);
    expect(go('last').effects).toEqual([{ kind: 'go', position: { slide: 2, step: 1 } }]);
    // From the last step of a slide, the next step is the next slide's first.
    expect(go('nextStep', at(1, 2)).effects).toEqual([
      { kind: 'go', position: { slide: 2, step: 0 } },
    ]);
    expect(go('nextStep').state).toBe(start);
  });

  it('opens and closes the overlays: overview, help, blackout', () => {
    expect(reduceDeck(start, key('overview'), at(0, 0)).state.overlay).toBe('overview');
    expect(reduceDeck(start, key('help'), at(0, 0)).state.overlay).toBe('help');
    const black = reduceDeck(start, key('blackout'), at(0, 0)).state;
    expect(black.overlay).toBe('blackout');
    expect(reduceDeck(black, key('blackout'), at(0, 0)).state.overlay).toBe('none');
    expect(reduceDeck(black, { type: 'close' }, at(0, 0)).state.overlay).toBe('none');
    expect(reduceDeck(start, { type: 'open', overlay: 'help' }, at(0, 0)).state.overlay).toBe(
      'help',
    );
  });

  it('lifts the black screen on any other key, which then does what it does', () => {
    const outcome = reduceDeck(withOverlay('blackout'), key('nextStep'), at(0, 0));
    expect(outcome.state.overlay).toBe('none');
    expect(outcome.effects).toEqual([{ kind: 'go', position: { slide: 1, step: 0 } }]);
    expect(reduceDeck(withOverlay('blackout'), key('help'), at(0, 0)).state.overlay).toBe('help');
  });

  it('closes the help with ?, O or Esc and lets every other key through', () => {
    const help = withOverlay('help');
    for (const input of [key('help'), key('overview'), key('nextStep', true)]) {
      const outcome = reduceDeck(help, input, at(0, 0));
      expect(outcome).toEqual({ state: start, effects: [], handled: true });
    }
    expect(reduceDeck(help, key('nextStep'), at(0, 0))).toEqual({
      state: help,
      effects: [],
      handled: false,
    });
  });

  it('leaves every key to the overview while it is open', () => {
    for (const { action } of keyBindings) {
      expect(reduceDeck(withOverlay('overview'), key(action), at(0, 0)).handled).toBe(false);
    }
  });

  it('opens the handout dialog with H, leaves it every key, and keeps it open across a mirror', () => {
    expect(reduceDeck(start, key('handout'), at(0, 0)).state.overlay).toBe('handout');
    const open = withOverlay('handout');
    for (const action of ['nextStep', 'help', 'overview', 'blackout'] as const) {
      const out = reduceDeck(open, key(action, action === 'help'), at(0, 0));
      expect(out.handled, action).toBe(false);
      expect(out.state).toBe(open);
    }
    const mirrored = reduceDeck(
      open,
      { type: 'mirror', blackout: false, overview: false },
      at(0, 0),
    );
    expect(mirrored.state.overlay).toBe('handout');
  });

  it('opens the search with /, leaves it every key (PageDown too), and keeps it across a mirror', () => {
    expect(reduceDeck(withOverlay('blackout'), key('search'), at(0, 0)).state.overlay).toBe(
      'search',
    );
    const open = withOverlay('search');
    for (const { action } of keyBindings) {
      expect(reduceDeck(open, key(action), at(0, 0))).toEqual({
        state: open,
        effects: [],
        handled: false,
      });
    }
    const mirror: DeckInput = { type: 'mirror', blackout: false, overview: true };
    expect(reduceDeck(open, { ...mirror, overview: false }, at(0, 0)).state.overlay).toBe('search');
    expect(reduceDeck(open, mirror, at(0, 0)).state.overlay).toBe('overview');
  });

  it('hands V to the shell as the question effect, and lifts a black screen first', () => {
    expect(reduceDeck(start, key('predict'), at(0, 0))).toEqual({
      state: start,
      effects: [{ kind: 'predict' }],
      handled: true,
    });
    const out = reduceDeck(withOverlay('blackout'), key('predict'), at(0, 0));
    expect(out.state.overlay).toBe('none');
    expect(out.effects).toEqual([{ kind: 'predict' }]);
  });

  it('ends a zoom with Z or Esc before anything else (Esc does not open the overview)', () => {
    const zoomed = { ...at(1, 0), zoomed: true };
    expect(reduceDeck(start, key('overview', true), zoomed)).toEqual({
      state: start,
      effects: [{ kind: 'zoom' }],
      handled: true,
    });
    expect(reduceDeck(start, key('zoom'), zoomed).effects).toEqual([{ kind: 'zoom' }]);
    // O itself (not Esc) still opens the overview during a zoom.
    expect(reduceDeck(start, key('overview'), zoomed).state.overlay).toBe('overview');
    expect(reduceDeck(start, key('zoom'), at(1, 0)).effects).toEqual([{ kind: 'zoom' }]);
  });

  it('cycles the theme with a notice, toggles the pointer, asks for fullscreen', () => {
    const dark = reduceDeck(start, key('theme'), at(0, 0));
    expect(dark.state.theme).toBe('dark');
    expect(dark.effects).toEqual([{ kind: 'notice', text: 'Theme: dark.' }]);
    const contrast = reduceDeck(dark.state, key('theme'), at(0, 0));
    expect(contrast.effects).toEqual([{ kind: 'notice', text: 'Theme: high contrast.' }]);
    expect(reduceDeck(contrast.state, key('theme'), at(0, 0)).state.theme).toBe('light');
    const on = reduceDeck(start, key('pointer'), at(0, 0)).state;
    expect(on.pointer).toBe(true);
    expect(reduceDeck(on, key('pointer'), at(0, 0)).state.pointer).toBe(false);
    expect(reduceDeck(start, key('fullscreen'), at(0, 0)).effects).toEqual([
      { kind: 'fullscreen' },
    ]);
  });

  it('opens the presenter window, or says this is it already', () => {
    expect(reduceDeck(start, key('presenter'), at(0, 0)).effects).toEqual([
      { kind: 'openPresenter' },
    ]);
    expect(reduceDeck(start, key('presenter'), { ...at(0, 0), presenter: true }).effects).toEqual([
      { kind: 'notice', text: 'This is the presenter view already.' },
    ]);
  });

  it('mirrors blackout and overview from the other window, keeping its own help open', () => {
    const mirror = (blackout: boolean, overview: boolean): DeckInput => ({
      type: 'mirror',
      blackout,
      overview,
    });
    expect(reduceDeck(start, mirror(true, false), at(0, 0)).state.overlay).toBe('blackout');
    expect(reduceDeck(start, mirror(false, true), at(0, 0)).state.overlay).toBe('overview');
    expect(reduceDeck(withOverlay('help'), mirror(false, false), at(0, 0)).state.overlay).toBe(
      'help',
    );
    expect(reduceDeck(withOverlay('overview'), mirror(false, false), at(0, 0)).state.overlay).toBe(
      'none',
    );
  });

  it('shows and hides the QR code with Q, closes it with Esc, and mirrors it', () => {
    const shown = reduceDeck(start, key('followAlong'), at(1, 1)).state;
    expect(shown.qr).toBe(true);
    expect(reduceDeck(shown, key('followAlong'), at(1, 1)).state.qr).toBe(false);
    const escaped = reduceDeck(shown, key('overview', true), at(1, 1)).state;
    expect(escaped).toEqual({ ...shown, qr: false }); // Esc closed it; no overview opened
    // Moving keeps it open (its link follows the slide); the overview covers it.
    expect(reduceDeck(shown, key('nextStep'), at(1, 1)).state.qr).toBe(true);
    expect(reduceDeck(shown, key('overview'), at(1, 1)).state).toEqual({
      ...shown,
      overlay: 'overview',
    });
    const mirror = (qr?: boolean): DeckInput => ({
      type: 'mirror',
      blackout: false,
      overview: false,
      ...(qr === undefined ? {} : { qr }),
    });
    expect(reduceDeck(start, mirror(true), at(0, 0)).state.qr).toBe(true);
    expect(reduceDeck(shown, mirror(false), at(0, 0)).state.qr).toBe(false);
    expect(reduceDeck(shown, mirror(), at(0, 0)).state.qr).toBe(true); // an older window says nothing
  });

  it('handles every key of the key map when nothing covers the stage', () => {
    for (const { action } of keyBindings) {
      expect(reduceDeck(start, key(action), at(1, 1)).handled, action).toBe(true);
    }
  });
});

describe('go to a slide by number', () => {
  it('goes to slide n (1-based), refuses one that does not exist, ignores no digits', () => {
    expect(goToSlide('3', 3)).toEqual({ kind: 'go', position: { slide: 2, step: 0 } });
    expect(goToSlide('4', 3)).toEqual({
      kind: 'notice',
      text: 'There is no slide 4; the deck has 3.',
    });
    expect(goToSlide('0', 3)).toEqual({
      kind: 'notice',
      text: 'There is no slide 0; the deck has 3.',
    });
    expect(goToSlide('', 3)).toBeNull();
    expect(goToSlide(null, 3)).toBeNull();
  });
});
