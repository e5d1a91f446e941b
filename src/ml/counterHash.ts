/**
 * A counter-based generator: (seed, index) ↦ 32 random bits, with no state.
 * The mixing step is the PCG-style integer hash recommended for GPUs by
 * Jarzynski & Olano (2020, "Hash Functions for GPU Rendering"). The same
 * arithmetic is written twice below, in JavaScript and in GLSL ES 3.00, and the
 * browser tests check that both give identical bits.
 */
import { seed as asSeed, type Seed } from './types';

/** One round of the PCG-style permutation of 32-bit words. */
export function mixBits(x: number): number {
  const state = (Math.imul(x >>> 0, 747796405) + 2891336453) >>> 0;
  const word = Math.imul(((state >>> ((state >>> 28) + 4)) ^ state) >>> 0, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

const SEED_SALT = 0x9e3779b9;

/** The per-stream key: computed once per seed, not once per number. */
export function streamKey(seed: number): number {
  return mixBits((seed ^ SEED_SALT) >>> 0);
}

/** 32 random bits for position `index` of the stream whose key is `key`. */
export function keyedHash(key: number, index: number): number {
  return mixBits((mixBits((index ^ key) >>> 0) + key) >>> 0);
}

/** 32 random bits for position `index` of the stream named by `seed`. */
export function counterHash(seed: number, index: number): number {
  return keyedHash(streamKey(seed), index);
}

/** A new seed from a seed and integers (a step number, a sample id), for independent streams. */
export function deriveSeed(seed: Seed, ...parts: number[]): Seed {
  let h = mixBits(seed >>> 0);
  // Mixing h before each part makes the order matter: (1, 2) and (2, 1) differ.
  for (const part of parts) h = mixBits((mixBits(h) ^ part) >>> 0);
  return asSeed(h);
}

/**
 * The uniform number for 32 random bits: the top 23 bits k give (k + ½)·2⁻²³,
 * so u lies in [2⁻²⁴, 1 − 2⁻²⁴], strictly inside (0, 1) and exactly
 * representable in float32 (k + ½ needs 24 significant bits, which float32 has).
 * This keeps −log(−log u) finite: between −2.81 and 16.64.
 */
export function uniformFromBits(bits: number): number {
  return ((bits >>> 9) + 0.5) * 2 ** -23;
}

/**
 * GLSL ES 3.00 of the same functions, for the WebGL program. `uint` arithmetic
 * in GLSL wraps modulo 2³² exactly like `Math.imul` and `>>> 0` above.
 */
export const counterHashGlsl = `
uint mixBits(uint x) {
  uint state = x * 747796405u + 2891336453u;
  uint word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}
uint keyedHash(uint key, uint index) {
  return mixBits(mixBits(index ^ key) + key);
}
float uniformFromBits(uint bits) {
  return (float(bits >> 9u) + 0.5) * 1.1920928955078125e-7;
}
// -log(u) for u = (k + 1/2) 2^-23. Near u = 1 a float32 log loses the digits of
// 1 - u, so there the series -log(1 - v) = 2 atanh(v / (2 - v)) is used with
// v = 1 - u formed exactly from the integer.
float minusLogUniform(uint bits) {
  uint k = bits >> 9u;
  if (k < 7549747u) return -log(uniformFromBits(bits));
  float v = (float(8388607u - k) + 0.5) * 1.1920928955078125e-7;
  float s = v / (2.0 - v);
  float s2 = s * s;
  return 2.0 * s * (1.0 + s2 * (1.0 / 3.0 + s2 * (0.2 + s2 * (1.0 / 7.0))));
}
`;
