/**
 * The VAE race: steps per second of one estimator and of all five stacked
 * together, per backend, and the cost ratio (five ÷ one, in time per step;
 * the goal is at most 2 on webgl); then tf.memory() and the JS heap after 500
 * and 5,000 steps of the default race, which must not grow.
 */
import type { BenchContext } from './runBench';
import { callMl } from '../support/ml';

const round = (x: number) => Math.round(x * 100) / 100;

export async function benchRace({ browser, e2eUrl }: BenchContext) {
  const page = await browser.context.newPage();
  await page.goto(`${e2eUrl}#/title`);
  await callMl(page, 'initBackend');
  const speed: Record<string, Record<string, unknown>> = {};
  for (const dataset of ['digits', 'fashion'] as const) {
    for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
      if (dataset === 'fashion' && backend === 'cpu') continue; // minutes per run; nobody uses it
      await callMl(page, 'useBackend', backend);
      const steps = dataset === 'digits' ? 200 : 40;
      const one = await callMl(page, 'raceStepsPerSecond', dataset, 'one', steps);
      const five = await callMl(page, 'raceStepsPerSecond', dataset, 'five', steps);
      (speed[dataset] ??= {})[backend] = {
        oneStepsPerSecond: round(one),
        fiveStepsPerSecond: round(five),
        costRatioFiveToOne: round(one / five),
      };
      process.stderr.write(
        `  race ${dataset} ${backend}: one ${round(one)}, five ${round(five)} steps/s\n`,
      );
    }
  }
  await page.close();
  return speed;
}

/** Memory of the default race as the widget runs it, on the backend the app picks. */
export async function benchRaceMemory({ browser, e2eUrl }: BenchContext) {
  const page = await browser.context.newPage();
  await page.goto(`${e2eUrl}#/title`);
  await callMl(page, 'initBackend');
  const backend = await callMl(page, 'backendName');
  const memory = await callMl(page, 'raceMemory', [500, 2000, 3500, 5000]);
  await page.close();
  const [early, , , late] = memory as { tfBytes: number; jsHeapBytes: number | null }[];
  return {
    backend,
    checkpoints: memory,
    tfBytesGrowth: late!.tfBytes - early!.tfBytes,
    jsHeapGrowthBytes:
      late!.jsHeapBytes !== null && early!.jsHeapBytes !== null
        ? late!.jsHeapBytes - early!.jsHeapBytes
        : null,
  };
}
