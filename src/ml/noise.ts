/**
 * Seeded noise tensors. On WebGL 2 the numbers are made on the GPU by
 * `webglNoise`; on the cpu and wasm backends (and WebGL 1) the same counter
 * hash runs in the WebAssembly kernel of `wasmNoise` (or, without WebAssembly
 * SIMD, in JavaScript, bit for bit the same). Either way, the same (seed,
 * index) gives the same uniform number exactly, on every backend.
 */
import * as tf from './tfjs';
import { counterHash, keyedHash, streamKey, uniformFromBits } from './counterHash';
import { webglNoise, webglNoiseAvailable, type NoiseKind } from './webglNoise';
import { fillNoise } from './wasmNoise';
import type { Seed } from './types';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The uniform number at `index` of stream `seed`, in JavaScript (float32-exact). */
export function uniformAt(seed: Seed, index: number): number {
  return uniformFromBits(counterHash(seed, index >>> 0));
}

/** The Gumbel(0, 1) number at `index` of stream `seed`, in double precision. */
export function gumbelAt(seed: Seed, index: number): number {
  return -Math.log(-Math.log(uniformAt(seed, index)));
}

/** A Float32Array of `size` values of the stream, from `offset` on. */
export function noiseArray(kind: NoiseKind, size: number, seed: Seed, offset = 0): Float32Array {
  const out = new Float32Array(size);
  fillStream(kind, out, seed, offset);
  return out;
}

/** Fills `out` with the stream's values from `offset` on: the kernel where it runs, else JavaScript. */
function fillStream(kind: NoiseKind, out: Float32Array, seed: Seed, offset: number): void {
  const key = streamKey(seed);
  if (!fillNoise(kind, out, key, offset)) fillInJs(kind, out, key, offset);
}

/**
 * `noiseArray` in plain JavaScript: the definition of the stream's float32
 * values, which the WebAssembly kernel reproduces bit for bit.
 */
export function noiseArrayInJs(
  kind: NoiseKind,
  size: number,
  seed: Seed,
  offset = 0,
): Float32Array {
  const out = new Float32Array(size);
  fillInJs(kind, out, streamKey(seed), offset);
  return out;
}

function fillInJs(kind: NoiseKind, out: Float32Array, key: number, offset: number): void {
  for (let i = 0; i < out.length; i++) {
    const u = uniformFromBits(keyedHash(key, (offset + i) >>> 0));
    out[i] = kind === 'uniform' ? u : -Math.log(-Math.log(u));
  }
}

/**
 * On the wasm backend, the tensor's memory is allocated in tfjs's WebAssembly
 * heap and the stream written straight into it: no JavaScript array to make
 * and copy (a tenth of the time of 10⁶ samples).
 */
function wasmBackendNoise(kind: NoiseKind, shape: number[], seed: Seed, offset: number): tf.Tensor {
  const backend = tf.backend() as BackendWasm;
  const info = backend.makeOutput(shape, 'float32');
  fillStream(kind, backend.typedArrayFromHeap(info) as Float32Array, seed, offset);
  return tf.engine().makeTensorFromTensorInfo(info);
}

function noise(kind: NoiseKind, shape: readonly number[], seed: Seed, offset: number): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`Bad noise shape [${shape.join(', ')}]`);
  if (size === 0) return tf.zeros(shape as number[]);
  if (webglNoiseAvailable()) {
    return tf.tidy(() =>
      tf.reshape(webglNoise(kind, size, seed >>> 0, offset >>> 0), shape as number[]),
    );
  }
  if (tf.getBackend() === 'wasm') return wasmBackendNoise(kind, shape as number[], seed, offset);
  return tf.tensor(noiseArray(kind, size, seed, offset), shape as number[], 'float32');
}

/**
 * Uniform(0, 1) noise of `shape`, strictly inside (0, 1). Element i (row-major)
 * is the stream's value at index offset + i.
 */
export function uniformNoise(shape: readonly number[], seed: Seed, offset = 0): tf.Tensor {
  return noise('uniform', shape, seed, offset);
}

/** Gumbel(0, 1) noise of `shape`: g = −log(−log u) for the uniforms above. */
export function gumbelNoise(shape: readonly number[], seed: Seed, offset = 0): tf.Tensor {
  return noise('gumbel', shape, seed, offset);
}
