/**
 * The VAE race measured inside the page, for `npm run bench`: steps per second
 * of one estimator and of all five together, and memory as a run goes on.
 */
import * as tf from '../ml/tfjs';
import { estimatorNames, type EstimatorName } from '../ml/estimators';
import { VaeRace } from '../ml/vaeRace';
import { datasets, type DatasetName } from '../widgets/vae-race/datasets';
import { loadImageSet } from '../widgets/vae-race/loadDataset';
import { defaultRaceSettings, schedules } from '../widgets/vae-race/model';
import { RaceSession } from '../widgets/vae-race/session';

const load = (dataset: DatasetName) =>
  loadImageSet(`${import.meta.env.BASE_URL}${datasets[dataset].file}`, () => {});

/** Steps per second over `steps` steps, read back every `perRead` steps as the widget does. */
export async function raceStepsPerSecond(
  dataset: DatasetName,
  lines: 'one' | 'five',
  steps: number,
  perRead = 10,
): Promise<number> {
  const data = await load(dataset);
  const info = datasets[dataset];
  const chosen: EstimatorName[] = lines === 'one' ? ['gumbel-softmax'] : [...estimatorNames];
  const race = new VaeRace(
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
      seed: 1,
      schedule: schedules.fast,
    },
    data,
  );
  try {
    await race.trainSteps(2 * perRead); // warm-up: shaders compile, kernels cache
    const start = performance.now();
    for (let done = 0; done < steps; done += perRead) await race.trainSteps(perRead);
    return (steps * 1000) / (performance.now() - start);
  } finally {
    race.dispose();
  }
}

export interface MemoryPoint {
  step: number;
  tfBytes: number;
  tfTensors: number;
  /** Chrome's used JS heap after a garbage collection (null where unavailable). */
  jsHeapBytes: number | null;
}

/**
 * The used JS heap after garbage collection: the smallest of five gc() calls a
 * few milliseconds apart, since one gc() right after a step still finds objects
 * that pending promises hold (single readings scatter by ±2 MB here).
 */
async function settledHeap(): Promise<number | null> {
  const gc = (window as unknown as { gc?: () => void }).gc;
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  if (!gc || !memory) return null;
  let least = Infinity;
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc();
    least = Math.min(least, memory.usedJSHeapSize);
  }
  return least;
}

/** A digits race as the widget runs it (evaluations included), with memory at each checkpoint. */
export async function raceMemory(checkpoints: number[]): Promise<MemoryPoint[]> {
  const settings = defaultRaceSettings();
  const session = new RaceSession('bench', settings, await load(settings.dataset));
  const points: MemoryPoint[] = [];
  try {
    for (const checkpoint of checkpoints) {
      while (session.step < checkpoint)
        await session.advance(Math.min(10, checkpoint - session.step));
      const jsHeapBytes = await settledHeap();
      const memory = tf.memory();
      points.push({
        step: session.step,
        tfBytes: memory.numBytes,
        tfTensors: memory.numTensors,
        jsHeapBytes,
      });
    }
  } finally {
    session.dispose();
  }
  return points;
}

/** The default digits race (seed 2017) after `steps` steps: held-out −ELBO per line, for the README. */
export async function raceTable(steps: number): Promise<{ line: string; negElbo: number }[]> {
  const settings = defaultRaceSettings();
  const session = new RaceSession('table', settings, await load(settings.dataset));
  try {
    while (session.step < steps) await session.advance(Math.min(10, steps - session.step));
    const evaluation = await session.race.evaluate(1);
    return session.lines.map((l, i) => ({ line: l.name, negElbo: evaluation.negElbo[i]! }));
  } finally {
    session.dispose();
  }
}
