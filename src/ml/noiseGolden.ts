/**
 * Golden Gumbel values: the float32 bit patterns that `gumbelNoise` gave for
 * fixed (seed, index) before issue 16 sped the generator up, recorded on the
 * cpu backend (the JavaScript generator, which wasm shares). A faster
 * generator must reproduce them bit for bit, or every shared link and every
 * recorded race changes. Shared by the node unit test and the browser test.
 */
import type { Seed } from './types';
import { seed as asSeed } from './types';

/** A run of `count` consecutive stream values from `offset` on, with their bits. */
export interface GoldenRun {
  seed: number;
  offset: number;
  bits: readonly number[];
  /** Why this run is here. */
  why: string;
}

export const goldenGumbelRuns: readonly GoldenRun[] = [
  {
    seed: 0,
    offset: 0,
    bits: [
      0x40765e6e, 0xbda86240, 0x3e4f9b13, 0xbeb30aef, 0x3f0828bc, 0xbf0d14a8, 0x3f80d2d0,
      0x3f4b6f53,
    ],
    why: 'the first values of seed 0',
  },
  {
    seed: 2017,
    offset: 0,
    bits: [
      0x401b68e1, 0xbda5d6de, 0xbee5eae7, 0xbe132f6f, 0xbf583829, 0xbd8b003e, 0xbf8c496c,
      0x3eca229f,
    ],
    why: 'the seed of the default race',
  },
  {
    seed: 0xdeadbeef,
    offset: 2 ** 31 + 12345,
    bits: [
      0xbf0a5efc, 0x4006ee48, 0xbeaa2d6e, 0xbf9f3fc6, 0xbfba3294, 0x401a42ca, 0x3f00825f,
      0xbfb3b701,
    ],
    why: 'indices past 2³¹ (the offset is an int32 on the GPU)',
  },
  {
    seed: 0xffffffff,
    offset: 2 ** 32 - 4,
    bits: [
      0x3fb8139c, 0xbf512b2b, 0xbeaea4c0, 0xbeffca8c, 0xbf5df0ef, 0xbee0adef, 0x3f77a567,
      0x3fd02933,
    ],
    why: 'the index wraps from 2³² − 1 to 0 inside the run',
  },
  {
    seed: 7,
    offset: 4674356,
    bits: [0xc033f049],
    why: 'the lowest uniform, 2⁻²⁴: the smallest Gumbel value, −log(24 ln 2)',
  },
  {
    seed: 7,
    offset: 1034939,
    bits: [0x41851592],
    why: 'the highest uniform, 1 − 2⁻²⁴: the largest Gumbel value (−log u loses digits here)',
  },
];

/** FNV-1a (32 bits) of the float32 bit patterns of `values`: one number that pins many values. */
export function bitsFingerprint(values: Float32Array): number {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 16777619);
  return h >>> 0;
}

/** Fingerprints of the first 100,000 Gumbel values of two seeds (`bitsFingerprint`). */
export const goldenGumbelFingerprints: readonly { seed: number; count: number; fnv: number }[] = [
  { seed: 20261126, count: 100_000, fnv: 0x1484a84e },
  { seed: 1, count: 100_000, fnv: 0x47fe4c95 },
];

/**
 * What the WebGL program gives for the same runs on this project's test
 * machine, whose WebGL is SwiftShader. GLSL does not fix the rounding of
 * `log`, so GPU values may differ from the JavaScript ones in the last bits
 * (by less than 1e-5) and from GPU to GPU; they are pinned exactly only for
 * SwiftShader, where the browser tests run.
 */
export const goldenWebglSwiftShader = {
  runs: [
    [
      0x40765e6e, 0xbda8623a, 0x3e4f9b0d, 0xbeb30af0, 0x3f0828bd, 0xbf0d14a8, 0x3f80d2d0,
      0x3f4b6f55,
    ],
    [
      0x401b68e1, 0xbda5d6da, 0xbee5eae8, 0xbe132f75, 0xbf583828, 0xbd8b0041, 0xbf8c496c,
      0x3eca22a0,
    ],
    [
      0xbf0a5efc, 0x4006ee46, 0xbeaa2d71, 0xbf9f3fc7, 0xbfba3294, 0x401a42ca, 0x3f008260,
      0xbfb3b701,
    ],
    [
      0x3fb8139b, 0xbf512b2b, 0xbeaea4c1, 0xbeffca8c, 0xbf5df0f0, 0xbee0adf0, 0x3f77a567,
      0x3fd02930,
    ],
    [0xc033f04a],
    [0x41851592],
  ],
  fingerprints: [0x91fd94a6, 0x91d6fbc3],
} as const;

/** The float32 bit patterns of `values`, for comparing exactly (NaN- and −0-proof). */
export function bitsOf(values: Float32Array): number[] {
  return Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
}

export const goldenSeed = (run: { seed: number }): Seed => asSeed(run.seed);
