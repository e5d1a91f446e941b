/** Opens the built app in headless Chromium for a test file, served under a sub-path. */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchBrowser,
  watchPage,
  type Browser,
  type LaunchOptions,
  type PageLog,
} from './browser';
import { requireBuild } from './builds';
import { startStaticServer, type StaticServer } from './staticServer';
import path from 'node:path';

export interface AppHarness {
  /** The app's URL under the sub-path, ending in `/`. */
  readonly url: string;
  readonly origin: string;
  /** A new page with its log of errors and requests. */
  open: (hash?: string, options?: { query?: string }) => Promise<{ page: Page; log: PageLog }>;
  browser: () => Browser;
  /** The path of every request the server got so far. */
  serverRequests: () => readonly string[];
}

/**
 * Starts a server and a browser once for the test file and closes both after
 * it. Serves the e2e build unless `build` says 'dist' (the production build).
 */
export function serveApp(
  options: LaunchOptions & { build?: 'dist' | 'dist-e2e' } = {},
): AppHarness {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireBuild(options.build ?? 'dist-e2e');
    server = await startStaticServer(path.resolve(options.build ?? 'dist-e2e'));
    browser = await launchBrowser(options);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get origin() {
      return new URL(server!.url).origin;
    },
    browser: () => browser!,
    serverRequests: () => server!.requests,
    async open(hash = '', { query = '' } = {}) {
      const page = await browser!.context.newPage();
      const log = watchPage(page, new URL(server!.url).origin);
      await page.goto(`${server!.url}${query}${hash}`);
      await page.locator('.slide').first().waitFor();
      return { page, log };
    },
  };
}

/** The hash of the page, decoded. */
export const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
