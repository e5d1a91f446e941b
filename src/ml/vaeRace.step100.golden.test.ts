/**
 * Golden numbers of the default race (issue 16): held-out −ELBO per estimator
 * after 100 steps at seed 2017 on the cpu backend, recorded on main at 5b517c5
 * before the race step was made faster. Speed work may reorder float32 sums
 * (fused Adam, one flat parameter vector, hand-written backward passes), which
 * moves the weights by a few ulps a step; over 100 steps of Adam that stays far
 * below 1e-3 relative, whereas a wrong gradient, a missed baseline or noise
 * that differs between copies moves the −ELBO by far more (the five
 * estimators' numbers below differ from each other by 3e-2 to 1e-1 relative;
 * dropping the baseline from REINFORCE + baseline moves its number by 3e-2).
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { runOnCpuBackend } from './testSupport';
import { decodeImageSet } from './imageSet';
import { VaeRace } from './vaeRace';
import { widgetDigitsRace } from './goldenRace';

runOnCpuBackend();
const digits = decodeImageSet(readFileSync('public/data/digits.bin'));

describe('the default VAE race, golden numbers at step 100', () => {
  test('digits, N = 8, K = 4, hidden 128, batch 64, Adam 3e-3, the five lecture estimators', async () => {
    const race = new VaeRace(widgetDigitsRace, digits);
    for (let done = 0; done < 100; done += 10) await race.trainSteps(10);
    const heldOut = (await race.evaluate(0)).negElbo;
    race.dispose();
    const golden = [
      25.9948475641835, 25.213362465803872, 23.494883733164983, 23.65710983533249,
      24.811503708964647,
    ];
    expect(heldOut.length).toBe(golden.length);
    heldOut.forEach((v, i) =>
      expect(Math.abs(v - golden[i]!) / Math.abs(golden[i]!)).toBeLessThan(1e-3),
    );
  }, 300_000);
});
