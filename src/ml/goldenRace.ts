/**
 * The race the golden tests pin (issue 16): the race widget's default model on
 * the digits at seed 2017, and its numbers after 30 steps recorded on the cpu
 * backend before the estimator refactor (vaeRace.golden.test.ts), which the
 * wasm backend must reproduce too (vaeRace.wasm.test.ts). Test data only.
 */
import { seed as asSeed } from './types';
import type { RaceConfig } from './vaeRace';

/** N = 8, K = 4, hidden 128, batch 64, Adam 3e-3, the lecture's five estimators, seed 2017. */
export const widgetDigitsRace: RaceConfig = {
  size: { pixels: 64, hidden: 128, latents: 8, classes: 4 },
  lines: [
    'reinforce',
    'reinforce-baseline',
    'straight-through',
    'gumbel-softmax',
    'st-gumbel-softmax',
  ],
  batch: 64,
  learningRate: 3e-3,
  seed: asSeed(2017),
  schedule: { rate: 5e-4, every: 100, min: 0.5 },
};

/** widgetDigitsRace after 30 steps, per copy: the held-out −ELBO and the last training −ELBO (cpu). */
export const widgetDigitsRaceAt30 = {
  heldOut: [
    26.44759443392256, 25.97918639520202, 25.285095420349325, 25.30851154776936, 25.31615964330808,
  ],
  lastTrain: [
    26.4044246673584, 26.01183319091797, 25.310632705688477, 25.30613899230957, 25.39286231994629,
  ],
} as const;
