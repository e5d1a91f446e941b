import { describe, expect, it } from 'vitest';
import { actionForKey, keyBindings, type KeyPress } from './keymap';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('keymap', () => {
  it('follows reveal.js conventions', () => {
    expect(actionForKey(press('ArrowRight'), false)).toBe('nextStep');
    expect(actionForKey(press(' '), false)).toBe('nextStep');
    expect(actionForKey(press(' ', { shiftKey: true }), false)).toBe('previousStep');
    expect(actionForKey(press('N', { shiftKey: true }), false)).toBe('nextStep');
    expect(actionForKey(press('ArrowRight', { shiftKey: true }), false)).toBe('nextSlide');
    expect(actionForKey(press('ArrowLeft', { shiftKey: true }), false)).toBe('previousSlide');
    expect(actionForKey(press('ArrowDown'), false)).toBe('nextSlide');
    expect(actionForKey(press('Escape'), false)).toBe('overview');
    expect(actionForKey(press('.'), false)).toBe('blackout');
    expect(actionForKey(press('?', { shiftKey: true }), false)).toBe('help');
    expect(actionForKey(press('h'), false)).toBe('handout');
    expect(actionForKey(press('Q', { shiftKey: true }), false)).toBe('followAlong');
    expect(actionForKey(press('v'), false)).toBe('predict');
    expect(actionForKey(press('d'), false)).toBe('draw');
  });

  it('leaves everything but Page Up and Page Down to a focused control', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', ' ', 'Home', 'End', 'n', 'f', 'g']) {
      expect(actionForKey(press(key), true)).toBeNull();
    }
    expect(actionForKey(press('PageDown'), true)).toBe('nextStep');
    expect(actionForKey(press('PageUp'), true)).toBe('previousStep');
  });

  it('ignores keys with Ctrl, Alt or Meta, which belong to the browser', () => {
    expect(actionForKey(press('f', { ctrlKey: true }), false)).toBeNull();
    expect(actionForKey(press('ArrowLeft', { altKey: true }), false)).toBeNull();
    expect(actionForKey(press('r', { metaKey: true }), false)).toBeNull();
  });

  it('searches with / (not typed into a field) and with Ctrl+Shift+F (also from a field)', () => {
    expect(actionForKey(press('/'), false)).toBe('search');
    expect(actionForKey(press('/'), true)).toBeNull();
    expect(actionForKey(press('F', { ctrlKey: true, shiftKey: true }), true)).toBe('search');
    expect(
      actionForKey(press('f', { ctrlKey: true, shiftKey: true, altKey: true }), false),
    ).toBeNull();
    expect(actionForKey(press('g', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });

  it('lists every action once in the help table', () => {
    const actions = keyBindings.map((b) => b.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions.length).toBe(20);
  });
});
