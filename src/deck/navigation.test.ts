import { describe, expect, it } from 'vitest';
import {
  clampPosition,
  lastPosition,
  nextSlide,
  nextStep,
  previousSlide,
  previousStep,
  progress,
} from './navigation';

const counts = [1, 3, 2];

describe('navigation', () => {
  it('steps forward across slide boundaries and stops at the end', () => {
    const visited = [{ slide: 0, step: 0 }];
    for (let i = 0; i < 7; i++) visited.push(nextStep(counts, visited.at(-1)!));
    expect(visited).toEqual([
      { slide: 0, step: 0 },
      { slide: 1, step: 0 },
      { slide: 1, step: 1 },
      { slide: 1, step: 2 },
      { slide: 2, step: 0 },
      { slide: 2, step: 1 },
      { slide: 2, step: 1 },
      { slide: 2, step: 1 },
    ]);
  });

  it('steps back onto the previous slide with all its steps shown', () => {
    expect(previousStep(counts, { slide: 2, step: 0 })).toEqual({ slide: 1, step: 2 });
    expect(previousStep(counts, { slide: 1, step: 1 })).toEqual({ slide: 1, step: 0 });
    expect(previousStep(counts, { slide: 0, step: 0 })).toEqual({ slide: 0, step: 0 });
  });

  it('moves by whole slides, skipping steps', () => {
    expect(nextSlide(counts, { slide: 1, step: 1 })).toEqual({ slide: 2, step: 0 });
    expect(nextSlide(counts, { slide: 2, step: 1 })).toEqual({ slide: 2, step: 1 });
    expect(previousSlide(counts, { slide: 2, step: 1 })).toEqual({ slide: 1, step: 0 });
    expect(previousSlide(counts, { slide: 0, step: 0 })).toEqual({ slide: 0, step: 0 });
    expect(lastPosition(counts)).toEqual({ slide: 2, step: 1 });
  });

  it('clamps positions out of range, fractional or NaN', () => {
    expect(clampPosition(counts, { slide: 9, step: 9 })).toEqual({ slide: 2, step: 1 });
    expect(clampPosition(counts, { slide: -4, step: -1 })).toEqual({ slide: 0, step: 0 });
    expect(clampPosition(counts, { slide: NaN, step: 1.7 })).toEqual({ slide: 0, step: 0 });
    expect(clampPosition(counts, { slide: 1.9, step: 2.2 })).toEqual({ slide: 1, step: 2 });
  });

  it('reports progress from 0 at the first step to 1 at the last', () => {
    expect(progress(counts, { slide: 0, step: 0 })).toBe(0);
    expect(progress(counts, { slide: 1, step: 1 })).toBeCloseTo(2 / 5);
    expect(progress(counts, { slide: 2, step: 1 })).toBe(1);
  });
});
