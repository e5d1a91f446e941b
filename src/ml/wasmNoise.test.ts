/**
 * The WebAssembly kernel against the JavaScript definition of the stream:
 * bit for bit, for every one of the 2²³ possible uniforms and for streams of
 * many sizes and offsets.
 */
import { describe, expect, it } from 'vitest';
import { gumbelKernelBase64 } from './gumbelKernelBinary';
import { noiseArray, noiseArrayInJs } from './noise';
import { bitsOf } from './noiseGolden';
import { seed as asSeed } from './types';
import { gumbelOfTopBits, setWasmNoiseEnabled, wasmNoiseAvailable } from './wasmNoise';

/** The first index where the float32 bits differ, or −1 (quicker than toEqual on long arrays). */
function firstDifference(a: Float32Array, b: Float32Array): number {
  const x = new Uint32Array(a.buffer);
  const y = new Uint32Array(b.buffer);
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

describe('the WebAssembly noise kernel', () => {
  it('runs here (node has WebAssembly SIMD), so the tests below test it', () => {
    expect(wasmNoiseAvailable()).toBe(true);
  });

  it('is small enough to compile synchronously on a browser main thread (< 4 KB)', () => {
    expect(atob(gumbelKernelBase64).length).toBeLessThan(4096);
  });

  it('gives fround(−log(−log u)) exactly for all 2²³ uniforms u = (k + ½)·2⁻²³', () => {
    const chunk = 1 << 20;
    let unsure = 0;
    let mismatches = 0;
    let first = -1;
    for (let k0 = 0; k0 < 2 ** 23; k0 += chunk) {
      const top = new Int32Array(chunk).map((_, i) => k0 + i);
      const got = gumbelOfTopBits(top)!;
      unsure += got.unsure;
      for (let i = 0; i < chunk; i++) {
        const u = (k0 + i + 0.5) * 2 ** -23;
        if (got.values[i] !== Math.fround(-Math.log(-Math.log(u)))) {
          mismatches++;
          if (first < 0) first = k0 + i;
        }
      }
    }
    expect(mismatches, `first at k = ${first}`).toBe(0);
    // The kernel's error margin makes it unsure of ~0.3% of values (pairs of
    // two are recomputed): more would mean its log lost accuracy.
    expect(unsure / 2 ** 23).toBeLessThan(0.005);
  });

  it.each([
    ['empty', 0, 0],
    ['one value', 1, 5],
    ['an odd length', 7, 11],
    ['one chunk less one', 65535, 3],
    ['one chunk', 65536, 0],
    ['one chunk and one', 65537, 123],
    ['several chunks, past index 2³¹', 200_003, 2 ** 31 - 70_000],
    ['wrapping past index 2³² − 1', 1000, 2 ** 32 - 500],
  ])('gives the JavaScript stream bit for bit: %s', (_, size, offset) => {
    for (const kind of ['uniform', 'gumbel'] as const) {
      for (const s of [0, 2017, 0xffffffff]) {
        const fast = noiseArray(kind, size, asSeed(s), offset);
        const slow = noiseArrayInJs(kind, size, asSeed(s), offset);
        expect(fast.length).toBe(size);
        expect(firstDifference(fast, slow), `${kind} seed ${s}`).toBe(-1);
      }
    }
  });

  it('can be switched off, and then noiseArray is the JavaScript loop', () => {
    setWasmNoiseEnabled(false);
    try {
      expect(wasmNoiseAvailable()).toBe(false);
      expect(bitsOf(noiseArray('gumbel', 10, asSeed(3)))).toEqual(
        bitsOf(noiseArrayInJs('gumbel', 10, asSeed(3))),
      );
    } finally {
      setWasmNoiseEnabled(true);
    }
  });
});
