import { describe, expect, it } from 'vitest';
import { figureKey, handoutPages } from './handoutStore';

describe('handout pages', () => {
  it('lists the last step of each slide, or every step of every slide in order', () => {
    expect(handoutPages([1, 3, 2], 'last')).toEqual([
      { slide: 0, step: 0 },
      { slide: 1, step: 2 },
      { slide: 2, step: 1 },
    ]);
    // A slide whose figure changes its view by step (from step 1 on) prints each view.
    expect(handoutPages([1, 3, 2], 'last', [null, 1, null])).toEqual([
      { slide: 0, step: 0 },
      { slide: 1, step: 1 },
      { slide: 1, step: 2 },
      { slide: 2, step: 1 },
    ]);
    expect(handoutPages([1, 3, 2], 'all')).toEqual([
      { slide: 0, step: 0 },
      { slide: 1, step: 0 },
      { slide: 1, step: 1 },
      { slide: 1, step: 2 },
      { slide: 2, step: 0 },
      { slide: 2, step: 1 },
    ]);
  });

  it('keys a figure by slide, step and block', () => {
    expect(figureKey(4, 2, 7)).toBe('4/2/7');
    expect(figureKey(4, 2, 7)).not.toBe(figureKey(4, 27, 0));
  });
});
