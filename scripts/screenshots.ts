/**
 * `npm run screenshots`: renders the README's pictures from the production
 * build in headless Chromium, so they always show what the app really does.
 * Usage: npm run screenshots [-- name ...] (names from the table below).
 */
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser';
import { startStaticServer } from '../tests/support/staticServer';

interface Shot {
  hash: string;
  width: number;
  height: number;
  /** Waits until the picture is complete. */
  ready?: string;
  /** Presses Play and waits until the widget's `data-step` has reached this step. */
  trainTo?: { widget: string; step: number; settle: number };
}

const shots: Record<string, Shot> = {
  deck: { hash: '#/estimators/4', width: 1280, height: 720 },
  'gumbel-max': {
    hash: '#/gumbel-max/4',
    width: 1280,
    height: 720,
    ready: '.gumbel-max figcaption:has-text("chi-square p")',
  },
  'estimator-graphs': {
    hash: '#/estimator-graphs/3',
    width: 1280,
    height: 720,
    ready: '.estimator-graphs[data-phase="backward"]',
  },
  'toy-lab': {
    hash: '#/toy-lab?lab.speed=10',
    width: 1280,
    height: 720,
    ready: '.estimator-lab .lab-strip__numbers:has-text("bias")',
    trainTo: { widget: '.estimator-lab', step: 300, settle: 3000 }, // the T sweep runs when paused
  },
  'vae-race': {
    hash: '#/results',
    width: 1280,
    height: 720,
    ready: '.vae-race .race-status:has-text("T = 1.000")',
    trainTo: { widget: '.vae-race', step: 2000, settle: 1000 },
  },
  'temperature-sweep': {
    hash: '#/temperature/2?ts.tau=0.3',
    width: 1280,
    height: 720,
    ready: '.simplex[data-fingerprint]:not([data-fingerprint=""])',
  },
};

const only = process.argv.slice(2);
const server = await startStaticServer(path.resolve('dist'));
const browser = await launchBrowser();
try {
  for (const [name, shot] of Object.entries(shots)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.goto(server.url + shot.hash);
    await page
      .locator(shot.ready ?? '.stage .slide')
      .first()
      .waitFor({ timeout: 120_000 });
    if (shot.trainTo) {
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForFunction(
        ([selector, n]) => Number(document.querySelector(selector)?.getAttribute('data-step')) >= n,
        [shot.trainTo.widget, shot.trainTo.step] as const,
        { timeout: 300_000 },
      );
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.waitForTimeout(shot.trainTo.settle);
    }
    await page.waitForTimeout(500);
    await page.screenshot({ path: `docs/${name}.png` });
    process.stderr.write(`docs/${name}.png\n`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
