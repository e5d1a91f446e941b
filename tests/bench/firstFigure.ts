/**
 * Time to the first live figure (issue 16), per figure and backend, on the
 * production build: opening the figure's link with a cold cache (a new
 * browser profile) and again warm (the same profile: HTTP cache, service
 * worker, compiled code), and reaching the figure's slide from the title
 * slide after it has shown for a while (as in class: the wasm binary is
 * fetched and compiled in the background meanwhile), cold and warm. The goal:
 * the first figure within 300 ms of reaching its slide, warm.
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import type { BenchContext } from './runBench';

/** Each figure computed with tfjs, where it is, and what shows that its first picture is computed. */
export const FIGURES = {
  'gumbel-max': {
    hash: '#/gumbel-max/4',
    // The one-draw panel's summary: a draw computed with tfjs and drawn.
    ready: `document.querySelector('.gumbel-max [aria-live="polite"]')?.textContent?.startsWith('One draw')`,
  },
  'temperature-sweep': {
    hash: '#/temperature/2',
    ready: `document.querySelector('.simplex[data-fingerprint]:not([data-fingerprint=""])')`,
  },
  'estimator-lab': {
    hash: '#/toy-lab',
    // The worker's first snapshot drawn (useDrawEachSnapshot measures each drawing).
    ready: `document.querySelector('.estimator-lab') && performance.getEntriesByName('training-draw').length > 0`,
  },
  'vae-race': {
    hash: '#/results',
    // The first snapshot holds the step-0 evaluation: curves' start and the images.
    ready: `document.querySelector('.vae-race') && performance.getEntriesByName('training-draw').length > 0`,
  },
} as const;
export type FigureName = keyof typeof FIGURES;

/** How long the title slide shows before the lecturer moves on, in the "from the title" runs. */
const TITLE_MS = 3000;
/** Warm runs from the title, per figure and backend (the median is reported: the machine is noisy). */
const WARM_REPEATS = 3;
const TIMEOUT_MS = 120_000;

/** performance.now() when `ready` first holds, polled every animation frame. */
async function readyAt(page: Page, ready: string): Promise<number> {
  const handle = await page.waitForFunction(`(${ready}) ? performance.now() : false`, undefined, {
    polling: 'raf',
    timeout: TIMEOUT_MS,
  });
  return (await handle.jsonValue()) as number;
}

/** Opens the figure's link: ms from the navigation's start to its first picture. */
async function openLink(page: Page, url: string, figure: FigureName): Promise<number> {
  await page.goto(`${url}${FIGURES[figure].hash}`);
  return readyAt(page, FIGURES[figure].ready);
}

/**
 * Shows the title slide for TITLE_MS, then goes to the figure's slide: ms
 * from there to its picture, and the longest main-thread task after the deck
 * was ready while the title showed (the background start must keep it short).
 */
async function fromTitle(page: Page, url: string, figure: FigureName) {
  await page.goto(`${url}#/title`);
  await page.locator('.stage .slide').waitFor();
  await page.waitForTimeout(TITLE_MS);
  const titleLongestTaskMs = (await page.evaluate(`new Promise((resolve) => {
    const ready = performance.getEntriesByName('deck-ready')[0]?.startTime ?? 0;
    new PerformanceObserver((list, observer) => {
      observer.disconnect();
      const after = list.getEntries().filter((e) => e.startTime >= ready);
      resolve(Math.max(0, ...after.map((e) => e.duration)));
    }).observe({ type: 'longtask', buffered: true });
    setTimeout(() => resolve(0), 200); // no long task at all: the observer never calls back
  })`)) as number;
  const start = (await page.evaluate(`(() => {
    const t = performance.now();
    location.hash = ${JSON.stringify(FIGURES[figure].hash)};
    return t;
  })()`)) as number;
  return { ms: (await readyAt(page, FIGURES[figure].ready)) - start, titleLongestTaskMs };
}

const round = (x: number) => Math.round(x);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchFirstFigure({ url }: BenchContext) {
  // 'auto' opens the links without ?backend= (the app's own choice: wasm here).
  const backends = (process.env.FIRST_FIGURE_BACKENDS ?? 'auto,webgl,cpu').split(',');
  const results: Record<string, Record<string, Record<string, number>>> = {};
  for (const backend of backends) {
    const query = backend === 'auto' ? url : `${url}?backend=${backend}`;
    for (const figure of Object.keys(FIGURES) as FigureName[]) {
      const row: Record<string, number> = {};
      // A new profile: nothing cached, no service worker. Then the same profile, warm.
      let browser = await launchBrowser();
      try {
        row.openLinkCold = round(await openLink(await browser.context.newPage(), query, figure));
        row.openLinkWarm = round(await openLink(await browser.context.newPage(), query, figure));
        const warm: number[] = [];
        const tasks: number[] = [];
        for (let i = 0; i < WARM_REPEATS; i++) {
          const run = await fromTitle(await browser.context.newPage(), query, figure);
          warm.push(round(run.ms));
          tasks.push(round(run.titleLongestTaskMs));
        }
        row.fromTitleWarm = median(warm);
        row.fromTitleWarmMax = Math.max(...warm);
        row.titleLongestTaskWarmMs = Math.max(...tasks);
      } finally {
        await browser.close();
      }
      browser = await launchBrowser();
      try {
        const cold = await fromTitle(await browser.context.newPage(), query, figure);
        row.fromTitleCold = round(cold.ms);
        row.titleLongestTaskColdMs = round(cold.titleLongestTaskMs);
      } finally {
        await browser.close();
      }
      (results[backend] ??= {})[figure] = row;
      process.stderr.write(`  first figure ${backend} ${figure}: ${JSON.stringify(row)}\n`);
    }
  }
  return {
    what: `ms to a figure's first computed picture: opening its link (from navigation start; cold = new browser profile, warm = the same profile again), and reaching its slide after the title slide showed for ${TITLE_MS / 1000} s (from the hash change)`,
    goal: 'fromTitleWarm within 300 ms on the auto backend',
    repeats: { fromTitleWarm: `median of ${WARM_REPEATS} (fromTitleWarmMax: the slowest)` },
    ...results,
  };
}
