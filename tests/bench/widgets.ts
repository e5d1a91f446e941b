/**
 * The Gumbel-max and temperature-sweep widgets: the sweep's frame time with
 * 10,000 points while it plays, and drawing plus histogramming 1e6 samples
 * per backend.
 */
import type { BenchContext } from './runBench';
import { callMl } from '../support/ml';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const round = (x: number) => Math.round(x * 100) / 100;

export async function benchWidgets({ browser, e2eUrl }: BenchContext) {
  const page = await browser.context.newPage();
  await page.goto(`${e2eUrl}#/temperature/2?ts.n=10000`);
  await page
    .locator('.simplex[data-fingerprint]:not([data-fingerprint=""])')
    .waitFor({ timeout: 120_000 });
  const backend = await page
    .locator('.temperature-sweep .backend-badge')
    .getAttribute('data-backend');
  await page.evaluate(() => performance.clearMeasures());
  await page.getByRole('button', { name: 'Play' }).click();
  // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
  const intervals = (await page.evaluate(`new Promise((resolve) => {
    const times = [];
    const loop = (t) => {
      times.push(t);
      if (times.length < 300) requestAnimationFrame(loop);
      else resolve(times.slice(1).map((x, i) => x - times[i]));
    };
    requestAnimationFrame(loop);
  })`)) as number[];
  const work = await page.evaluate(() =>
    performance.getEntriesByName('sweep-frame').map((e) => e.duration),
  );
  await page.getByRole('button', { name: 'Pause' }).click();

  const drawMany: Record<string, number> = {};
  const labSteps: Record<string, number> = {};
  for (const name of ['webgl', 'wasm', 'cpu'] as const) {
    await callMl(page, 'useBackend', name);
    drawMany[name] = round(await callMl(page, 'timeDrawMany', 1_000_000));
    labSteps[name] = round(await callMl(page, 'labStepsPerSecond', 200));
    process.stderr.write(
      `  ${name}: drawMany 1e6 ${drawMany[name]} ms, lab ${labSteps[name]} steps/s\n`,
    );
  }
  await page.close();
  return {
    temperatureSweep: {
      points: 10_000,
      backend,
      frames: intervals.length,
      frameIntervalMs: {
        median: round(quantile(intervals, 0.5)),
        p95: round(quantile(intervals, 0.95)),
      },
      frameWorkMs: {
        median: round(quantile(work, 0.5)),
        p95: round(quantile(work, 0.95)),
        samples: work.length,
      },
      goal: 'median frame under 16.7 ms (60 fps)',
    },
    gumbelMaxDrawAndHistogram1e6Ms: drawMany,
    toyLabStepsPerSecond: {
      what: 'one step of exact descent and all five estimators (K = 4, 4 samples a step)',
      ...labSteps,
    },
  };
}
