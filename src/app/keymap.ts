/**
 * The deck's keys, following reveal.js's conventions. This table is the one
 * source for the key handler, the help overlay and the README's list.
 */

export type DeckAction =
  | 'nextStep'
  | 'previousStep'
  | 'nextSlide'
  | 'previousSlide'
  | 'first'
  | 'last'
  | 'goTo'
  | 'fullscreen'
  | 'overview'
  | 'blackout'
  | 'help'
  | 'theme'
  | 'pointer'
  | 'draw'
  | 'zoom'
  | 'presenter'
  | 'handout'
  | 'followAlong'
  | 'search'
  | 'predict';

export interface KeyBinding {
  action: DeckAction;
  /** How the help overlay names the keys. */
  keys: string[];
  description: string;
}

export const keyBindings: readonly KeyBinding[] = [
  { action: 'nextStep', keys: ['→', 'Space', 'Page Down', 'N'], description: 'Next step' },
  {
    action: 'previousStep',
    keys: ['←', 'Shift+Space', 'Page Up', 'P'],
    description: 'Previous step',
  },
  { action: 'nextSlide', keys: ['↓', 'Shift+→'], description: 'Next slide, skipping steps' },
  { action: 'previousSlide', keys: ['↑', 'Shift+←'], description: 'Previous slide' },
  { action: 'first', keys: ['Home'], description: 'First slide' },
  { action: 'last', keys: ['End'], description: 'Last slide' },
  { action: 'goTo', keys: ['G', 'then a number', 'Enter'], description: 'Go to a slide by number' },
  { action: 'fullscreen', keys: ['F'], description: 'Fullscreen on or off' },
  { action: 'overview', keys: ['O', 'Esc'], description: 'Overview of all slides' },
  { action: 'blackout', keys: ['B', '.'], description: 'Black screen on or off' },
  { action: 'theme', keys: ['T'], description: 'Theme: light, dark, high contrast' },
  { action: 'pointer', keys: ['L'], description: 'Laser pointer on or off' },
  { action: 'draw', keys: ['D'], description: 'Draw on the slide, D or Esc stops' },
  { action: 'zoom', keys: ['Z', 'Alt+click'], description: 'Zoom into a figure' },
  { action: 'presenter', keys: ['S'], description: 'Presenter view in a second window' },
  { action: 'handout', keys: ['H'], description: 'Prepare a handout for print' },
  { action: 'followAlong', keys: ['Q'], description: 'QR code of this slide for phones' },
  { action: 'search', keys: ['/', 'Ctrl+Shift+F'], description: 'Search the slides and notes' },
  { action: 'predict', keys: ['V'], description: 'Question: ask, reveal, hide' },
  { action: 'help', keys: ['?'], description: 'This help' },
];

/** The parts of a KeyboardEvent the mapping looks at. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * What a key press asks the deck to do, or null. `inControl` is true when the
 * focus is in a slider, text field or similar control that owns the arrow keys
 * and Space: then only Page Up and Page Down (what a clicker sends) navigate.
 */
export function actionForKey(press: KeyPress, inControl: boolean): DeckAction | null {
  // Ctrl+Shift+F types nothing, so it searches even from a field; `/` does not.
  if (press.ctrlKey && press.shiftKey && !press.altKey && !press.metaKey) {
    return press.key.toLowerCase() === 'f' ? 'search' : null;
  }
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'PageDown') return 'nextStep';
  if (press.key === 'PageUp') return 'previousStep';
  if (inControl) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  switch (key) {
    case 'ArrowRight':
      return press.shiftKey ? 'nextSlide' : 'nextStep';
    case 'ArrowLeft':
      return press.shiftKey ? 'previousSlide' : 'previousStep';
    case ' ':
      return press.shiftKey ? 'previousStep' : 'nextStep';
    case 'n':
      return 'nextStep';
    case 'p':
      return 'previousStep';
    case 'ArrowDown':
      return 'nextSlide';
    case 'ArrowUp':
      return 'previousSlide';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'g':
      return 'goTo';
    case 'f':
      return 'fullscreen';
    case 'o':
    case 'Escape':
      return 'overview';
    case 'b':
    case '.':
      return 'blackout';
    case '?':
      return 'help';
    case 't':
      return 'theme';
    case 'l':
      return 'pointer';
    case 'd':
      return 'draw';
    case 'z':
      return 'zoom';
    case 's':
      return 'presenter';
    case 'h':
      return 'handout';
    case 'q':
      return 'followAlong';
    case '/':
      return 'search';
    case 'v':
      return 'predict';
    default:
      return null;
  }
}
