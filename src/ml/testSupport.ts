/** Shared set-up for the numerics' unit tests: tfjs on the cpu backend, and a leak check. */
import * as tf from './tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, expect } from 'vitest';

export function runOnCpuBackend() {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });
}

/**
 * Runs `step` once to warm up (kernels may cache), then `times` more, and
 * expects the number of live tensors to be unchanged.
 */
export async function expectNoLeak(step: () => unknown | Promise<unknown>, times = 5) {
  await step();
  const before = tf.memory().numTensors;
  for (let i = 0; i < times; i++) await step();
  expect(tf.memory().numTensors).toBe(before);
}
