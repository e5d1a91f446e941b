import { describe, expect, it } from 'vitest';
import { performanceDoc, type BenchRun } from './performanceDoc';

const counts = (drawCalls: number, textureUploads: number) => ({
  perUnit: { drawCalls, textureUploads, readPixels: 0.1, bufferReads: 0.1, shaderCompiles: 0 },
  kernels: 480,
  what: 'one step',
});

const before: BenchRun = {
  date: '2026-11-27T14:00:00.000Z',
  commit: '5b517c5',
  gpu: { webgl: { 'race-step': counts(552, 59) } },
  firstFigure: { auto: { 'gumbel-max': { fromTitleWarm: 418 } } },
};
const after: BenchRun = {
  date: '2026-11-27T15:00:00.000Z',
  commit: 'abc1234',
  gpu: { webgl: { 'race-step': counts(260, 4) } },
  firstFigure: { auto: { 'gumbel-max': { fromTitleWarm: 250 } } },
  autoChoice: {
    autoBackend: 'wasm',
    race: { ratio: 1, fastest: 'wasm' },
    noise: { ratio: 0.8, fastest: 'webgl' },
  },
  responsiveness: {
    raceDefault: { link: '#/results', stepsPerSecond: 94.5, longestTaskMs: 0, frameP95Ms: 16.8 },
  },
  tasks: { 'sbn-bernoulli': { webgl: 4, wasm: 18.08, wasmHeldOutSeconds: { M1000: 11.5565 } } },
};

describe('docs/performance.md from bench runs', () => {
  const doc = performanceDoc([before, after]);

  it('lists every run with its commit and shows each value first → last', () => {
    expect(doc).toContain('1. `5b517c5`, 2026-11-27 14:00 UTC');
    expect(doc).toContain('2. `abc1234`');
    expect(doc).toMatch(/\| race-step \| 552 → 260 \| 59 → 4 \|/);
    expect(doc).toMatch(/\| gumbel-max, auto \| – → – \| – → – \| – → – \| 418 → 250 \|/);
  });

  it('checks the goals against the last run and leaves out what no run measured', () => {
    expect(doc).toMatch(
      /WebGL draw calls per race step ≤ 217 \(half the 434 counted before this work; our own first count: 552\) \| 260 \| not yet/,
    );
    expect(doc).toMatch(/texture uploads per race step: a handful \(≤ 5\) \| 4 \| met/);
    expect(doc).toMatch(/auto ÷ fastest backend, noise ≥ 0.9 \| 0.8 \| not yet/);
    expect(doc).toMatch(
      /digits race, five estimators, wasm \(steps\/s\) ≥ 90 \| – \| not measured/,
    );
    expect(doc).not.toContain('## The VAE race');
    expect(doc).not.toContain('## Gumbel noise');
  });

  it('shows the figures as they run and the tasks per backend, rounded, from the runs that have them', () => {
    expect(doc).toMatch(/\| raceDefault `#\/results` \| 94.5 \| 0 \| 16.8 \| – \|/);
    expect(doc).not.toContain('labHeaviest');
    expect(doc).toMatch(/\| sbn-bernoulli \| 4 \| 18.08 \| – \| 11.56 \|/);
  });

  it('refuses no runs', () => {
    expect(() => performanceDoc([])).toThrow('no bench runs');
  });
});
