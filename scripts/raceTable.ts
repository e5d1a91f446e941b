/**
 * `npm run race-table [-- steps]`: runs the VAE race with its default settings
 * (8×8 digits, N = 8, K = 4, seed 2017, Adam 3e-3, fast τ schedule) in headless
 * Chromium on the backend the app picks, and prints the held-out −ELBO of each
 * estimator after the given number of steps (default 2,000) as a Markdown table.
 */
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser';
import { startStaticServer } from '../tests/support/staticServer';
import { callMl } from '../tests/support/ml';

const steps = Number(process.argv[2] ?? 2000);
const server = await startStaticServer(path.resolve('dist-e2e'));
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}#/title`);
  await callMl(page, 'initBackend');
  const backend = await callMl(page, 'backendName');
  const start = Date.now();
  const rows = await callMl(page, 'raceTable', steps);
  const seconds = ((Date.now() - start) / 1000).toFixed(0);
  console.log(
    `Held-out −ELBO (nats per image, 297 held-out digits, one-hot samples) after ${steps} steps, seed 2017, ${backend} backend, ${seconds} s:\n`,
  );
  console.log('| Estimator | held-out −ELBO |\n|---|---|');
  for (const r of rows) console.log(`| ${r.line} | ${r.negElbo.toFixed(2)} |`);
} finally {
  await browser.close();
  await server.close();
}
