/**
 * The Gumbel-max widget at its heaviest (10 classes, 10⁶ draws) keeps the page
 * responsive: the draws run in time-budgeted chunks with a yield between
 * them. The bound here is generous (no main-thread task over 500 ms), one that
 * only a design error breaks, e.g. the draws made in one task; the real
 * numbers go to the bench (tests/bench/widgets.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveApp } from './support/app';

const app = serveApp();

/** Starts counting long main-thread tasks and painted frames in the page (read with `readRecorder`). */
const startRecorder = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; frames: number };
    w.longTasks = [];
    w.frames = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    const count = () => {
      w.frames += 1;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    performance.clearMeasures();
  });

const TEN_CLASSES = Array.from({ length: 10 }, () => '0.1').join(',');

describe('10⁶ Gumbel-max draws', () => {
  it('finish with no main-thread task over 500 ms, in many chunks, while frames keep coming', async () => {
    const { page, log } = await app.open(`#/gumbel-max/4?gm.p=${TEN_CLASSES}&gm.n=1000`);
    const summary = page.locator('.gumbel-max [aria-live="polite"]');
    await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toContain('chi-square');
    await startRecorder(page);
    const draws = page.locator('.widget__draws');
    await draws.fill('1000000');
    await draws.press('Enter');
    await expect
      .poll(() => summary.textContent(), { timeout: 120_000 })
      .toMatch(/1,000,000 draws: class 1 0\.\d{3}.*chi-square p = /);
    const { longTasks, frames, chunks } = await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; frames: number };
      return {
        longTasks: w.longTasks,
        frames: w.frames,
        chunks: performance.getEntriesByName('gumbel-max-chunk').map((e) => e.duration),
      };
    });
    expect(Math.max(0, ...longTasks), `long tasks: ${longTasks.join(', ')} ms`).toBeLessThan(500);
    // Sliced: 10⁶ rows in chunks of at most 65,536 rows, so at least 16 chunks.
    expect(chunks.length).toBeGreaterThanOrEqual(16);
    // The page painted between chunks (one task for all the draws would allow one or two frames).
    expect(frames).toBeGreaterThanOrEqual(10);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe('the temperature sweep at its most points', () => {
  it('plays the τ sweep over 20,000 points with no main-thread task over 500 ms', async () => {
    // 20,000 points is the most a link allows (ts.points' limit); the bound is the same
    // generous one as above, which only work done in one piece for many frames breaks.
    const { page, log } = await app.open('#/temperature/2?ts.points=20000&ts.tau=0.05');
    const figure = page.locator('[data-tau]').first();
    await expect
      .poll(() => figure.getAttribute('data-fingerprint'), { timeout: 60_000 })
      .not.toBe('');
    await startRecorder(page);
    const tauBefore = Number(await figure.getAttribute('data-tau'));
    await page.locator('.temperature-sweep button[aria-pressed]').click();
    await page.waitForTimeout(3000);
    const tauAfter = Number(await figure.getAttribute('data-tau'));
    const { longTasks, frames } = await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; frames: number };
      return { longTasks: w.longTasks, frames: w.frames };
    });
    // It really played: τ moved, and frames kept coming (one long task would allow few).
    expect(tauAfter).not.toBe(tauBefore);
    expect(frames).toBeGreaterThanOrEqual(20);
    expect(Math.max(0, ...longTasks), `long tasks: ${longTasks.join(', ')} ms`).toBeLessThan(500);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
