/**
 * The VAE race measured inside the page, for `npm run bench` and the browser
 * tests: steps per second of one estimator and of all five together, a race
 * held open so that memory can be measured from outside as it goes on, and
 * the README's table.
 */
import * as tf from '../ml/tfjs';
import { lectureEstimators, type EstimatorId } from '../ml/estimators/registry';
import { VaeRace } from '../ml/vaeRace';
import { seed } from '../ml/types';
import { datasets, type DatasetName } from '../widgets/shared/datasets';
import { loadImageSet } from '../widgets/shared/loadDataset';
import { defaultRaceSettings, schedules } from '../widgets/vae-race/model';
import { RaceRun } from '../widgets/vae-race/raceRun';

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
  const chosen: EstimatorId[] =
    lines === 'one' ? ['gumbel-softmax'] : lectureEstimators.map((e) => e.id);
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
      seed: seed(1),
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

/** Trains a run up to `step`, 10 steps per readback, evaluations included. */
async function advanceTo(run: RaceRun, step: number): Promise<number> {
  while (run.step < step) await run.trainSteps(Math.min(10, step - run.step));
  return run.step;
}

let heldRun: RaceRun | null = null;

/** Opens the default digits race as the widget runs it, for memory probes driven from outside. */
export async function raceOpen(): Promise<void> {
  heldRun?.dispose();
  const settings = defaultRaceSettings();
  heldRun = new RaceRun('probe', settings, await load(settings.dataset));
}

/** Trains the open race up to `step`; returns the step reached. */
export function raceAdvanceTo(step: number): Promise<number> {
  if (!heldRun) throw new Error('raceOpen first');
  return advanceTo(heldRun, step);
}

export const tfMemory = () => {
  const { numBytes, numTensors } = tf.memory();
  return { numBytes, numTensors };
};

export function raceClose(): void {
  heldRun?.dispose();
  heldRun = null;
}

/** The default digits race (seed 2017) after `steps` steps: held-out −ELBO per line, for the README. */
export async function raceTable(steps: number): Promise<{ line: string; negElbo: number }[]> {
  const settings = defaultRaceSettings();
  const run = new RaceRun('table', settings, await load(settings.dataset));
  try {
    await advanceTo(run, steps);
    const evaluation = await run.race.evaluate(1);
    return run.lines.map((l, i) => ({ line: l.name, negElbo: evaluation.negElbo[i]! }));
  } finally {
    run.dispose();
  }
}
