/**
 * A proxy for a real GPU (issue 16): what a unit of work asks of WebGL,
 * counted by wrapping the methods of the WebGL 2 context tfjs's webgl backend
 * draws with, and tfjs's kernel count from tf.profile. On a GPU these counts
 * (kernel launches, uploads, readbacks, shader compilations), not
 * SwiftShader's milliseconds, decide the speed. For `npm run bench` and the
 * browser test tests/gpuCounts.e2e.ts; e2e build only.
 */
import * as tf from '../ml/tfjs';
import { lectureEstimators, type EstimatorId } from '../ml/estimators/registry';
import { explainOneDraw, drawMany } from '../ml/gumbelMaxDraws';
import { drawnNoise } from '../ml/fixedNoiseSamples';
import { VaeRace } from '../ml/vaeRace';
import { probabilities, seed } from '../ml/types';
import { datasets, type DatasetName } from '../widgets/vae-race/datasets';
import { loadImageSet } from '../widgets/vae-race/loadDataset';
import { defaultRaceSettings, schedules } from '../widgets/vae-race/model';
import { IMAGES_SHOWN, RaceRun } from '../widgets/vae-race/raceRun';
import { createLabRun } from '../widgets/estimator-lab/labRun';
import { defaultLabSettings } from '../widgets/estimator-lab/model';

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

const load = (dataset: DatasetName) =>
  loadImageSet(`${import.meta.env.BASE_URL}${datasets[dataset].file}`, () => {});

/** The race of the bench: five lecture estimators (or one), digits, as raceStepsPerSecond builds it. */
async function openRace(lines: 'one' | 'five') {
  const data = await load('digits');
  const info = datasets.digits;
  const chosen: EstimatorId[] =
    lines === 'one' ? ['gumbel-softmax'] : lectureEstimators.map((e) => e.id);
  return new VaeRace(
    {
      size: {
        pixels: data.width * data.height,
        hidden: info.hidden,
        latents: info.latents,
        classes: info.classes,
      },
      lines: chosen,
      batch: info.batch,
      learningRate: 3e-3,
      seed: seed(1),
      schedule: schedules.fast,
    },
    data,
  );
}

export type CountedWork =
  | 'race-step'
  | 'race-step-one'
  | 'race-frame'
  | 'race-evaluation'
  | 'lab-frame'
  | 'gumbel-one-draw'
  | 'gumbel-draws-chunk'
  | 'sweep-noise';

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

interface Prepared {
  what: string;
  run: () => Promise<unknown>;
  warmUp: number;
  dispose: () => void;
  /** Units of work one run() does (the race steps 10 a readback, as the bench's speed). */
  unitsPerRun?: number;
}

async function prepare(work: CountedWork): Promise<Prepared> {
  const nothing = () => {};
  switch (work) {
    case 'race-step':
    case 'race-step-one': {
      const race = await openRace(work === 'race-step' ? 'five' : 'one');
      return {
        what: `one step of the digits race, ${work === 'race-step' ? 'five estimators' : 'one estimator'}, read back once per 10 steps (counted over 10-step runs ÷ 10)`,
        run: () => race.trainSteps(10),
        unitsPerRun: 10,
        warmUp: 1,
        dispose: () => race.dispose(),
      };
    }
    case 'race-frame':
    case 'race-evaluation': {
      const settings = defaultRaceSettings();
      const run = new RaceRun('count', settings, await load(settings.dataset));
      await run.prepare();
      return work === 'race-frame'
        ? {
            what: 'a frame of the race figure as the worker runs it: one step of the default race and its readback',
            run: () => run.advance(async () => true),
            warmUp: 3,
            dispose: () => run.dispose(),
          }
        : {
            what: `the race's held-out evaluation (every 100 steps), with ${IMAGES_SHOWN} images`,
            run: () => run.race.evaluate(IMAGES_SHOWN),
            warmUp: 1,
            dispose: () => run.dispose(),
          };
    }
    case 'lab-frame': {
      const s = defaultLabSettings();
      const { preset, k, tau, learningRate, samples, seed: labSeed, withBaseline } = s;
      const run = createLabRun({
        preset,
        k,
        tau,
        learningRate,
        samples,
        seed: labSeed,
        withBaseline,
      });
      return {
        what: 'a frame of the toy lab: one step of every lecture estimator and exact descent (default settings)',
        run: () => run.advance(),
        warmUp: 3,
        dispose: nothing,
      };
    }
    case 'gumbel-one-draw': {
      let i = 0;
      const p = probabilities([0.1, 0.2, 0.3, 0.4]);
      return {
        what: 'one explained Gumbel-max draw (the "one draw" panel, K = 4)',
        run: () => explainOneDraw(p, seed(1), i++),
        warmUp: 2,
        dispose: nothing,
      };
    }
    case 'gumbel-draws-chunk': {
      const p = probabilities([0.1, 0.2, 0.3, 0.4]);
      let s = 0;
      return {
        what: 'one chunk of many Gumbel-max draws, histogrammed on the backend (65,536 rows at K = 4 on webgl)',
        run: () => drawMany(p, 65_536, seed(++s)),
        warmUp: 1,
        dispose: nothing,
      };
    }
    case 'sweep-noise': {
      let s = 0;
      return {
        what: "the temperature sweep's noise, drawn once per seed (its frames then compute in JavaScript: no WebGL calls)",
        run: () => drawnNoise([4001, 7], seed(++s)),
        warmUp: 1,
        dispose: nothing,
      };
    }
  }
}
