/**
 * A proxy for a real GPU (issue 16): what a unit of work asks of WebGL,
 * counted by wrapping the methods of the WebGL 2 context tfjs's webgl backend
 * draws with, and tfjs's kernel count from tf.profile. On a GPU these counts
 * (kernel launches, uploads, readbacks, shader compilations), not
 * SwiftShader's milliseconds, decide the speed. For `npm run bench` and the
 * browser test tests/gpuCounts.e2e.ts; e2e build only.
 */
import * as tf from '../ml/tfjs';
import { prepare, type CountedWork } from './countedWork';

export type { CountedWork };

/** The WebGL calls counted, by what they cost on a GPU. */
export interface GlCounts {
  /** drawArrays + drawElements: one per kernel launch (a shader run). */
  drawCalls: number;
  /** compileShader: a new program (after warm-up this should be 0). */
  shaderCompiles: number;
  /** texImage2D + texSubImage2D: data sent from the CPU to the GPU. */
  textureUploads: number;
  /** readPixels: data read back from the GPU (into a buffer or the CPU). */
  readPixels: number;
  /** getBufferSubData: a pixel-pack buffer copied to the CPU (the second half of an async read). */
  bufferReads: number;
}

const COUNTED: Record<string, keyof GlCounts> = {
  drawArrays: 'drawCalls',
  drawElements: 'drawCalls',
  compileShader: 'shaderCompiles',
  texImage2D: 'textureUploads',
  texSubImage2D: 'textureUploads',
  readPixels: 'readPixels',
  getBufferSubData: 'bufferReads',
};

const zero = (): GlCounts => ({
  drawCalls: 0,
  shaderCompiles: 0,
  textureUploads: 0,
  readPixels: 0,
  bufferReads: 0,
});

let tally = zero();
const wrapped = new WeakSet<WebGL2RenderingContext>();

/** The webgl backend's context, its methods wrapped once so that every call is tallied. */
function countedContext(): WebGL2RenderingContext {
  if (tf.getBackend() !== 'webgl') throw new Error(`counting needs webgl, not ${tf.getBackend()}`);
  const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
  if (!wrapped.has(gl)) {
    const methods = gl as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const [method, counter] of Object.entries(COUNTED)) {
      const original = methods[method]!.bind(gl);
      methods[method] = (...args: unknown[]) => {
        tally[counter] += 1;
        return original(...args);
      };
    }
    wrapped.add(gl);
  }
  return gl;
}

/** WebGL calls per unit of `work` (run `units` times after `warmUp` unwatched runs). */
async function glPerUnit(
  work: () => Promise<unknown>,
  runs: number,
  unitsPerRun: number,
  warmUp: number,
) {
  countedContext();
  for (let i = 0; i < warmUp; i++) await work();
  tally = zero();
  for (let i = 0; i < runs; i++) await work();
  const counts = tally;
  tally = zero();
  const units = runs * unitsPerRun;
  const per = Object.fromEntries(
    Object.entries(counts).map(([k, v]) => [k, Math.round((v / units) * 100) / 100]),
  ) as unknown as GlCounts;
  return { units, total: counts, perUnit: per };
}

/** tfjs kernels one run of `work` executes (tf.profile; it reads every output, so never timed or GL-counted). */
async function kernelsOf(work: () => Promise<unknown>, unitsPerRun: number) {
  const info = await tf.profile(async () => {
    await work();
  });
  const byName: Record<string, number> = {};
  for (const k of info.kernels) byName[k.name] = (byName[k.name] ?? 0) + 1 / unitsPerRun;
  const top = Object.entries(byName)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  return { kernels: info.kernels.length / unitsPerRun, topKernels: Object.fromEntries(top) };
}

export interface WorkCounts {
  work: CountedWork;
  what: string;
  backend: string;
  units: number;
  total: GlCounts | null;
  perUnit: GlCounts | null;
  /** tfjs kernels of one unit (tf.profile), on the active backend. */
  kernels: number;
  topKernels: Record<string, number>;
}

/**
 * Counts one kind of work on the active backend: WebGL calls per unit (webgl
 * only; null elsewhere) after a warm-up, and tfjs kernels of one unit.
 */
export async function countWork(work: CountedWork, runs = 5): Promise<WorkCounts> {
  const { what, run, warmUp, dispose, unitsPerRun = 1 } = await prepare(work);
  try {
    const gl = tf.getBackend() === 'webgl' ? await glPerUnit(run, runs, unitsPerRun, warmUp) : null;
    if (!gl) for (let i = 0; i < warmUp; i++) await run();
    const kernels = await kernelsOf(run, unitsPerRun);
    return {
      work,
      what,
      backend: tf.getBackend(),
      units: runs * unitsPerRun,
      total: gl?.total ?? null,
      perUnit: gl?.perUnit ?? null,
      ...kernels,
    };
  } finally {
    dispose();
  }
}
