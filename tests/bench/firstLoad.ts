/**
 * First load: the JavaScript a visitor downloads before the first slide shows
 * (gzip bytes, measured from the requests the page really makes before the
 * 'deck-ready' mark: the figures' code and wasm, prefetched once the deck has
 * painted, come after it), and the time until the first slide's content is in
 * the DOM and painted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext } from './runBench';

const RUNS = 7;

export async function benchFirstLoad({ browser, url }: BenchContext) {
  const times: { deckReady: number; firstContentfulPaint: number }[] = [];
  let scripts: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('.stage .slide').waitFor();
    const measured = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const mark = performance.getEntriesByName('deck-ready')[0];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const ready = mark?.startTime ?? Infinity;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= ready && new URL(e.name).pathname.endsWith('.js'))
        .map((e) => new URL(e.name).pathname);
      return {
        deckReady: mark?.startTime ?? NaN,
        firstContentfulPaint: paint?.startTime ?? NaN,
        scripts,
      };
    });
    times.push(measured);
    if (run === 0) scripts = measured.scripts;
    await page.close();
  }
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const script of scripts) {
    const file = path.resolve('dist', script.replace(/^\/lecture\//, ''));
    const bytes = await readFile(file);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    scripts: scripts.map((s) => path.basename(s)),
    jsRawBytes: rawBytes,
    jsGzipBytes: gzipBytes,
    jsGzipTargetBytes: 120 * 1024,
    withinTarget: gzipBytes <= 120 * 1024,
    runs: RUNS,
    firstRunMs: {
      deckReady: round(times[0]!.deckReady),
      fcp: round(times[0]!.firstContentfulPaint),
    },
    medianMs: {
      deckReady: round(median(times.map((t) => t.deckReady))),
      fcp: round(median(times.map((t) => t.firstContentfulPaint))),
    },
  };
}

const round = (x: number) => Math.round(x * 10) / 10;
