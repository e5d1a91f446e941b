import { describe, expect, it } from 'vitest';
import { echo } from '../../deck/echo';
import {
  addClass,
  BIG_STEP,
  defaultGumbelMaxState,
  dragProbability,
  formatGumbelMaxState,
  maxProbability,
  MIN_P,
  parseGumbelMaxState,
  probabilityAfterKey,
  removeClass,
  setProbability,
  SMALL_STEP,
  valueAtHeight,
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
      /not a comma-separated list of numbers.*from 1 to 1000000.*not a number/,
    );
    const zero = parseGumbelMaxState(new URLSearchParams('gm.p=1,0,1'));
    expect(zero.state.probabilities[1]).toBeGreaterThanOrEqual(MIN_P * 0.99);
    expect(zero.problems).toEqual({
      'gm.p': `Every probability must be at least ${MIN_P}; small ones were raised to it.`,
    });
    expect(parseGumbelMaxState(new URLSearchParams('gm.p=1')).problems['gm.p']).toMatch(
      /lists 1 class; 2 to 10/,
    );
    // Text that is not numbers is called that, not counted as classes.
    expect(parseGumbelMaxState(new URLSearchParams('gm.p=abc')).problems['gm.p']).toBe(
      `The link’s probabilities ${echo('abc')} are not a comma-separated list of numbers; using the defaults.`,
    );
    expect(parseGumbelMaxState(new URLSearchParams('gm.p=-1,2')).problems['gm.p']).toMatch(
      /not non-negative numbers with a positive sum/,
    );
  });

  it('reads the value under the pointer off the π axis', () => {
    // An axis drawn from y = 100 (π = 0) up to y = 0 (π = 1), as the bar chart draws it.
    const axis = { zeroAt: 100, oneAt: 0 };
    expect(valueAtHeight(100, axis)).toBeCloseTo(0, 12);
    expect(valueAtHeight(0, axis)).toBe(1);
    expect(valueAtHeight(25, axis)).toBeCloseTo(0.75, 12);
    expect(valueAtHeight(130, axis)).toBeCloseTo(-0.3, 12);
  });

  it('drags a bar to the height under the pointer, the others keeping the ratios they had at the start', () => {
    const start = probabilities([0.1, 0.2, 0.3, 0.4]);
    const axis = { zeroAt: 90, oneAt: 0 };
    // A path of moves, each read against the π at the start of the drag.
    for (const y of [60, 30, 85, 10, 45]) {
      const p = dragProbability(start, 0, y, axis)!;
      expect(p[0]).toBeCloseTo(1 - y / 90, 12);
      expect(sum(p)).toBeCloseTo(1, 12);
      expect(p[2]! / p[1]!).toBeCloseTo(1.5, 9);
      expect(p[3]! / p[1]!).toBeCloseTo(2, 9);
    }
    // Past the ends: clamped to the floor and to what the floor leaves.
    expect(dragProbability(start, 1, 500, axis)![1]).toBeCloseTo(MIN_P, 12);
    // (The others fall under the floor there and are lifted, which costs class 1
    // at most (K − 1)·MIN_P = 0.003 of its value.)
    expect(dragProbability(start, 1, -500, axis)![1]).toBeCloseTo(maxProbability(4), 2);
    // Up to the top and back: the others return to their old ratios.
    const back = dragProbability(start, 0, 90 * 0.9, axis)!;
    back.forEach((x, i) => expect(x).toBeCloseTo(start[i]!, 12));
  });

  it('moves a bar with the arrow keys, Shift for bigger steps, Home and End to the ends', () => {
    const p = probabilities([0.1, 0.2, 0.3, 0.4]);
    expect(probabilityAfterKey(p, 1, 'ArrowUp', false)![1]).toBeCloseTo(0.2 + SMALL_STEP, 12);
    expect(probabilityAfterKey(p, 1, 'ArrowRight', false)![1]).toBeCloseTo(0.2 + SMALL_STEP, 12);
    expect(probabilityAfterKey(p, 1, 'ArrowDown', true)![1]).toBeCloseTo(0.2 - BIG_STEP, 12);
    expect(probabilityAfterKey(p, 1, 'ArrowLeft', false)![1]).toBeCloseTo(0.2 - SMALL_STEP, 12);
    expect(probabilityAfterKey(p, 1, 'Home', false)![1]).toBeCloseTo(MIN_P, 12);
    expect(probabilityAfterKey(p, 1, 'End', false)![1]).toBeCloseTo(maxProbability(4), 2);
    // Keys the deck needs (a clicker's Page Down) are not the slider's.
    expect(probabilityAfterKey(p, 1, 'PageDown', false)).toBeNull();
    expect(probabilityAfterKey(p, 9, 'ArrowUp', false)).toBeNull();
  });
});
