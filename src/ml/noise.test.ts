import * as tf from './tfjs';
import { describe, expect, it } from 'vitest';
import { counterHash, deriveSeed, uniformFromBits } from './counterHash';
import { gumbelAt, gumbelNoise, noiseArray, uniformAt, uniformNoise } from './noise';
import { EULER_GAMMA, GUMBEL_VARIANCE, gumbelCdf } from './densities';
import { ksCritical, ksDistance, meanAndVariance } from './stats';
import { expectNoLeak, runOnCpuBackend } from './testSupport';
import { seed as asSeed } from './types';

runOnCpuBackend();
const N = 100_000;

describe('counter-based uniforms', () => {
  it('map the extreme bit patterns strictly inside (0, 1), exactly in float32', () => {
    const lowest = uniformFromBits(0);
    const highest = uniformFromBits(0xffffffff);
    expect(lowest).toBe(2 ** -24);
    expect(highest).toBe(1 - 2 ** -24);
    expect(Math.fround(lowest)).toBe(lowest);
    expect(Math.fround(highest)).toBe(highest);
    expect(Number.isFinite(-Math.log(-Math.log(lowest)))).toBe(true);
    expect(Number.isFinite(-Math.log(-Math.log(highest)))).toBe(true);
  });

  it('stay finite at the seeds and indices where the hash really hits its extremes', async () => {
    // Search the stream of seed 7 for an index whose top 23 bits are all 0 and
    // one where they are all 1 (each expected once in 2²³ indices).
    let low = -1;
    let high = -1;
    for (let i = 0; i < 2 ** 27 && (low < 0 || high < 0); i++) {
      const top = counterHash(7, i) >>> 9;
      if (top === 0 && low < 0) low = i;
      if (top === 2 ** 23 - 1 && high < 0) high = i;
    }
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeGreaterThanOrEqual(0);
    const [uLow] = await uniformNoise([1], asSeed(7), low).data();
    const [uHigh] = await uniformNoise([1], asSeed(7), high).data();
    expect(uLow).toBe(2 ** -24);
    expect(uHigh).toBe(1 - 2 ** -24);
    const [gLow] = await gumbelNoise([1], asSeed(7), low).data();
    const [gHigh] = await gumbelNoise([1], asSeed(7), high).data();
    expect(gLow).toBeCloseTo(-Math.log(24 * Math.LN2), 5); // −log(−log 2⁻²⁴) ≈ −2.81
    expect(gHigh).toBeGreaterThan(16.6);
    expect(Number.isFinite(gHigh!)).toBe(true);
  });

  it('are uniform: KS distance to U(0, 1) below the 0.1% critical value', () => {
    const u = noiseArray('uniform', N, asSeed(2024));
    expect(Math.min(...u)).toBeGreaterThan(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(ksDistance(u, (x) => Math.min(Math.max(x, 0), 1))).toBeLessThan(ksCritical(N, 0.001));
  });

  it('depend on seed and index only: offsets continue the stream, seeds start new ones', async () => {
    const whole = await uniformNoise([20], asSeed(99)).data();
    const tail = await uniformNoise([2, 5], asSeed(99), 10).data();
    expect(Array.from(tail)).toEqual(Array.from(whole.slice(10)));
    const other = await uniformNoise([20], asSeed(100)).data();
    expect(Array.from(other)).not.toEqual(Array.from(whole));
    expect(uniformAt(asSeed(99), 3)).toBe(whole[3]);
    expect(deriveSeed(asSeed(1), 2)).not.toBe(deriveSeed(asSeed(1), 3));
    expect(deriveSeed(asSeed(1), 2)).not.toBe(deriveSeed(asSeed(2), 1));
  });

  it('keep their fixed values (a change of the generator changes every shared link)', () => {
    // Checked against an independent Python implementation of the same uint32 arithmetic.
    expect([0, 1, 2, 3].map((i) => counterHash(42, i))).toEqual([
      248227523, 1308538489, 1928817709, 1034249236,
    ]);
  });
});

describe('gumbelNoise', () => {
  it('is Gumbel(0, 1): KS distance to exp(−e^{−x}) below the 0.1% critical value', async () => {
    const g = await gumbelNoise([N], asSeed(12345)).data();
    // Asymptotic KS: P(D > 1.95/√n) = 0.001 when the sample is Gumbel; 0.0062 at n = 1e5.
    expect(ksDistance(g, gumbelCdf)).toBeLessThan(ksCritical(N, 0.001));
  });

  it('has mean γ and variance π²/6 within 4 standard errors', async () => {
    const g = await gumbelNoise([N], asSeed(777)).data();
    const { mean, variance } = meanAndVariance(g);
    // SE of the mean: √(π²/6 / n) = 0.0041. SE of the variance: σ²√((κ − 1)/n) with
    // the Gumbel kurtosis κ = 3 + 12/5 = 5.4, so 1.645·√(4.4/n) = 0.0109.
    expect(Math.abs(mean - EULER_GAMMA)).toBeLessThan(4 * Math.sqrt(GUMBEL_VARIANCE / N));
    expect(Math.abs(variance - GUMBEL_VARIANCE)).toBeLessThan(
      4 * GUMBEL_VARIANCE * Math.sqrt(4.4 / N),
    );
  });

  it('fails the KS test when the transform is wrong (the test has teeth)', () => {
    // −log u is exponential, not Gumbel: the same test must reject it.
    const wrong = noiseArray('uniform', N, asSeed(12345)).map((u) => -Math.log(u));
    expect(ksDistance(wrong, gumbelCdf)).toBeGreaterThan(ksCritical(N, 0.001));
  });

  it('equals −log(−log u) of the uniforms, element by element', async () => {
    const g = await gumbelNoise([3, 4], asSeed(5)).data();
    g.forEach((value, i) => expect(value).toBeCloseTo(gumbelAt(asSeed(5), i), 5));
  });

  it('leaks no tensors', async () => {
    await expectNoLeak(() =>
      tf.dispose([gumbelNoise([4, 3], asSeed(1)), uniformNoise([7], asSeed(2), 3)]),
    );
  });
});
