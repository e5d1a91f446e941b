/**
 * The lecture as a new user runs it: `npm start` on a fresh clone (an empty
 * dependency cache). Every figure of the lecture is opened by its link and
 * must compute, with no console error, no page error and no failed request.
 * Needs no build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lectureSlides } from '../src/lecture';
import { formatHash } from '../src/deck/hash';
import type { WidgetName } from '../src/deck/types';
import { launchBrowser, watchPage, type Browser, type PageLog } from './support/browser';
import { startDevServer, type DevServer } from './support/devServer';

/** Waits until a figure shows that it has computed (the same signs the other browser tests use). */
const computed: Record<WidgetName, (page: Page) => Promise<void>> = {
  'estimator-graphs': (page) =>
    expect
      .poll(() => page.locator('.estimator-graphs').getAttribute('data-phase'), {
        timeout: 60_000,
      })
      .toMatch(/^(structure|forward|backward)$/),
  'gumbel-max': (page) =>
    expect
      .poll(() => page.locator('.gumbel-max [aria-live="polite"]').textContent(), {
        timeout: 60_000,
      })
      .toContain('chi-square'),
  'temperature-sweep': (page) =>
    expect
      .poll(() => page.locator('.simplex').getAttribute('data-fingerprint'), { timeout: 60_000 })
      .toMatch(/^[0-9a-f]{8}$/),
  'estimator-lab': (page) =>
    expect
      .poll(() => page.locator('.estimator-lab .lab-strip__numbers').first().textContent(), {
        timeout: 60_000,
      })
      .toContain('bias'),
  'vae-race': async (page) => {
    await expect
      .poll(() => page.locator('.vae-race .race-table__ours').textContent(), { timeout: 60_000 })
      .toMatch(/step 0\s*\d/);
    // Training too, not only the first evaluation.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(async () => Number(await page.locator('.vae-race').getAttribute('data-step')), {
        timeout: 60_000,
      })
      .toBeGreaterThanOrEqual(20);
  },
  'paper-table': async (page) => {
    // The job exists (its snapshot says how many steps it has), then it trains.
    await expect
      .poll(() => page.locator('.paper-progress__text').getAttribute('data-total'), {
        timeout: 60_000,
      })
      .toMatch(/^[1-9]\d*$/);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(async () => Number(await page.locator('.paper-table').getAttribute('data-step')), {
        timeout: 60_000,
      })
      .toBeGreaterThanOrEqual(5);
  },
};

/** Rejects as soon as the page logs an error, so a broken figure fails at once, not at a timeout. */
function firstError(log: PageLog): { error: Promise<never>; stop: () => void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const error = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if (log.errors.length > 0) reject(new Error(`The page logged: ${log.errors.join('\n')}`));
    }, 100);
  });
  return { error, stop: () => clearInterval(timer) };
}

/** Every figure of the lecture, with the link to the step where it appears. */
const figures = lectureSlides.flatMap((slide, index) =>
  slide.blocks.flatMap((block) =>
    block.kind === 'widget'
      ? [{ name: block.name, hash: formatHash(lectureSlides, { slide: index, step: block.step }) }]
      : [],
  ),
);

let server: DevServer;
let browser: Browser;
beforeAll(async () => {
  server = await startDevServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the dev server, started as the README says (npm start, fresh cache)', () => {
  it('has every kind of figure in the lecture', () => {
    expect(new Set(figures.map((f) => f.name)).size).toBe(Object.keys(computed).length);
  });

  it.each(figures)('computes $name at $hash with a clean console', async ({ name, hash }) => {
    const page = await browser.context.newPage();
    const log = watchPage(page, new URL(server.url).origin);
    // A dependency bundled late makes Vite reload the page: that must not happen.
    let loads = 0;
    page.on('load', () => loads++);
    try {
      await page.goto(server.url + hash);
      const watch = firstError(log);
      try {
        await Promise.race([computed[name](page), watch.error]);
      } finally {
        watch.stop();
      }
      expect(log, server.output()).toEqual({ errors: [], failedRequests: [], offOrigin: [] });
      expect(loads).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('keeps the audience window’s run and its settings when the presenter leaves the slide and comes back', async () => {
    // Seen on `npm start` with the tab that opened the presenter view as the audience (two
    // windows opened by their own links did not show it): the audience heard the move away
    // before its stage let the race go, took that link for its own, and a run of the
    // defaults replaced the one the slide was left with (step 0 when back).
    const hash = `${formatHash(lectureSlides, { slide: lectureSlides.findIndex((s) => s.id === 'results'), step: 0 })}?vae.lr=0.01`;
    const a = await browser.context.newPage();
    await a.goto(server.url + hash);
    await a.locator('.vae-race').waitFor({ timeout: 60_000 });
    // S opens the presenter view; the tab that opened it follows (the audience).
    const opened = browser.context.waitForEvent('page');
    await a.keyboard.press('s');
    const p = await opened;
    const stepOf = async (page: Page) =>
      Number(await page.locator('.vae-race').getAttribute('data-step'));
    try {
      await p.locator('.presenter-panel').waitFor({ timeout: 60_000 });
      await expect
        .poll(() => a.locator('.vae-race .race-table__ours').textContent(), { timeout: 60_000 })
        .toMatch(/step 0\s*\d/);
      await p.waitForTimeout(600); // both windows have listened and are ready to speak
      await p.getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => stepOf(a), { timeout: 60_000 }).toBeGreaterThan(10);
      await p.keyboard.press('ArrowDown');
      await expect.poll(() => a.locator('.vae-race').count()).toBe(0);
      await p.waitForTimeout(1500);
      await p.keyboard.press('ArrowUp');
      await a.locator('.vae-race').waitFor();
      await expect.poll(() => a.evaluate(() => location.hash)).toBe(hash);
      await p.waitForTimeout(1000);
      expect(await stepOf(a)).toBeGreaterThan(10);
    } finally {
      await p.close();
      await a.close();
    }
  });

  it('scrolls the phone reading view with a clean console (React’s dev warnings show here only)', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const log = watchPage(page, new URL(server.url).origin);
    try {
      await page.goto(server.url + '#/');
      await page.locator('.deck--reading').waitFor({ timeout: 60_000 });
      for (let i = 1; i <= 3; i++) {
        // A reader keeps slide i at the top while the figures above it load and
        // take their height (the dev server compiles each on first use): scroll
        // to it again on each look, as a reader's eye would follow it.
        await expect
          .poll(
            () =>
              page.evaluate((index) => {
                const section = document.querySelector(`[data-slide-index="${index}"]`)!;
                window.scrollBy(0, section.getBoundingClientRect().top);
                return location.hash.split('?')[0];
              }, i),
            { timeout: 20_000 },
          )
          .toBe(formatHash(lectureSlides, { slide: i, step: 0 }));
      }
      expect(log, server.output()).toEqual({ errors: [], failedRequests: [], offOrigin: [] });
    } finally {
      await page.close();
    }
  });
});
