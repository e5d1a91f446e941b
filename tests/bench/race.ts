/**
 * The VAE race: steps per second of one estimator and of all five stacked
 * together, per backend, and the cost ratio (five ÷ one, in time per step;
 * the goal is at most 2 on webgl); then tf.memory() and the JS heap after 500
 * and 5,000 steps (and 2,000 and 10,000) of the default race, which must not grow.
 */
import type { BenchContext } from './runBench';
import { callMl } from '../support/ml';
import { heapMeter } from '../support/heap';

const round = (x: number) => Math.round(x * 100) / 100;

export async function benchRace({ browser, e2eUrl }: BenchContext) {
  const page = await browser.context.newPage();
  await page.goto(`${e2eUrl}#/title`);
  await callMl(page, 'initBackend');
  const speed: Record<string, Record<string, unknown>> = {};
  // RACE_BACKENDS=wasm (comma-separated) measures only those backends, for quicker before/after runs.
  const only = process.env.RACE_BACKENDS?.split(',');
  for (const dataset of ['digits', 'fashion'] as const) {
    for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
      if (only && !only.includes(backend)) continue;
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

interface MemoryCheckpoint {
  step: number;
  tfBytes: number;
  tfTensors: number;
  jsHeapBytes: number;
  jsObjects: number;
}

/** The steps at which the default race's memory is read; the issue asks for 500 and 5,000. */
const MEMORY_CHECKPOINTS = [500, 2000, 5000, 10000];

/**
 * Memory of the default race as the widget runs it, on the backend the app
 * picks: tf.memory(), the used JS heap after a full collection and the count
 * of live JS objects (both through the DevTools protocol; see support/heap.ts)
 * at each checkpoint, and the growth from 500 to 5,000 steps.
 */
export async function benchRaceMemory({ browser, e2eUrl }: BenchContext) {
  const page = await browser.context.newPage();
  await page.goto(`${e2eUrl}#/title`);
  await callMl(page, 'initBackend');
  // RACE_MEMORY_BACKEND=webgl|wasm|cpu measures another backend than the app's choice.
  const chosen = process.env.RACE_MEMORY_BACKEND;
  if (chosen === 'webgl' || chosen === 'wasm' || chosen === 'cpu')
    await callMl(page, 'useBackend', chosen);
  else if (chosen) throw new Error(`RACE_MEMORY_BACKEND must be webgl, wasm or cpu, not ${chosen}`);
  const backend = await callMl(page, 'backendName');
  const heap = await heapMeter(page);
  await callMl(page, 'raceOpen');
  const checkpoints: MemoryCheckpoint[] = [];
  for (const step of MEMORY_CHECKPOINTS) {
    await callMl(page, 'raceAdvanceTo', step);
    const jsObjects = (await heap.liveObjects()).total;
    const jsHeapBytes = await heap.usedAfterGc();
    const { numBytes, numTensors } = await callMl(page, 'tfMemory');
    checkpoints.push({ step, tfBytes: numBytes, tfTensors: numTensors, jsHeapBytes, jsObjects });
    process.stderr.write(
      `  race memory at ${step}: ${numTensors} tensors, ${numBytes} B; JS heap ${(jsHeapBytes / 1e6).toFixed(2)} MB, ${jsObjects} objects\n`,
    );
  }
  await callMl(page, 'raceClose');
  await heap.detach();
  await page.close();
  const at = (step: number) => checkpoints.find((c) => c.step === step)!;
  const growth = at(5000).jsHeapBytes - at(500).jsHeapBytes;
  return {
    backend,
    checkpoints,
    from500To5000: {
      tfBytesGrowth: at(5000).tfBytes - at(500).tfBytes,
      tfTensorsGrowth: at(5000).tfTensors - at(500).tfTensors,
      jsHeapGrowthBytes: growth,
      jsHeapGrowthPercent: round((100 * growth) / at(500).jsHeapBytes),
      jsObjectsGrowth: at(5000).jsObjects - at(500).jsObjects,
    },
  };
}
