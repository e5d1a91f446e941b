/**
 * The tasks of Table 1: training steps per second of each task with the
 * table's estimators stacked (those that apply to its K), on the 8×8 digits,
 * per backend. A task that cannot run on this build reports why.
 */
import type { BenchContext } from './runBench';
import { callMl } from '../support/ml';

const round = (x: number) => Math.round(x * 100) / 100;

export async function benchTasks({ browser, e2eUrl }: BenchContext) {
  const page = await browser.context.newPage();
  await page.goto(`${e2eUrl}#/title`);
  await callMl(page, 'initBackend');
  const runnable = await callMl(page, 'runnableTasks');
  const speed: Record<string, Record<string, unknown>> = {};
  for (const { task, error } of runnable) {
    const row: Record<string, unknown> = (speed[task] = {});
    if (error) {
      row.error = error;
      process.stderr.write(`  tasks ${task}: ${error}\n`);
      continue;
    }
    // BENCH_BACKENDS=wasm (comma-separated) measures only those backends.
    const only = process.env.BENCH_BACKENDS?.split(',');
    for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
      if (only && !only.includes(backend)) continue;
      await callMl(page, 'useBackend', backend);
      const { lines, stepsPerSecond, heldOutSeconds } = await callMl(
        page,
        'taskStepsPerSecond',
        task,
        backend === 'cpu' ? 40 : 100,
      );
      row.lines = lines;
      row[backend] = round(stepsPerSecond);
      row[`${backend}HeldOutSeconds`] = heldOutSeconds;
      process.stderr.write(
        `  tasks ${task} ${backend}: ${lines} copies, ${round(stepsPerSecond)} steps/s, held-out ${JSON.stringify(heldOutSeconds)} s\n`,
      );
    }
  }
  await page.close();
  return speed;
}
