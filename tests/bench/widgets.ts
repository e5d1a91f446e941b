/**
 * The Gumbel-max and temperature-sweep widgets: the sweep's frame time with
 * 10,000 points while it plays, drawing plus histogramming 1e6 samples per
 * backend, and the widget's 1e6 draws at K = 10 as a user starts them (the
 * longest main-thread task, the time to the result, the chunks).
 */
import type { Page } from 'playwright-core';
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
  const heavyDraws = await benchHeavyDraws(await browser.context.newPage(), e2eUrl);
  return {
    gumbelMaxMillionDrawsK10: heavyDraws,
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

/**
 * 1e6 draws at K = 10 started from the widget's field, three times (new counts
 * each: 1e6, 1e6 − 1, 1e6 − 2): the longest task a PerformanceObserver saw,
 * the time from Enter to the result shown, and the chunks' times (goal: no
 * task over 50 ms).
 */
async function benchHeavyDraws(page: Page, e2eUrl: string) {
  const p = Array.from({ length: 10 }, () => '0.1').join(',');
  await page.goto(`${e2eUrl}#/gumbel-max/4?gm.p=${p}&gm.n=1000`);
  const summary = page.locator('.gumbel-max [aria-live="polite"]');
  await summary.filter({ hasText: 'chi-square' }).waitFor({ state: 'attached', timeout: 120_000 });
  await page.evaluate(`(() => {
    window.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.benchLongTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  })()`);
  const runs = [];
  for (let run = 0; run < 3; run++) {
    const n = 1_000_000 - run;
    await page.evaluate('window.benchLongTasks.length = 0; performance.clearMeasures()');
    const draws = page.locator('.widget__draws');
    await draws.fill(String(n));
    const start = Date.now();
    await draws.press('Enter');
    await summary
      .filter({ hasText: `${n.toLocaleString('en')} draws` })
      .waitFor({ state: 'attached', timeout: 120_000 });
    const finishMs = Date.now() - start;
    const { longTasks, chunks } = (await page.evaluate(`({
      longTasks: window.benchLongTasks.slice(),
      chunks: performance.getEntriesByName('gumbel-max-chunk').map((e) => e.duration),
    })`)) as { longTasks: number[]; chunks: number[] };
    runs.push({
      finishMs,
      longestTaskMs: round(Math.max(0, ...longTasks)),
      tasksOver50Ms: longTasks.length,
      chunks: chunks.length,
      chunkMs: { median: round(quantile(chunks, 0.5)), max: round(Math.max(...chunks)) },
    });
    process.stderr.write(`  1e6 draws, K = 10: ${JSON.stringify(runs.at(-1))}\n`);
  }
  await page.close();
  return {
    what: '1e6 draws at K = 10 from the draws field (wasm), three runs; includes the 120 ms pause before drawing',
    goal: 'no main-thread task over 50 ms',
    runs,
  };
}
