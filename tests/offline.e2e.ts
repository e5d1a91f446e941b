import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { lectureSlides } from '../src/lecture';
import { formatHash } from '../src/deck/hash';
import type { Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startSharedOrigin, startStaticServer } from './support/staticServer';

/** A copy of the production build that the test may change, as a new deployment would. */
async function deployCopy() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gsx-deploy-'));
  await cp(path.resolve('dist'), dir, { recursive: true });
  return dir;
}

/** Marks a copy's page with a name, so a test sees which deployment a page came from. */
async function nameDeployment(dir: string, name: string) {
  const index = path.join(dir, 'index.html');
  await writeFile(
    index,
    (await readFile(index, 'utf8')).replace(
      '<head>',
      `<head><meta name="deployment" content="${name}">`,
    ),
  );
}

const deploymentOf = (page: Page) =>
  page.locator('meta[name="deployment"]').getAttribute('content');

describe('offline use (production build under /lecture/)', () => {
  it('works with no network after one visit: every slide and a widget', async () => {
    const dir = await deployCopy();
    let server = await startStaticServer(dir);
    const port = Number(new URL(server.url).port);
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url);
      await expect
        .poll(() => page.locator('.status-bar__offline').count(), { timeout: 60_000 })
        .toBe(1);
      // The network goes away: the server stops.
      await server.close();
      await page.reload();
      await page.locator('.stage .slide').waitFor();
      for (let i = 1; i < lectureSlides.length; i++) {
        await page.keyboard.press('ArrowDown');
        await page.locator(`.stage .slide[data-slide-id="${lectureSlides[i]!.id}"]`).waitFor();
      }
      // A widget computes offline (tfjs and the wasm binary come from the cache).
      await page.evaluate(
        (h) => (location.hash = h),
        formatHash(lectureSlides, { slide: 4, step: 3 }),
      );
      await expect
        .poll(() => page.locator('.gumbel-max [aria-live="polite"]').textContent(), {
          timeout: 60_000,
        })
        .toContain('chi-square');
      expect(await page.locator('.widget-slot__placeholder[role="alert"]').count()).toBe(0);
      server = await startStaticServer(dir, '/lecture/', port);
      await page.close();
    } finally {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('picks up a new deployment on the next visit', async () => {
    const dir = await deployCopy();
    const server = await startStaticServer(dir);
    const browser = await launchBrowser();
    try {
      const first = await browser.context.newPage();
      await first.goto(server.url);
      await expect
        .poll(() => first.locator('.status-bar__offline').count(), { timeout: 60_000 })
        .toBe(1);
      await first.close();
      // A new deployment: a changed page and a changed service worker.
      const index = path.join(dir, 'index.html');
      await writeFile(
        index,
        (await readFile(index, 'utf8')).replace(
          '<head>',
          '<head><meta name="deployment" content="second">',
        ),
      );
      await writeFile(
        path.join(dir, 'sw.js'),
        `${await readFile(path.join(dir, 'sw.js'), 'utf8')}\n// second deployment\n`,
      );
      const next = await browser.context.newPage();
      await next.goto(server.url);
      await next.locator('.stage .slide').waitFor();
      expect(await next.locator('meta[name="deployment"]').getAttribute('content')).toBe('second');
      // The new worker waits while a page controlled by the old one is open...
      const workers = (page: Page) =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            controlled: !!navigator.serviceWorker.controller,
            waiting: !!registration?.waiting,
          };
        });
      await expect
        .poll(() => workers(next), { timeout: 30_000 })
        .toEqual({ controlled: true, waiting: true });
      await next.close();
      // ...and takes over once none is. Watched from a page outside the worker's
      // scope, which is no client of the old worker and so cannot keep it alive
      // (a page opened in scope at once may still be given to the old worker).
      const outside = await browser.context.newPage();
      await outside.goto(new URL('/', server.url).href);
      await expect
        .poll(
          () =>
            outside.evaluate(async (scope) => {
              const registration = await navigator.serviceWorker.getRegistration(scope);
              return { active: !!registration?.active, waiting: !!registration?.waiting };
            }, server.url),
          { timeout: 30_000 },
        )
        .toEqual({ active: true, waiting: false });
      await outside.close();
      const third = await browser.context.newPage();
      await third.goto(server.url);
      await expect
        .poll(() => workers(third), { timeout: 30_000 })
        .toEqual({ controlled: true, waiting: false });
      await third.close();
    } finally {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps the caches of deployments at sub-paths of one origin apart: all work offline', async () => {
    // Three different deployments on one origin, as GitHub Pages serves a user's
    // site at / and each project at /<repo>/.
    const names = { '/a/': 'a', '/b/': 'b', '/': 'root' } as const;
    const dirs: Record<string, string> = {};
    for (const [prefix, name] of Object.entries(names)) {
      dirs[prefix] = await deployCopy();
      await nameDeployment(dirs[prefix], name);
    }
    const server = await startSharedOrigin(dirs);
    const browser = await launchBrowser();
    const gumbelMax = formatHash(lectureSlides, { slide: 4, step: 3 });
    try {
      const pages = new Map<string, Page>();
      for (const prefix of Object.keys(names)) {
        const page = await browser.context.newPage();
        await page.goto(server.urls[prefix]!);
        await expect
          .poll(() => page.locator('.status-bar__offline').count(), { timeout: 60_000 })
          .toBe(1);
        pages.set(prefix, page);
      }
      // Each installed worker has its own precache, named after its scope.
      const precaches = await pages
        .get('/a/')!
        .evaluate(async () => (await caches.keys()).filter((k) => k.includes('-precache-')));
      expect(precaches.sort()).toEqual(
        Object.keys(names)
          .map((prefix) => `workbox-precache-v2-${server.urls[prefix]}`)
          .sort(),
      );
      for (const page of pages.values()) {
        await page.reload();
        await page.locator('.stage .slide').waitFor();
      }

      // No network at all: the browser is offline and the server is gone.
      await browser.context.setOffline(true);
      await server.close();
      for (const [prefix, page] of pages) {
        await page.reload();
        await page.locator('.stage .slide').waitFor();
        expect(await deploymentOf(page)).toBe(names[prefix as keyof typeof names]);
        if (prefix === '/') continue;
        // A live figure computes from this deployment's cached code and wasm.
        await page.evaluate((h) => (location.hash = h), gumbelMax);
        await expect
          .poll(() => page.locator('.gumbel-max [aria-live="polite"]').textContent(), {
            timeout: 60_000,
          })
          .toContain('chi-square');
        expect(await page.locator('.widget-slot__placeholder[role="alert"]').count()).toBe(0);
      }
      // A project never visited is not answered with the root site's cached page.
      const unvisited = await browser.context.newPage();
      await unvisited.goto(server.urls['/']! + 'c/').catch(() => null);
      expect(await unvisited.locator('meta[name="deployment"]').count()).toBe(0);
    } finally {
      await browser.close();
      await server.close();
      for (const dir of Object.values(dirs)) await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers from the cache when the page takes over 4 s to arrive', async () => {
    const dir = await deployCopy();
    let slowPages = false;
    const server = await startSharedOrigin({ '/lecture/': dir }, 0, async (url) => {
      if (slowPages && url.pathname === '/lecture/')
        await new Promise((resolve) => setTimeout(resolve, 15_000));
    });
    const url = server.urls['/lecture/']!;
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(url);
      await expect
        .poll(() => page.locator('.status-bar__offline').count(), { timeout: 60_000 })
        .toBe(1);
      slowPages = true;
      const started = Date.now();
      await page.reload({ timeout: 12_000 });
      await page.locator('.stage .slide').waitFor({ timeout: 12_000 });
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(4000);
      expect(waited).toBeLessThan(12_000);
      await page.close();
    } finally {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
