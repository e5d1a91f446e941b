import * as tf from '../../ml/tfjs';
import { describe, expect, it } from 'vitest';
import {
  defaultSweepState,
  formatSweepState,
  parseSweepState,
  planeToSimplex,
  relaxedSamples,
  simplexToPlane,
  sliderFromTau,
  tauFromSlider,
} from './model';
import { gumbelSoftmax } from '../../ml/gumbelSoftmax';
import { noiseArray } from '../../ml/noise';
import { temperature } from '../../ml/types';
import { runOnCpuBackend } from '../../ml/testSupport';

runOnCpuBackend();

describe('temperature sweep model', () => {
  it('maps the slider to τ on a log scale from 0.05 to 10 and back', () => {
    expect(tauFromSlider(0)).toBeCloseTo(0.05, 12);
    expect(tauFromSlider(1)).toBeCloseTo(10, 12);
    expect(tauFromSlider(0.5)).toBeCloseTo(Math.sqrt(0.05 * 10), 3);
    expect(sliderFromTau(tauFromSlider(0.37))).toBeCloseTo(0.37, 3);
    // What a link holds is exactly the state: formatting and parsing change nothing.
    const tau = tauFromSlider(0.4321);
    expect(
      parseSweepState(new URLSearchParams(formatSweepState({ ...defaultSweepState(), tau }))).state
        .tau,
    ).toBe(tau);
  });

  it('computes the same relaxed samples as the numerics core for the same noise', async () => {
    const logPi = [0.2, 0.3, 0.5].map(Math.log);
    const seed = 77;
    const noise = noiseArray('gumbel', 300, seed);
    const ours = relaxedSamples(logPi, noise, 0.5, new Float32Array(300));
    const core = gumbelSoftmax(tf.tile(tf.tensor2d([logPi]), [100, 1]), temperature(0.5), seed);
    const theirs = await core.data();
    core.dispose();
    ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i]!, 5));
  });

  it('goes from the plane to the simplex and back', () => {
    const [x, y] = simplexToPlane(0.2, 0.3, 0.5, 300);
    const back = planeToSimplex(x, y, 300, 0);
    expect(back[0]).toBeCloseTo(0.2, 9);
    expect(back[2]).toBeCloseTo(0.5, 9);
    const outside = planeToSimplex(-50, 400, 300);
    expect(Math.min(...outside)).toBeGreaterThan(0.005);
  });

  it('round-trips the URL and explains τ ≤ 0 and other bad values', () => {
    const state = { ...defaultSweepState(), tau: temperature(0.37), points: 5000 };
    const parsed = parseSweepState(new URLSearchParams(formatSweepState(state)));
    expect(parsed.problems).toEqual({});
    expect(parsed.state.tau).toBeCloseTo(0.37, 6);
    expect(parsed.state.points).toBe(5000);
    const bad = parseSweepState(new URLSearchParams('ts.tau=-1&ts.n=99999999&ts.pi=1,2'));
    expect(bad.state.tau).toBe(0.05);
    expect(bad.state.points).toBe(20_000);
    const text = Object.values(bad.problems).join(' ');
    for (const part of [
      /τ must be from 0.05 to 10; using 0.05/,
      /from 100 to 20000/,
      /three non-negative/,
    ])
      expect(text).toMatch(part);
    expect(parseSweepState(new URLSearchParams('ts.tau=NaN')).problems['ts.tau']).toMatch(
      /not a number/,
    );
  });
});
