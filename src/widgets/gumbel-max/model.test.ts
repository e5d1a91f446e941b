import { describe, expect, it } from 'vitest';
import {
  addClass,
  defaultGumbelMaxState,
  formatGumbelMaxState,
  MIN_P,
  parseGumbelMaxState,
  removeClass,
  setProbability,
} from './model';
import { probabilities } from '../../ml/types';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('Gumbel-max model', () => {
  it('keeps probabilities normalized when one is set, scaling the others', () => {
    const p = setProbability(probabilities([0.1, 0.2, 0.3, 0.4]), 0, 0.5)!;
    expect(sum(p)).toBeCloseTo(1, 12);
    expect(p[0]).toBeCloseTo(0.5, 12);
    expect(p[1]! / p[3]!).toBeCloseTo(0.5, 12);
  });

  it('clamps 0 and 1 to keep every class possible, and refuses NaN', () => {
    const p = probabilities([0.5, 0.5]);
    expect(setProbability(p, 0, 0)![0]).toBeCloseTo(MIN_P, 12);
    expect(setProbability(p, 0, 1)![1]).toBeCloseTo(MIN_P, 12);
    expect(setProbability(p, 0, NaN)).toBeNull();
    expect(setProbability(p, 5, 0.3)).toBeNull();
  });

  it('adds and removes classes within 2 to 10', () => {
    let p = probabilities([0.5, 0.5]);
    expect(removeClass(p, 0)).toBe(p);
    for (let i = 0; i < 12; i++) p = addClass(p);
    expect(p).toHaveLength(10);
    expect(sum(p)).toBeCloseTo(1, 12);
    expect(removeClass(p, 3)).toHaveLength(9);
  });

  it('round-trips its state through the URL', () => {
    const state = { ...defaultGumbelMaxState(), draws: 123_456, drawIndex: 7 };
    const params = new URLSearchParams(formatGumbelMaxState(state));
    const parsed = parseGumbelMaxState(params);
    expect(parsed.problems).toEqual({});
    expect(parsed.state.draws).toBe(123_456);
    expect(parsed.state.seed).toBe(state.seed);
    expect(parsed.state.drawIndex).toBe(7);
    parsed.state.probabilities.forEach((x, i) => expect(x).toBeCloseTo(state.probabilities[i]!, 4));
  });

  it('explains bad URL values and keeps working', () => {
    const bad = parseGumbelMaxState(new URLSearchParams('gm.p=0.5,0,NaN&gm.n=5000000&gm.seed=abc'));
    expect(bad.state).toMatchObject({ draws: 1_000_000, seed: defaultGumbelMaxState().seed });
    expect(Object.values(bad.problems).join(' ')).toMatch(
      /not non-negative numbers.*from 1 to 1000000.*not a number/,
    );
    const zero = parseGumbelMaxState(new URLSearchParams('gm.p=1,0,1'));
    expect(zero.state.probabilities[1]).toBeGreaterThanOrEqual(MIN_P * 0.99);
    expect(zero.problems).toEqual({
      'gm.p': `Every probability must be at least ${MIN_P}; small ones were raised to it.`,
    });
    expect(parseGumbelMaxState(new URLSearchParams('gm.p=1')).problems['gm.p']).toMatch(
      /1 classes/,
    );
  });
});
