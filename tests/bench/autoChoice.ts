/**
 * Whether the automatic backend choice is right on this machine (issue 16):
 * the auto-chosen backend's speed as a ratio of the fastest backend's, for
 * the default five-estimator race (steps per second) and for 10⁶ Gumbel
 * samples with readback (1 / time), all measured in this run. Goal ≥ 0.9.
 */
import type { BenchContext } from './runBench';
import { callMl } from '../support/ml';

const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
const RACE_STEPS = 60;
const round = (x: number) => Math.round(x * 100) / 100;

export async function benchAutoChoice({ browser, e2eUrl }: BenchContext) {
  const page = await browser.context.newPage();
  await page.goto(`${e2eUrl}#/title`);
  const auto = (await callMl(page, 'initBackend')).name;
  const race: Record<string, number> = {};
  const noiseMs: Record<string, number> = {};
  for (const backend of BACKENDS) {
    await callMl(page, 'useBackend', backend);
    race[backend] = round(await callMl(page, 'raceStepsPerSecond', 'digits', 'five', RACE_STEPS));
    noiseMs[backend] = round(await callMl(page, 'timeGumbelDraw', 'counter', 1e6, true, 5));
    process.stderr.write(
      `  auto choice ${backend}: race ${race[backend]} steps/s, noise 1e6 ${noiseMs[backend]} ms\n`,
    );
  }
  await page.close();
  const fastestRace = BACKENDS.reduce((a, b) => (race[b]! > race[a]! ? b : a));
  const fastestNoise = BACKENDS.reduce((a, b) => (noiseMs[b]! < noiseMs[a]! ? b : a));
  return {
    what: 'the auto-chosen backend’s speed ÷ the fastest backend’s, same run: the default digits race with five estimators (steps/s, read back every 10 steps) and 1e6 Gumbel samples with readback (1 / median ms)',
    goal: 'ratio >= 0.9 for both',
    autoBackend: auto,
    race: {
      stepsPerSecond: race,
      fastest: fastestRace,
      ratio: round(race[auto]! / race[fastestRace]!),
    },
    noise: {
      medianMs: noiseMs,
      fastest: fastestNoise,
      ratio: round(noiseMs[fastestNoise]! / noiseMs[auto]!),
    },
  };
}
