/**
 * What the browser tests and the benchmark call inside the page (through
 * `window.__explorer.ml()`, present only in the e2e build). Plain data in and
 * out, so Playwright can pass it across.
 */
import * as tf from '../ml/tfjs';
import { initBackend, onBackendChange, useBackend, type BackendInfo } from '../ml/backend';
import type { BackendName } from '../ml/backendPlan';
import { gumbelNoise, noiseArray, noiseArrayInJs, uniformNoise } from '../ml/noise';
import {
  bitsFingerprint,
  bitsOf,
  goldenGumbelFingerprints,
  goldenGumbelRuns,
  goldenSeed,
} from '../ml/noiseGolden';
import { webglNoiseAvailable } from '../ml/webglNoise';
import { wasmNoiseAvailable } from '../ml/wasmNoise';
import { gumbelCdf } from '../ml/densities';
import { ksCritical, ksDistance } from '../ml/stats';
import { seed as asSeed, temperature } from '../ml/types';
import { estimatorById, estimatorIds, type EstimatorId } from '../ml/estimators/registry';

export { initBackend, useBackend, wasmNoiseAvailable, webglNoiseAvailable };
/** Whether Adam runs as one fused kernel on the current backend (wasm: adamKernel.wat on tfjs's memory). */
export { fusedAdamAvailable } from '../ml/fusedAdam';

export const backendName = () => tf.getBackend();
/** The registered estimators' ids, in registry order. */
export const registeredEstimators = (): EstimatorId[] => [...estimatorIds];

/** The variables an estimator is defined for: any number of classes, or binary ones (K = 2) only. */
export const estimatorClasses = (id: EstimatorId): 'any' | 'binary' => estimatorById(id).classes;
export const numTensors = () => tf.memory().numTensors;

export async function uniforms(seed: number, n: number, offset = 0): Promise<number[]> {
  const t = uniformNoise([n], asSeed(seed), offset);
  const values = Array.from(await t.data());
  t.dispose();
  return values;
}

export async function gumbels(seed: number, n: number, offset = 0): Promise<number[]> {
  const t = gumbelNoise([n], asSeed(seed), offset);
  const values = Array.from(await t.data());
  t.dispose();
  return values;
}

/**
 * The golden runs' Gumbel bits and the golden fingerprints, drawn through
 * gumbelNoise on the active backend (src/ml/noiseGolden.ts has the expected ones).
 */
export async function gumbelGoldenBits() {
  const draw = async (shape: number[], run: { seed: number }, offset: number) => {
    const t = gumbelNoise(shape, goldenSeed(run), offset);
    const values = (await t.data()) as Float32Array;
    t.dispose();
    return values;
  };
  const runs: number[][] = [];
  for (const run of goldenGumbelRuns)
    runs.push(bitsOf(await draw([run.bits.length], run, run.offset)));
  const fingerprints: number[] = [];
  for (const f of goldenGumbelFingerprints)
    fingerprints.push(bitsFingerprint(await draw([f.count], f, 0)));
  return { runs, fingerprints };
}

