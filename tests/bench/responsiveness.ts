/**
 * "Never a frozen tab", measured: each training figure at its default and its
 * heaviest settings plays for a few seconds in the production build; we read
 * the longest main-thread task (goal ≤ 50 ms), the 95th-percentile frame time,
 * steps per second, and the Pause latency (click → label, click → last step).
 */
import type { BenchContext } from './runBench';
import {
  longTaskRecorder,
  measurePause,
  measurePlaying,
  quantile,
} from '../support/responsiveness';

const round = (x: number) => Math.round(x * 10) / 10;

export const trainingScenarios = {
  raceDefault: { hash: '#/results', widget: '.vae-race', ready: '.vae-race .race-table__ours' },
  raceHeaviest: {
    hash: '#/results?vae.data=fashion&vae.n=30&vae.k=10&vae.speed=50',
    widget: '.vae-race',
    ready: '.vae-race .race-table__ours',
  },
  labDefault: {
    hash: '#/toy-lab',
    widget: '.estimator-lab',
    ready: '.estimator-lab .lab-strip__numbers',
  },
  labHeaviest: {
    hash: '#/toy-lab?lab.preset=categorical&lab.k=10&lab.samples=256&lab.speed=50',
    widget: '.estimator-lab',
    ready: '.estimator-lab .lab-strip__numbers',
  },
} as const;

/** Waits until the figure has computed its first picture (the race's step-0 table, the lab's probe). */
export async function waitUntilReady(
  page: import('playwright-core').Page,
  scenario: (typeof trainingScenarios)[keyof typeof trainingScenarios],
) {
  const ready = page.locator(scenario.ready).first();
  const pattern = scenario.widget === '.vae-race' ? /step 0\s*\d/ : /bias/;
  for (let i = 0; i < 600; i++) {
    if (pattern.test((await ready.textContent().catch(() => '')) ?? '')) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`${scenario.hash} never became ready`);
}

export async function benchResponsiveness({ browser, url }: BenchContext) {
  const playMs = Number(process.env.PLAY_MS ?? 8000);
  // THROTTLE=4 stands for a loaded or cheap laptop (CDP CPU throttling);
  // SCENARIOS=labDefault,raceDefault picks some of the four.
  const throttle = Number(process.env.THROTTLE ?? 1);
  const only = process.env.SCENARIOS?.split(',');
  const results: Record<string, unknown> = { throttle };
  for (const [name, scenario] of Object.entries(trainingScenarios)) {
    if (only && !only.includes(name)) continue;
    const page = await browser.context.newPage();
    await page.addInitScript(longTaskRecorder);
    if (throttle !== 1) {
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.goto(`${url}${scenario.hash}`);
    await waitUntilReady(page, scenario);
    const backend = await page
      .locator(`${scenario.widget} .backend-badge`)
      .getAttribute('data-backend');
    await page.evaluate(() => performance.clearMeasures('training-draw'));
    const played = await measurePlaying(page, scenario.widget, playMs);
    const draws = await page.evaluate(() =>
      performance.getEntriesByName('training-draw').map((e) => e.duration),
    );
    const paused = await measurePause(page, scenario.widget);
    results[name] = {
      link: scenario.hash,
      backend,
      longestTaskMs: round(Math.max(0, ...played.longTasks)),
      longTasksOver50Ms: played.longTasks.filter((d) => d > 50).length,
      longTasksOver100Ms: played.longTasks.filter((d) => d > 100).length,
      frameP95Ms: round(quantile(played.frames, 0.95)),
      frameMedianMs: round(quantile(played.frames, 0.5)),
      stepsPerSecond: round(played.stepsPerSecond),
      reactCommits: played.reactCommits,
      chartDrawMs: { median: round(quantile(draws, 0.5)), p95: round(quantile(draws, 0.95)) },
      pauseToLabelMs: played.steps > 0 ? round(paused.toLabel) : null,
      pauseToLastStepMs: round(paused.toLastStep),
      stepsAfterPause: paused.stepLater - paused.stepTwoFramesAfter,
    };
    process.stderr.write(`  ${name}: ${JSON.stringify(results[name])}\n`);
    await page.close();
  }
  return results;
}
