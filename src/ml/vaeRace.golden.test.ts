/**
 * Golden numbers of the VAE race: held-out and training −ELBO per copy after 30
 * steps at seed 2017 on the cpu backend, recorded on main before the
 * estimators moved into src/ml/estimators/ (issue 14). Refactoring how an
 * estimator is spelled must not move them: the cpu backend is deterministic,
 * so any change beyond float32 reassociation (1e-4 relative covers it) means
 * an estimator now feeds forward or routes its gradient differently.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { runOnCpuBackend } from './testSupport';
import { decodeImageSet } from './imageSet';
import { seed as asSeed } from './types';
import { VaeRace, type RaceConfig } from './vaeRace';
import { widgetDigitsRace, widgetDigitsRaceAt30 } from './goldenRace';

runOnCpuBackend();
const digits = decodeImageSet(readFileSync('public/data/digits.bin'));

async function after30(config: RaceConfig) {
  const race = new VaeRace(config, digits);
  const report = await race.trainSteps(30);
  const heldOut = (await race.evaluate(0)).negElbo;
  race.dispose();
  return { heldOut, lastTrain: report.negElbo.map((row) => row.at(-1)!) };
}

function expectClose(actual: readonly number[], golden: readonly number[]) {
  expect(actual.length).toBe(golden.length);
  actual.forEach((v, i) =>
    expect(Math.abs(v - golden[i]!) / Math.abs(golden[i]!)).toBeLessThan(1e-4),
  );
}

describe('the VAE race, golden numbers (recorded before the estimator refactor)', () => {
  test("the widget's digits model (N = 8, K = 4, hidden 128, batch 64, Adam 3e-3)", async () => {
    const out = await after30(widgetDigitsRace);
    expectClose(out.heldOut, widgetDigitsRaceAt30.heldOut);
    expectClose(out.lastTrain, widgetDigitsRaceAt30.lastTrain);
  }, 120_000);

  test('a small model with the exact copy and τ annealed to 0.5 within the 30 steps', async () => {
    const out = await after30({
      size: { pixels: 64, hidden: 32, latents: 2, classes: 3 },
      lines: [...widgetDigitsRace.lines, 'exact'],
      batch: 16,
      learningRate: 1e-2,
      seed: asSeed(2017),
      schedule: { rate: 0.05, every: 5, min: 0.5 },
    });
    expectClose(
      out.heldOut,
      [
        26.170720880681817, 25.74565314604377, 25.291781749789564, 25.290016045875422,
        25.285026370475588, 25.28943405408249,
      ],
    );
    expectClose(
      out.lastTrain,
      [
        26.935855865478516, 26.612165451049805, 26.24342918395996, 26.275787353515625,
        26.270708084106445, 26.299182891845703,
      ],
    );
  }, 120_000);
});
