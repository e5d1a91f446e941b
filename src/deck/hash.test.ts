import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, splitHash } from './hash';

const slides = [
  { id: 'title', steps: 1 },
  { id: 'gumbel-max', steps: 4 },
  { id: 'gumbel-softmax-estimator', steps: 2 },
];

describe('URL hash', () => {
  it('formats the first step without a number and later steps from 2 on', () => {
    expect(formatHash(slides, { slide: 0, step: 0 })).toBe('#/title');
    expect(formatHash(slides, { slide: 1, step: 2 })).toBe('#/gumbel-max/3');
  });

  it('round-trips every valid position without a notice', () => {
    slides.forEach((slide, s) => {
      for (let step = 0; step < slide.steps; step++) {
        const hash = formatHash(slides, { slide: s, step });
        expect(parseHash(slides, hash)).toEqual({ position: { slide: s, step } });
      }
    });
  });

  it('accepts slide numbers, an empty hash and percent-encoding', () => {
    expect(parseHash(slides, '#/2/3').position).toEqual({ slide: 1, step: 2 });
    expect(parseHash(slides, '').position).toEqual({ slide: 0, step: 0 });
    expect(parseHash(slides, '#/').position).toEqual({ slide: 0, step: 0 });
    expect(parseHash(slides, '#/gumbel%2Dmax').position).toEqual({ slide: 1, step: 0 });
  });

  it('lands on the nearest valid place with a notice for hashes that point nowhere', () => {
    const cases: [string, { slide: number; step: number }, RegExp][] = [
      ['#/999', { slide: 2, step: 0 }, /no slide 999/],
      ['#/0', { slide: 0, step: 0 }, /no slide 0/],
      ['#/-5', { slide: 0, step: 0 }, /no slide -5/],
      ['#/nope/-3', { slide: 0, step: 0 }, /No slide is called “\u2068nope\u2069”/],
      ['#/2/99', { slide: 1, step: 3 }, /has 4 steps; showing step 4/],
      ['#/2/-1', { slide: 1, step: 0 }, /has 4 steps; showing step 1/],
      ['#/gumbel-max/x', { slide: 1, step: 0 }, /not a step number/],
      ['#/gumbel-max/2/extra', { slide: 1, step: 1 }, /extra parts/],
      ['#/gumbel/2', { slide: 1, step: 1 }, /showing “gumbel-max”/],
      ['#%E0%A4%A', { slide: 0, step: 0 }, /No slide/],
      ['#' + 'x'.repeat(10_000), { slide: 0, step: 0 }, /No slide is called “\u2068x{24}…\u2069”/],
    ];
    for (const [hash, position, notice] of cases) {
      const resolved = parseHash(slides, hash);
      expect(resolved.position, hash.slice(0, 30)).toEqual(position);
      expect(resolved.notice, hash.slice(0, 30)).toMatch(notice);
    }
  });
});

describe('widget state in the hash', () => {
  it('is split off and ignored by the position parser', () => {
    expect(parseHash(slides, '#/gumbel-max/2?gm.seed=7&ts.tau=0.5')).toEqual({
      position: { slide: 1, step: 1 },
    });
    expect(splitHash('#/a/2?x=1&y=2')).toEqual({ path: '#/a/2', query: '?x=1&y=2' });
    expect(splitHash('#/a')).toEqual({ path: '#/a', query: '' });
  });
});
