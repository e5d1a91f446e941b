import chromium from '@sparticuz/chromium';
import { chromium as pw } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
const exe = process.env.CHROME_PATH || (await chromium.executablePath());
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-'));
const ctx = await pw.launchPersistentContext(dir, {
  executablePath: exe,
  headless: true,
  viewport: { width: +process.argv[3] || 1280, height: +process.argv[4] || 720 },
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await ctx.newPage();
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(process.argv[2]);
await page.waitForTimeout(+(process.env.WAIT || 800));
await page.screenshot({ path: process.argv[5] || '/tmp/shot.png' });
await ctx.close();
