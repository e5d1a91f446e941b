/**
 * The Gumbel values themselves (not only the uniforms) pinned bit for bit to
 * those recorded before issue 16 (src/ml/noiseGolden.ts), on the cpu backend.
 * The browser test (tests/noiseGolden.e2e.ts) checks the same on webgl, wasm
 * and cpu. Exact equality, no tolerance: a faster generator must not move a bit.
 */
import { describe, expect, it } from 'vitest';
import { gumbelAt, gumbelNoise, noiseArray } from './noise';
import {
  bitsFingerprint,
  bitsOf,
  goldenGumbelFingerprints,
  goldenGumbelRuns,
  goldenSeed,
} from './noiseGolden';
import { runOnCpuBackend } from './testSupport';

runOnCpuBackend();

describe('golden Gumbel values', () => {
  it.each(goldenGumbelRuns.map((run) => [run.why, run] as const))(
    'gumbelNoise keeps its bits: %s',
    async (_, run) => {
      const t = gumbelNoise([run.bits.length], goldenSeed(run), run.offset);
      const values = (await t.data()) as Float32Array;
      t.dispose();
      expect(bitsOf(values)).toEqual(run.bits);
      // The double-precision gumbelAt rounds to the same float32.
      const single = new Float32Array(
        run.bits.map((_, i) => gumbelAt(goldenSeed(run), run.offset + i)),
      );
      expect(bitsOf(single)).toEqual(run.bits);
    },
  );

  it('keeps the fingerprint of 100,000 consecutive values of two seeds', () => {
    for (const { seed, count, fnv } of goldenGumbelFingerprints) {
      const values = noiseArray('gumbel', count, goldenSeed({ seed }));
      expect(bitsFingerprint(values), `seed ${seed}`).toBe(fnv);
    }
  });

  it('notices one changed bit (the fingerprint has teeth)', () => {
    const { seed, count, fnv } = goldenGumbelFingerprints[0]!;
    const values = noiseArray('gumbel', count, goldenSeed({ seed }));
    const words = new Uint32Array(values.buffer);
    words[count >> 1] = words[count >> 1]! ^ 1;
    expect(bitsFingerprint(values)).not.toBe(fnv);
  });
});
