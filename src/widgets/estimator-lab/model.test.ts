import { describe, expect, it } from 'vitest';
import { defaultLabSettings, formatLabSettings, parseLabSettings } from './model';

describe('lab settings', () => {
  it('round-trip through the URL', () => {
    const s = {
      ...defaultLabSettings(),
      preset: 'categorical' as const,
      k: 7,
      tau: 0.25,
      samples: 8,
      withBaseline: false,
    };
    const parsed = parseLabSettings(new URLSearchParams(formatLabSettings(s)));
    expect(parsed).toEqual({ state: s, problems: {} });
  });

  it('clamp or refuse bad values with a reason', () => {
    const bad = parseLabSettings(
      new URLSearchParams('lab.preset=magic&lab.tau=0&lab.k=50&lab.lr=abc'),
    );
    expect(bad.state).toMatchObject({ preset: 'rebar', tau: 0.05, k: 10, learningRate: 1 });
    const text = Object.values(bad.problems).join(' ');
    for (const part of [
      /not a toy problem/,
      /T must be from 0.05 to 10; using 0.05/,
      /from 2 to 10/,
      /not a number/,
    ])
      expect(text).toMatch(part);
  });
});
