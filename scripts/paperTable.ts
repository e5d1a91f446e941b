/**
 * `npm run paper-table [-- --steps 2000 --seeds 3 --tasks vae-bernoulli,... --lr 3e-3 --grid --out file.md]`:
 * runs Table 1 headless, with the same TableJob the results slide runs in its
 * worker, in Chromium on the backend the app picks (8×8 digits, the table's
 * estimators), and prints the Markdown table, the paper beside this browser,
 * each cell the mean ± sample standard deviation over seeds; then the ranking
 * per row. Progress goes to stderr.
 */
import os from 'node:os';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/support/browser';
import { startStaticServer } from '../tests/support/staticServer';
import { callMl } from '../tests/support/ml';
import { tableMarkdown } from './support/paperTableMarkdown';

const { values: args } = parseArgs({
  options: {
    steps: { type: 'string' },
    seeds: { type: 'string' },
    tasks: { type: 'string' },
    lr: { type: 'string' },
    grid: { type: 'boolean', default: false },
    seed: { type: 'string', default: '2017' },
    out: { type: 'string' },
  },
});
const server = await startStaticServer(path.resolve('dist-e2e'));
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}#/title`);
  await callMl(page, 'initBackend');
  const backend = await callMl(page, 'backendName');
  const agent = await page.evaluate(() => navigator.userAgent);
  const chrome = /Chrome\/([\d.]+)/.exec(agent)?.[1] ?? '';
  const runnable = await callMl(page, 'runnableTasks');
  const asked = args.tasks?.split(',');
  const chosen = runnable.filter((r) => !asked || asked.includes(r.task));
  for (const r of chosen)
    if (r.error) process.stderr.write(`paper-table: ${r.task} left out: ${r.error}\n`);
  const tasks = chosen.filter((r) => r.error === null).map((r) => r.task);
  if (tasks.length === 0) throw new Error('No task can run.');
  const facts = await callMl(page, 'paperTableFacts');
  const whole = facts.wholeTable;
  const learningRates = args.grid
    ? [...whole.learningRateGrid]
    : (args.lr?.split(',').map(Number) ?? [...whole.learningRates]);
  const settings = {
    tasks,
    estimators: facts.estimators.map((e) => e.id),
    seeds: Number(args.seeds ?? whole.seeds),
    steps: Number(args.steps ?? whole.steps),
    learningRates,
    varianceNormalization: false,
    seed: Number(args.seed),
  };
  await callMl(page, 'paperTableOpen', settings);
  const start = Date.now();
  let lastPrint = 0;
  for (;;) {
    const { progress, current, stepsPerSecond, finished } = await callMl(
      page,
      'paperTableAdvance',
      100,
    );
    if (finished) break;
    if (Date.now() - lastPrint > 10_000 && current) {
      lastPrint = Date.now();
      const left = progress.secondsLeft === null ? '?' : (progress.secondsLeft / 60).toFixed(1);
      process.stderr.write(
        `paper-table: ${((100 * progress.done) / progress.total).toFixed(1)} %, ${current.task} seed ${current.seed + 1}/${settings.seeds} lr ${current.learningRate} step ${current.step}, ${stepsPerSecond?.toFixed(1) ?? '?'} steps/s, ~${left} min left\n`,
      );
    }
  }
  const wallSeconds = (Date.now() - start) / 1000;
  const snapshot = await callMl(page, 'paperTableSnapshot');
  await callMl(page, 'paperTableClose');
  const markdown = tableMarkdown({
    snapshot,
    facts,
    settings,
    left: chosen.filter((r) => r.error !== null),
    backend,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, headless Chromium ${chrome}`,
    wallSeconds,
  });
  process.stdout.write(markdown);
  if (args.out) await writeFile(args.out, markdown);
} finally {
  await browser.close();
  await server.close();
}
