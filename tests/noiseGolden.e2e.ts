/**
 * The golden Gumbel values (src/ml/noiseGolden.ts, recorded before issue 16)
 * drawn in the browser through gumbelNoise, on every backend: wasm and cpu
 * (the generator in JavaScript or its WebAssembly kernel) bit for bit as in
 * node; webgl (the GPU program) bit for bit as it gave them on SwiftShader, and
 * within 1e-5 of the JavaScript values on any other GPU.
 */
import { describe, expect, it } from 'vitest';
import { serveApp } from './support/app';
import { callMl } from './support/ml';
import {
  goldenGumbelFingerprints,
  goldenGumbelRuns,
  goldenWebglSwiftShader,
} from '../src/ml/noiseGolden';

const app = serveApp();
const floatOf = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0]!;

describe('golden Gumbel values in the browser', () => {
  it('are bit-identical to those recorded, on webgl, wasm and cpu', async () => {
    const { page, log } = await app.open();
    // The WebAssembly kernel runs in this browser, so wasm and cpu test it, not the JavaScript loop.
    expect(await callMl(page, 'wasmNoiseAvailable')).toBe(true);
    for (const backend of ['wasm', 'cpu', 'webgl'] as const) {
      await callMl(page, 'useBackend', backend);
      expect(await callMl(page, 'backendName')).toBe(backend);
      const tensorsBefore = await callMl(page, 'numTensors');
      const got = await callMl(page, 'gumbelGoldenBits');
      expect(await callMl(page, 'numTensors'), `${backend} leaks no tensors`).toBe(tensorsBefore);
      if (backend !== 'webgl') {
        expect(got.runs, backend).toEqual(goldenGumbelRuns.map((run) => run.bits));
        expect(got.fingerprints, backend).toEqual(goldenGumbelFingerprints.map((f) => f.fnv));
      } else if (/SwiftShader/i.test((await callMl(page, 'webglRenderer')) ?? '')) {
        expect(got.runs, backend).toEqual(goldenWebglSwiftShader.runs);
        expect(got.fingerprints, backend).toEqual(goldenWebglSwiftShader.fingerprints);
      } else {
        got.runs.forEach((bits, r) =>
          bits.forEach((b, i) =>
            expect(Math.abs(floatOf(b) - floatOf(goldenGumbelRuns[r]!.bits[i]!))).toBeLessThan(
              1e-5,
            ),
          ),
        );
      }
    }
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
