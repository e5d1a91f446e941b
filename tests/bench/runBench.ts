/**
 * `npm run bench`: measures the production build in headless Chromium and
 * prints one JSON object on stdout. Progress goes to stderr. Compare numbers
 * as ratios within one run: this machine is noisy.
 */
import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, type Browser } from '../support/browser';
import { startStaticServer } from '../support/staticServer';
import { benchFirstLoad } from './firstLoad';
import { benchNoise } from './noise';
import { benchWidgets } from './widgets';
import { benchRace, benchRaceMemory } from './race';
import { benchResponsiveness } from './responsiveness';
import { benchTasks } from './tasks';
import { benchGpu } from './gpu';
import { benchFirstFigure } from './firstFigure';
import { benchAutoChoice } from './autoChoice';

export interface BenchContext {
  browser: Browser;
  /** The production build under its sub-path, ending in `/`. */
  url: string;
  /** The e2e build (with the test hook the numerics benchmarks call). */
  e2eUrl: string;
}

const benches: Record<string, (context: BenchContext) => Promise<unknown>> = {
  firstLoad: benchFirstLoad,
  noise: benchNoise,
  widgets: benchWidgets,
  race: benchRace,
  raceMemory: benchRaceMemory,
  tasks: benchTasks,
  responsiveness: benchResponsiveness,
  gpu: benchGpu,
  firstFigure: benchFirstFigure,
  autoChoice: benchAutoChoice,
};

/** The commit measured, with "+changes" when the tree differs from it (BENCH_COMMIT overrides). */
function commitOf(): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', { encoding: 'utf8' });
    return dirty.trim() ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const only = process.argv.slice(2);
  const server = await startStaticServer(path.resolve('dist'));
  const e2eServer = await startStaticServer(path.resolve('dist-e2e'));
  const browser = await launchBrowser();
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    commit: commitOf(),
    machine: { cpus: os.cpus().length, node: process.version },
  };
  try {
    for (const [name, bench] of Object.entries(benches)) {
      if (only.length > 0 && !only.includes(name)) continue;
      process.stderr.write(`bench: ${name}\n`);
      results[name] = await bench({ browser, url: server.url, e2eUrl: e2eServer.url });
    }
  } finally {
    await browser.close();
    await server.close();
    await e2eServer.close();
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

await main();
