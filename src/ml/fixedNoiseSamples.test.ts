import * as tf from './tfjs';
import { describe, expect, it } from 'vitest';
import { drawnNoise, relaxedSamples } from './fixedNoiseSamples';
import { gumbelSoftmax } from './gumbelSoftmax';
import { noiseArray } from './noise';
import { expectNoLeak, runOnCpuBackend } from './testSupport';
import { seed as asSeed, temperature } from './types';

runOnCpuBackend();

describe('relaxed samples over fixed noise', () => {
  it('computes the same relaxed samples as the numerics core for the same noise', async () => {
    const logPi = [0.2, 0.3, 0.5].map(Math.log);
    const seed = asSeed(77);
    const noise = noiseArray('gumbel', 300, seed);
    const ours = relaxedSamples(logPi, noise, 0.5, new Float32Array(300));
    const core = gumbelSoftmax(tf.tile(tf.tensor2d([logPi]), [100, 1]), temperature(0.5), seed);
    const theirs = await core.data();
    core.dispose();
    ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i]!, 5));
  });

  it('reads back the same Gumbel noise as the core draws, and leaks no tensors', async () => {
    const noise = await drawnNoise([4, 3], asSeed(5));
    expect(Array.from(noise)).toEqual(Array.from(noiseArray('gumbel', 12, asSeed(5))));
    await expectNoLeak(() => drawnNoise([4, 3], asSeed(5)));
  });
});
