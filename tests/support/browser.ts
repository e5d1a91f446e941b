/**
 * Launches headless Chromium for the browser tests and the benchmark: the one
 * bundled in @sparticuz/chromium by default (no apt step), or the one that
 * CHROME_PATH names. Our own flags, not the package's serverless defaults.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function chromiumPath(): Promise<string> {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return sparticuz.executablePath();
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  /** Extra Chromium flags, e.g. to disable WebGL. */
  args?: string[];
  reducedMotion?: 'reduce' | 'no-preference';
  /** Script run in every page before its own, e.g. to take WebGL away. */
  initScript?: string;
  /** 'block' keeps the service worker out, so that `page.route` sees every request. */
  serviceWorkers?: 'allow' | 'block';
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'gumbel-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: await chromiumPath(),
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 720 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    serviceWorkers: options.serviceWorkers ?? 'allow',
    args: [
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--enable-unsafe-swiftshader',
      ...(options.args ?? []),
    ],
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Everything a page did that a test may want to refuse. */
export interface PageLog {
  errors: string[];
  failedRequests: string[];
  offOrigin: string[];
}

/** Records console errors, page errors, failed requests and requests to other origins. */
export function watchPage(page: Page, origin: string): PageLog {
  const log: PageLog = { errors: [], failedRequests: [], offOrigin: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('requestfailed', (request) => log.failedRequests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) log.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      log.offOrigin.push(url);
    }
  });
  return log;
}
