import { afterEach, describe, expect, it } from 'vitest';
import { moveQuery, parkFollowed, unparkAll, withParked } from './slideLinks';

const table = new Set(['table.run', 'table.steps', 'table.task']);
const lab = new Set(['lab.k', 'lab.est']);

describe('slideLinks', () => {
  afterEach(() => void unparkAll('#/'));

  it('takes the left slide’s keys off the query and brings them back on return', () => {
    const away = moveQuery(
      '?table.run=table&gm.seed=7&table.steps=30',
      'results-table',
      'toy-lab',
      table,
    );
    // A key of no figure shown (another slide's, from a link) stays as it was.
    expect(away).toBe('?gm.seed=7');
    const back = moveQuery(away, 'toy-lab', 'results-table', lab);
    expect(back).toBe('?gm.seed=7&table.run=table&table.steps=30');
    // Brought back once: the park of that slide is empty now.
    expect(moveQuery('', 'toy-lab', 'results-table', lab)).toBe('');
  });

  it('keeps each slide’s own values of keys that two slides share, and a link’s value wins', () => {
    moveQuery('?lab.k=2', 'toy-lab', 'beyond', lab);
    moveQuery('?lab.k=5', 'beyond-lab', 'credits', lab);
    expect(moveQuery('', 'credits', 'toy-lab', new Set())).toBe('?lab.k=2');
    expect(moveQuery('?lab.k=3', 'credits', 'beyond-lab', new Set())).toBe('?lab.k=3');
  });

  it('puts every parked piece into the follow-along link, and all back for the reading view', () => {
    moveQuery('?table.run=table', 'results-table', 'beyond', table);
    expect(withParked('#/beyond?ts.tau=0.3')).toBe('#/beyond?ts.tau=0.3&table.run=table');
    expect(withParked('#/beyond')).toBe('#/beyond?table.run=table');
    expect(unparkAll('#/beyond')).toBe('#/beyond?table.run=table');
    expect(withParked('#/beyond')).toBe('#/beyond');
  });
});

describe('slideLinks, a slide left by a link', () => {
  afterEach(() => void unparkAll('#/'));

  it('parks the shown figures’ values the link lacks, and brings nothing back itself', () => {
    moveQuery('?lab.k=2', 'toy-lab', 'results-table', lab);
    parkFollowed(
      'results-table',
      'toy-lab',
      { 'table.run': 'table', 'table.seed': '7' },
      '?table.seed=3',
    );
    // Arriving by a link empties the park of the slide reached: the link decides.
    expect(moveQuery('', 'beyond', 'toy-lab', new Set())).toBe('');
    expect(moveQuery('', 'beyond', 'results-table', new Set())).toBe('?table.run=table');
  });
});
