/**
 * The units of work the GPU proxy counts (src/testing/gpuCounts.ts): a race
 * step, each figure's frame, built as the bench and the figures build them.
 */
import { lectureEstimators, type EstimatorId } from '../ml/estimators/registry';
import { explainOneDraw, drawMany } from '../ml/gumbelMaxDraws';
import { drawnNoise } from '../ml/fixedNoiseSamples';
import { VaeRace } from '../ml/vaeRace';
import { probabilities, seed } from '../ml/types';
import { datasets, type DatasetName } from '../widgets/shared/datasets';
import { loadImageSet } from '../widgets/shared/loadDataset';
import { defaultRaceSettings, schedules } from '../widgets/vae-race/model';
import { IMAGES_SHOWN, RaceRun } from '../widgets/vae-race/raceRun';
import { createLabRun } from '../widgets/estimator-lab/labRun';
import { defaultLabSettings } from '../widgets/estimator-lab/model';

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

export interface Prepared {
  what: string;
  run: () => Promise<unknown>;
  warmUp: number;
  dispose: () => void;
  /** Units of work one run() does (the race steps 10 a readback, as the bench's speed). */
  unitsPerRun?: number;
}

export async function prepare(work: CountedWork): Promise<Prepared> {
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
