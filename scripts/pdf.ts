/**
 * `npm run pdf`: the lecture as a handout, lecture.pdf, with every live
 * figure computed (training figures after the steps the handout dialog
 * states) from the production build in headless Chromium (CHROME_PATH
 * honoured), served under a sub-path as GitHub Pages would.
 *
 * Usage: npm run pdf [-- --steps=all|last] [--notes] [--out=file.pdf] [--no-build]
 * Builds dist/ first unless --no-build is given and dist/ exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser';
import { startStaticServer } from '../tests/support/staticServer';
import { handoutPdf } from './handoutPdf';

const args = process.argv.slice(2);
const option = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const steps = option('steps') ?? 'last';
if (steps !== 'all' && steps !== 'last') {
  process.stderr.write(`--steps must be all or last, not ${steps}\n`);
  process.exit(2);
}
const notes = args.includes('--notes');
const out = path.resolve(option('out') ?? 'lecture.pdf');
const dist = path.resolve('dist');

if (!(args.includes('--no-build') && existsSync(path.join(dist, 'index.html')))) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

const started = Date.now();
const server = await startStaticServer(dist);
const browser = await launchBrowser({ viewport: { width: 1280, height: 720 } });
try {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  await page.goto(`${server.url}${notes ? '?print-notes' : ''}#/`);
  const pdf = await handoutPdf(page, { steps, notes });
  writeFileSync(out, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stderr.write(`${out}: ${pages} pages (steps: ${steps}, notes: ${notes}), ${seconds} s\n`);
} finally {
  await browser.close();
  await server.close();
}