/** The unmasked renderer of the WebGL context tfjs draws with (e.g. "…SwiftShader…"), or null. */
export function webglRenderer(): string | null {
  const gl = (tf.backend() as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

export async function ksOfGumbel(seed: number, n: number) {
  const g = await gumbels(seed, n);
  return { distance: ksDistance(g, gumbelCdf), critical: ksCritical(n, 0.001) };
}

/** Loses the WebGL context tfjs draws with, as a GPU reset would, and waits for the next backend. */
export function loseWebGLContext(): Promise<BackendInfo> {
  return new Promise((resolve) => {
    const stop = onBackendChange((info) => {
      stop();
      resolve(info);
    });
    const backend = tf.backend() as { gpgpu?: { gl?: WebGL2RenderingContext } };
    backend.gpgpu?.gl?.getExtension('WEBGL_lose_context')?.loseContext();
  });
}

export type { BackendName };

/**
 * counter: gumbelNoise as the app draws it (the GPU program on WebGL 2, else the
 * WebAssembly kernel); counterJs: the same stream from the JavaScript loop made
 * into a tensor (how cpu and wasm drew it before issue 16); randomUniform:
 * tfjs's own generator plus the transform; mathRandom: plain JavaScript.
 */
export type NoiseMethod = 'counter' | 'counterJs' | 'randomUniform' | 'mathRandom';

/**
 * Milliseconds to draw n Gumbel samples with `method`, median of `reps` runs
 * after one warm-up. Without readback, one value is read so that an
 * asynchronous backend (webgl) has really finished.
 */
export async function timeGumbelDraw(method: NoiseMethod, n: number, readback: boolean, reps = 5) {
  const once = async (seed: number) => {
    const start = performance.now();
    if (method === 'mathRandom') {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = -Math.log(-Math.log(Math.random() || 1e-12));
      if (out[n - 1] === Infinity) throw new Error('impossible');
      return performance.now() - start;
    }
    const t =
      method === 'counter'
        ? gumbelNoise([n], asSeed(seed))
        : method === 'counterJs'
          ? tf.tensor(noiseArrayInJs('gumbel', n, asSeed(seed)))
          : tf.tidy(() =>
              tf.neg(
                tf.log(tf.neg(tf.log(tf.randomUniform([n], 1e-7, 1 - 1e-7, 'float32', seed)))),
              ),
            );
    if (readback) await t.data();
    else {
      const first = tf.slice(t, [0], [1]);
      await first.data();
      first.dispose();
    }
    t.dispose();
    return performance.now() - start;
  };
  await once(0);
  const times: number[] = [];
  for (let r = 1; r <= reps; r++) times.push(await once(r));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Where the time of n Gumbel samples with readback goes on the active backend,
 * in milliseconds, fastest and median of `reps`: the kernel filling an array,
 * the JavaScript loop filling one, the array becoming a tensor, and the whole
 * of gumbelNoise plus data().
 */
export async function timeNoiseParts(n: number, reps = 15) {
  const seed = asSeed(5);
  const parts: Record<string, () => Promise<void> | void> = {
    kernelArray: () => void noiseArray('gumbel', n, seed),
    jsLoopArray: () => void noiseArrayInJs('gumbel', n, seed),
    arrayToTensorAndBack: async () => {
      const t = tf.tensor(new Float32Array(n));
      await t.data();
      t.dispose();
    },
    gumbelNoiseAndData: async () => {
      const t = gumbelNoise([n], seed);
      await t.data();
      t.dispose();
    },
  };
  const result: Record<string, { min: number; median: number }> = {};
  for (const [name, part] of Object.entries(parts)) {
    await part();
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      const start = performance.now();
      await part();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    result[name] = { min: times[0]!, median: times[reps >> 1]! };
  }
  return result;
}

/** Milliseconds to draw n Gumbel-max samples and histogram them, as the widget does. */
export async function timeDrawMany(n: number): Promise<number> {
  const { drawMany } = await import('../ml/gumbelMaxDraws');
  const { probabilities, seed } = await import('../ml/types');
  const p = probabilities([0.1, 0.2, 0.3, 0.4]);
  await drawMany(p, 1000, seed(1));
  const start = performance.now();
  await drawMany(p, n, seed(2));
  return performance.now() - start;
}

/** Bias and spread of single-sample estimates on a toy problem, on the active backend. */
export async function labMoments(name: EstimatorId, logits: number[], tau: number, rows: number) {
  const { makeProblem, exact } = await import('../ml/toyProblems');
  const { singleSampleEstimates, moments } = await import('../ml/toyEstimates');
  const problem = makeProblem('categorical', logits.length);
  const { LearnedState } = await import('../ml/estimators/learnedState');
  const e = exact(problem, logits);
  // REBAR and RELAX at their starting parameters (made from the same seed on every backend).
  const estimator = estimatorById(name);
  const learned = estimator.learned
    ? new LearnedState(estimator, [logits.length], asSeed(3))
    : null;
  const est = await singleSampleEstimates(name, problem, logits, rows, {
    tau: temperature(tau),
    seed: asSeed(11),
    baseline: e.value,
    ...(learned ? { own: learned.own } : {}),
  });
  learned?.dispose();
  return { ...moments(est, e.gradient), first: Array.from(est.slice(0, 8)) };
}

/** Training steps per second of the toy lab, every estimator and exact descent together. */
export async function labStepsPerSecond(steps: number): Promise<number> {
  const { makeProblem } = await import('../ml/toyProblems');
  const { LabRun } = await import('../widgets/estimator-lab/labRun');
  const run = new LabRun({
    problem: makeProblem('categorical', 4),
    tau: temperature(0.5),
    learningRate: 0.3,
    samples: 4,
    seed: asSeed(1),
    withBaseline: true,
  });
  for (let i = 0; i < 5; i++) await run.advance();
  const start = performance.now();
  for (let i = 0; i < steps; i++) await run.advance();
  return (steps * 1000) / (performance.now() - start);
}

export {
  raceAdvanceTo,
  raceClose,
  raceOpen,
  raceStepsPerSecond,
  raceTable,
  tfMemory,
} from './raceBench';

export {
  paperTableAdvance,
  paperTableClose,
  paperTableFacts,
  paperTableOpen,
  paperTableSnapshot,
  runnableTasks,
  taskStepsPerSecond,
} from './paperTableBench';

export { longLineChart } from './plotTestApi';

export { countWork } from './gpuCounts';
export type { CountedWork, WorkCounts } from './gpuCounts';
export { traceDraws } from './drawTrace';
