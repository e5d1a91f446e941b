import { describe, expect, it } from 'vitest';
import {
  helloMessage,
  inkDraftMessage,
  inkMessage,
  MAX_HASH,
  parseMessage,
  sameState,
  stateMessage,
  unsendable,
  type DeckState,
} from './protocol';

const state: DeckState = {
  hash: '#/gumbel-max/2?gm.seed=7',
  blackout: false,
  overview: true,
  playing: { 'temperature-sweep': true },
  followAlong: false,
};

describe('sync protocol', () => {
  it('round-trips state and hello messages through structured cloning', () => {
    for (const message of [stateMessage('a1', 5, state), helloMessage('b2')]) {
      expect(parseMessage(structuredClone(message))).toEqual(message);
    }
  });

  it('ignores foreign apps, other versions and malformed messages', () => {
    const good = stateMessage('a1', 5, state) as unknown as Record<string, unknown>;
    const bad: unknown[] = [
      null,
      'hello',
      42,
      [],
      { ...good, app: 'other' },
      { ...good, v: 2 },
      { ...good, from: '' },
      { ...good, from: 'x'.repeat(100) },
      { ...good, kind: 'delete' },
      { ...good, at: 'soon' },
      { ...good, at: NaN },
      { ...good, state: { ...state, hash: 'javascript:alert(1)' } },
      { ...good, state: { ...state, hash: '#' + 'a'.repeat(5000) } },
      { ...good, state: { ...state, blackout: 'yes' } },
      { ...good, state: { ...state, followAlong: 'yes' } },
      { ...good, state: { ...state, playing: { lab: 'on' } } },
      { ...good, state: { ...state, playing: null } },
      { ...good, state: undefined },
      { ...good, state: { ...state, questions: 'asked' } },
      { ...good, state: { ...state, questions: { 'lab/lab-spread': 3 } } },
    ];
    for (const message of bad)
      expect(parseMessage(message), JSON.stringify(message)?.slice(0, 60)).toBeNull();
  });

  it('carries the questions’ stages, and reads a state without them', () => {
    const asked = { ...state, questions: { 'toy-lab/lab-spread': 'asked' } };
    expect(parseMessage(structuredClone(stateMessage('a1', 5, asked)))).toEqual(
      stateMessage('a1', 5, asked),
    );
    expect(sameState(asked, state)).toBe(false);
    expect(sameState(asked, { ...asked, questions: { 'toy-lab/lab-spread': 'asked' } })).toBe(true);
  });

  it('compares states regardless of key order', () => {
    expect(sameState(state, { ...state, playing: { 'temperature-sweep': true } })).toBe(true);
    expect(sameState(state, { ...state, blackout: true })).toBe(false);
    expect(sameState(state, { ...state, followAlong: true })).toBe(false);
    expect(
      sameState(
        { ...state, playing: { a: true, b: false } },
        { ...state, playing: { b: false, a: true } },
      ),
    ).toBe(true);
  });

  it('says why a state with a hash over the limit cannot be sent, and the receiver would refuse it', () => {
    const fits = { ...state, hash: '#'.padEnd(MAX_HASH, 'a') };
    const over = { ...state, hash: '#'.padEnd(MAX_HASH + 1, 'a') };
    expect(unsendable(fits)).toBeNull();
    expect(parseMessage(stateMessage('a1', 5, fits))).not.toBeNull();
    expect(unsendable(over)).toContain('the link is 4,001 characters, over 4,000');
    expect(parseMessage(stateMessage('a1', 5, over))).toBeNull();
  });

  it('carries a step’s ink and the stroke being drawn, checked like the rest', () => {
    const stroke = {
      id: 's1',
      tool: 'pen',
      color: 'red',
      pressure: true,
      points: [10, 20, 0.3],
    } as const;
    const ink = { hash: '0badc0de', strokes: [{ ...stroke, points: [...stroke.points] }] };
    for (const message of [
      inkMessage('a1', 'gumbel-max/2', ink),
      inkDraftMessage('a1', 'gumbel-max/2', ink.strokes[0]!),
      inkDraftMessage('a1', 'gumbel-max/2', null),
    ])
      expect(parseMessage(structuredClone(message))).toEqual(message);
    const good = inkMessage('a1', 'title/0', ink) as unknown as Record<string, unknown>;
    const draft = inkDraftMessage('a1', 'title/0', null) as unknown as Record<string, unknown>;
    for (const bad of [
      { ...good, key: 'title' },
      { ...good, key: 7 },
      { ...good, ink: { ...ink, strokes: 'all' } },
      { ...good, ink: { ...ink, strokes: [{ ...stroke, points: [1e6, 0, 0] }] } },
      { ...good, ink: { ...ink, strokes: [{ ...stroke, color: 'javascript:' }] } },
      { ...draft, stroke: { ...stroke, tool: 'laser' } },
      { ...draft, stroke: undefined },
      { ...draft, offset: -3 },
      { ...draft, offset: 4 },
      { ...draft, offset: '0' },
      { ...draft, offset: 6000, stroke },
    ])
      expect(parseMessage(bad), JSON.stringify(bad).slice(0, 80)).toBeNull();
  });
});
