import { describe, expect, it } from 'vitest';
import type { FigureResult } from '../../deck/stores/figureResults';
import { judge } from './verdict';

const question = {
  choices: [
    { key: 'a', text: 'Alpha' },
    { key: 'b', text: 'Beta' },
    { key: 'c', text: 'Gamma' },
  ],
};
const result = (
  values: Record<string, number>,
  extra: Partial<FigureResult> = {},
): FigureResult => ({
  measure: 'spread',
  best: 'lowest',
  format: { digits: 2 },
  points: [{ step: 0, values }],
  ...extra,
});

describe('judge', () => {
  it('waits while the figure has published nothing', () => {
    expect(judge(question, null, 'a')).toMatchObject({ kind: 'waiting' });
    expect(judge(question, result({}, { points: [] }), 'a')).toMatchObject({ kind: 'waiting' });
  });

  it('picks the lowest value, says why with every number, and follows the numbers when they change', () => {
    const first = judge(question, result({ a: 0.3, b: 0.1, c: 0.2 }), 'b');
    expect(first).toEqual({
      kind: 'judged',
      winners: ['b'],
      right: true,
      why: 'Beta has the lowest spread: Beta 0.10, Gamma 0.20, Alpha 0.30.',
    });
    // The same answer, other numbers: the verdict flips.
    expect(judge(question, result({ a: 0.05, b: 0.1, c: 0.2 }), 'b')).toMatchObject({
      winners: ['a'],
      right: false,
    });
  });

  it('picks the highest when the result says so, in percent', () => {
    const v = judge(
      question,
      result({ a: 0.97, b: 0.03, c: 0 }, { best: 'highest', format: 'percent' }),
      null,
    );
    expect(v).toEqual({
      kind: 'judged',
      winners: ['a'],
      right: null,
      why: 'Alpha has the highest spread: Alpha 97%, Beta 3%, Gamma 0%.',
    });
  });

  it('counts an exact tie as right for either choice', () => {
    const v = judge(question, result({ a: 0.1, b: 0.1, c: 0.4 }), 'b');
    expect(v).toMatchObject({ winners: ['a', 'b'], right: true });
    expect(v.kind === 'judged' && v.why).toMatch(/^Alpha and Beta share the lowest spread/);
  });

  it('ranks only the choices asked and measured; fewer than two measured waits', () => {
    // d is measured but not a choice; c is a choice the figure did not measure.
    expect(judge(question, result({ a: 0.3, b: 0.2, d: 0.01 }), 'a')).toMatchObject({
      winners: ['b'],
      right: false,
    });
    expect(judge(question, result({ a: 0.3, d: 0.01 }), 'a')).toMatchObject({ kind: 'waiting' });
    expect(judge(question, result({ a: NaN, b: 0.2, c: Infinity }), 'a')).toMatchObject({
      kind: 'waiting',
    });
  });

  it('judges "at step N" by that step only, waiting until it comes', () => {
    const history = result(
      {},
      {
        points: [
          { step: 0, values: { a: 3, b: 2, c: 1 } },
          { step: 100, values: { a: 1, b: 2, c: 3 } },
        ],
      },
    );
    expect(judge({ ...question, atStep: 100 }, history, 'a')).toMatchObject({
      winners: ['a'],
      right: true,
    });
    expect(judge({ ...question, atStep: 0 }, history, 'a')).toMatchObject({ winners: ['c'] });
    const early = judge({ ...question, atStep: 2000 }, history, 'a');
    expect(early).toEqual({
      kind: 'waiting',
      text: 'The answer comes at step 2,000; the figure is at step 100.',
    });
    expect(judge({ ...question, atStep: 50 }, history, 'a')).toMatchObject({ kind: 'waiting' });
    // Without a step, the latest point.
    expect(judge(question, history, 'a')).toMatchObject({ winners: ['a'] });
  });
});
