import { describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { serveApp } from './support/app';

// No service worker here: it would answer from its cache, past the routes below.
const app = serveApp({ serviceWorkers: 'block' });

describe('the VAE race data', () => {
  it('says clearly when the data file is corrupt or missing, and recovers on retry', async () => {
    const page = await app.browser().context.newPage();
    let mode: 'truncated' | 'missing' | 'real' = 'truncated';
    await page.route('**/data/digits.bin', async (route) => {
      if (mode === 'real') return route.continue();
      if (mode === 'missing') return route.fulfill({ status: 404, body: 'Not found' });
      const real = await route.fetch();
      const body = (await real.body()).subarray(0, 5000);
      return route.fulfill({ status: 200, body, contentType: 'application/octet-stream' });
    });
    await page.goto(`${app.url}#/results`);
    const alert = page.getByRole('alert').filter({ hasText: 'digits.bin' });
    await expect
      .poll(() => alert.textContent(), { timeout: 30_000 })
      .toMatch(/truncated or damaged/);
    mode = 'missing';
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toMatch(/answered 404/);
    mode = 'real';
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect
      .poll(() => page.locator('.vae-race .race-table__ours').textContent(), { timeout: 60_000 })
      .toMatch(/step 0\s*\d/);
    // The deck itself kept working throughout.
    await page.keyboard.press('ArrowDown');
    // (the slide after the race: the live Table 1)
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/results-table/);
    await page.close();
  });

  it('refuses a download far larger than the file, gives up one that stalls, and recovers on retry', async () => {
    const page = await app.browser().context.newPage();
    let mode: 'huge' | 'stalled' | 'real' = 'huge';
    const stalled: Route[] = [];
    await page.route('**/data/digits.bin', async (route) => {
      if (mode === 'real') return route.continue();
      if (mode === 'stalled') return void stalled.push(route); // never answered
      // Announces 1 GB: refused from the header, before any of it is read.
      return route.fulfill({
        status: 200,
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': '1000000000' },
        body: Buffer.alloc(1000),
      });
    });
    try {
      await page.goto(`${app.url}#/results`);
      const alert = page.getByRole('alert').filter({ hasText: 'digits.bin' });
      await expect
        .poll(() => alert.textContent(), { timeout: 30_000 })
        .toMatch(/announces 1,000,000,000 bytes, more than the 28,800 bytes this data file can be/);
      mode = 'stalled';
      const retried = Date.now();
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect
        .poll(() => alert.textContent(), { timeout: 30_000 })
        .toMatch(/nothing arrived for 10 seconds\. Check the connection and try again/);
      expect(Date.now() - retried).toBeGreaterThanOrEqual(10_000);
      expect(stalled.length).toBe(1);
      mode = 'real';
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect
        .poll(() => page.locator('.vae-race .race-table__ours').textContent(), { timeout: 60_000 })
        .toMatch(/step 0\s*\d/);
    } finally {
      for (const route of stalled) await route.abort().catch(() => {});
      await page.close();
    }
  });
});
