import { describe, expect, it } from 'vitest';
import { lectureSlides } from '../src/lecture';
import { formatHash } from '../src/deck/hash';
import { hashOf, serveApp } from './support/app';

// The production build exactly as deployed, served under a sub-path as GitHub Pages does.
const app = serveApp({ build: 'dist' });

describe('the production build under /lecture/', () => {
  it('walks every slide with no error, no failed and no off-origin request, and has no test hook', async () => {
    const { page, log } = await app.open();
    expect(app.url).toMatch(/\/lecture\/$/);
    for (let i = 1; i < lectureSlides.length; i++) {
      await page.keyboard.press('ArrowDown');
      expect(await hashOf(page)).toBe(formatHash(lectureSlides, { slide: i, step: 0 }));
    }
    await page.keyboard.press('Shift+?');
    await expect
      .poll(() => page.locator('.compute-status').getAttribute('data-backend'), { timeout: 60_000 })
      .toBe('wasm');
    expect(await page.evaluate(() => '__explorer' in window)).toBe(false);
    expect(log).toEqual({ errors: [], failedRequests: [], offOrigin: [] });
    await page.close();
  });

  it('links its own icon under the sub-path, and nothing asks for /favicon.ico at the root', async () => {
    const { page, log } = await app.open();
    // Debian's Chromium, headless too, fetches the icon after load (the bundled
    // headless shell never does), out of the page's sight: the server sees it.
    await page.waitForTimeout(1000);
    expect(app.serverRequests().filter((path) => path.endsWith('favicon.ico'))).toEqual([]);
    const icon = await page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? null,
    );
    expect(icon).toBe(`${app.url}favicon.svg`);
    const response = await page.request.get(icon!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/svg+xml');
    expect(log).toEqual({ errors: [], failedRequests: [], offOrigin: [] });
    await page.close();
  });
});
