import { describe, expect, it } from 'vitest';
import { emptyHistory, MAX_UNDO, reduceInk, type StepHistory } from './inkHistory';
import type { Stroke } from './stroke';

const stroke = (id: string): Stroke => ({
  id,
  tool: 'pen',
  color: 'blue',
  pressure: false,
  points: [1, 2, 0.5],
});
const ids = (h: StepHistory) => h.strokes.map((s) => s.id);

describe('ink history', () => {
  it('adds, erases and clears, and undoes and redoes each edit', () => {
    let h = reduceInk(emptyHistory, { type: 'add', stroke: stroke('a') });
    h = reduceInk(h, { type: 'add', stroke: stroke('b') });
    h = reduceInk(h, { type: 'add', stroke: stroke('c') });
    h = reduceInk(h, { type: 'erase', ids: ['a', 'c'] });
    expect(ids(h)).toEqual(['b']);
    h = reduceInk(h, { type: 'clear' });
    expect(ids(h)).toEqual([]);
    h = reduceInk(h, { type: 'undo' });
    expect(ids(h)).toEqual(['b']);
    h = reduceInk(h, { type: 'undo' }); // one undo brings back both strokes of one eraser drag
    expect(ids(h)).toEqual(['a', 'b', 'c']);
    h = reduceInk(h, { type: 'redo' });
    expect(ids(h)).toEqual(['b']);
    h = reduceInk(h, { type: 'redo' });
    expect(ids(h)).toEqual([]);
    expect(reduceInk(h, { type: 'redo' })).toBe(h);
  });

  it('a new edit drops what was undone; edits that change nothing are no edits', () => {
    let h = reduceInk(emptyHistory, { type: 'add', stroke: stroke('a') });
    h = reduceInk(h, { type: 'undo' });
    expect(h.future).toHaveLength(1);
    h = reduceInk(h, { type: 'add', stroke: stroke('b') });
    expect(h.future).toHaveLength(0);
    expect(reduceInk(h, { type: 'erase', ids: ['zz'] })).toBe(h);
    expect(reduceInk(emptyHistory, { type: 'clear' })).toBe(emptyHistory);
    expect(reduceInk(emptyHistory, { type: 'undo' })).toBe(emptyHistory);
  });

  it('an import replaces the step’s strokes and can be undone', () => {
    let h = reduceInk(emptyHistory, { type: 'add', stroke: stroke('a') });
    h = reduceInk(h, { type: 'replace', strokes: [stroke('x'), stroke('y')] });
    expect(ids(h)).toEqual(['x', 'y']);
    expect(ids(reduceInk(h, { type: 'undo' }))).toEqual(['a']);
  });

  it(`keeps at most ${MAX_UNDO} edits to undo`, () => {
    let h = emptyHistory;
    for (let i = 0; i < MAX_UNDO + 20; i++)
      h = reduceInk(h, { type: 'add', stroke: stroke(`s${i}`) });
    expect(h.past).toHaveLength(MAX_UNDO);
    for (let i = 0; i < MAX_UNDO + 5; i++) h = reduceInk(h, { type: 'undo' });
    expect(h.strokes).toHaveLength(20);
  });
});
