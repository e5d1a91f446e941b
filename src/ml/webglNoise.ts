/**
 * Uniform and Gumbel noise made on the GPU by a custom tfjs WebGL program: the
 * counter-based hash runs in the fragment shader, so no random numbers are made
 * in JavaScript or uploaded. Needs WebGL 2 (GLSL ES 3.00 has 32-bit `uint`).
 */
import * as tf from './tfjs';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { counterHashGlsl, streamKey } from './counterHash';

export type NoiseKind = 'uniform' | 'gumbel';

function noiseProgram(kind: NoiseKind, size: number): GPGPUProgram {
  const value = kind === 'uniform' ? 'uniformFromBits(bits)' : '-log(minusLogUniform(bits))';
  return {
    variableNames: [],
    outputShape: [size],
    // The size is a uniform, so one compiled shader serves every size.
    enableShapeUniforms: true,
    customUniforms: [
      { name: 'noiseKey', type: 'int' },
      { name: 'noiseOffset', type: 'int' },
    ],
    userCode: `${counterHashGlsl}
void main() {
  int i = getOutputCoords();
  uint bits = keyedHash(uint(noiseKey), uint(i) + uint(noiseOffset));
  setOutput(${value});
}`,
  };
}

/** True when the active backend can run the noise program (webgl on WebGL 2 with float32 textures). */
export function webglNoiseAvailable(): boolean {
  return (
    tf.getBackend() === 'webgl' &&
    tf.env().getNumber('WEBGL_VERSION') === 2 &&
    tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')
  );
}

/** `size` noise values, flat, for indices offset … offset+size−1 of the stream `seed`. */
export function webglNoise(
  kind: NoiseKind,
  size: number,
  seed: number,
  offset: number,
): tf.Tensor1D {
  const backend = tf.backend() as MathBackendWebGL;
  // The stream key and the offset travel as int32 uniforms; GLSL's uint(int)
  // keeps the bit pattern. The key is hashed from the seed once, here.
  const info = backend.compileAndRun(noiseProgram(kind, size), [], 'float32', [
    [streamKey(seed) | 0],
    [offset | 0],
  ]);
  return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor1D;
}
