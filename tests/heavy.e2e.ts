/**
 * "Never a frozen tab": each training figure at its heaviest settings trains
 * without a long main-thread task (500 ms is a generous bound only a design
 * error breaks; the real figures are in `npm run bench -- responsiveness`),
 * and Pause stops the step counter from the frame after it. The toy lab keeps
 * its run when its slide is left and re-entered.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveApp } from './support/app';
import { settledValue } from './support/settle';
import { longTaskRecorder, longTasksSince, measurePause } from './support/responsiveness';
import { trainingScenarios, waitUntilReady } from './bench/responsiveness';

const app = serveApp({ initScript: longTaskRecorder });

const stepOf = async (page: Page, widget: string) =>
  Number(await page.locator(widget).getAttribute('data-step'));

describe.each([
  // The race goes past its first held-out evaluation (step 100), whose images and numbers the page draws.
  ['the VAE race', trainingScenarios.raceHeaviest, 105],
  ['the toy lab', trainingScenarios.labHeaviest, 20],
])('%s at its heaviest settings', (_, scenario, steps) => {
  it('trains without a long main-thread task, and Pause stops the steps from the next frame', async () => {
    const { page, log } = await app.open(scenario.hash);
    await waitUntilReady(page, scenario);
    const first = await stepOf(page, scenario.widget);
    const since = (await page.evaluate('performance.now()')) as number;
    await page.locator(scenario.widget).getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(() => stepOf(page, scenario.widget), { timeout: 150_000, interval: 250 })
      .toBeGreaterThanOrEqual(first + steps);
    const longTasks = await longTasksSince(page, since);
    expect(Math.max(0, ...longTasks)).toBeLessThan(500);
    const pause = await measurePause(page, scenario.widget, 1000);
    expect(pause.toLabel).not.toBeNull();
    expect(pause.stepLater).toBe(pause.stepTwoFramesAfter);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 240_000);
});

// The tests below check steps and tensors, not time: they run at the same time,
// each in its own page (training at low speeds, they mostly wait for frames and
// for the 2 s windows in which no step may come), after the two above, which
// time the main thread and run alone. Each takes its test's own `expect`.
describe.concurrent('the toy lab', () => {
  it('resumes at its step after its slide is left and re-entered', async ({ expect }) => {
    const { page, log } = await app.open('#/toy-lab?lab.speed=5');
    const lab = trainingScenarios.labDefault;
    await waitUntilReady(page, lab);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepOf(page, lab.widget), { timeout: 60_000 }).toBeGreaterThan(40);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const paused = await settledValue(() => stepOf(page, lab.widget));
    const fingerprint = await page.locator(lab.widget).getAttribute('data-fingerprint');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator(lab.widget).count()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator(lab.widget).count()).toBe(1);
    await expect.poll(() => stepOf(page, lab.widget), { timeout: 30_000 }).toBe(paused);
    expect(await page.locator(lab.widget).getAttribute('data-fingerprint')).toBe(fingerprint);
    // …and it plays on from there.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(() => stepOf(page, lab.widget), { timeout: 30_000 })
      .toBeGreaterThan(paused + 10);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe.concurrent('the VAE race in the worker', () => {
  it('grows no tensors in the worker over 100 steps with an evaluation', async ({ expect }) => {
    const race = trainingScenarios.raceDefault;
    const { page, log } = await app.open('#/results?vae.speed=10');
    await waitUntilReady(page, race);
    const workerTensors = () =>
      page.evaluate(
        async () =>
          (
            await (
              window as unknown as {
                __explorer: { vaeRace: () => { memory: () => Promise<{ numTensors: number }> } };
              }
            ).__explorer
              .vaeRace()
              .memory()
          ).numTensors,
      );
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepOf(page, race.widget)).toBe(1);
    const before = await workerTensors();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(() => stepOf(page, race.widget), { timeout: 120_000, interval: 250 })
      .toBeGreaterThan(110);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForTimeout(500);
    expect(await workerTensors()).toBe(before);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

/** The step of a run as the page last heard it from the worker, readable while its widget is off screen. */
const runStep = (page: Page, hook: 'labRun' | 'vaeRace') =>
  page.evaluate(
    (name) =>
      (
        window as unknown as { __explorer: Record<string, () => { step: number } | null> }
      ).__explorer[name]?.()?.step ?? -1,
    hook,
  );

describe.concurrent.each([
  ['the toy lab', '#/toy-lab?lab.speed=5', trainingScenarios.labDefault, 'labRun'],
  ['the VAE race', '#/results?vae.speed=2', trainingScenarios.raceDefault, 'vaeRace'],
] as const)('%s, playing', (_, hash, scenario, hook) => {
  it('takes no step while its slide is left or the tab is hidden, and plays on when it is back', async ({
    expect,
  }) => {
    const { page, log } = await app.open(hash);
    await waitUntilReady(page, scenario);
    await page.locator(scenario.widget).getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepOf(page, scenario.widget), { timeout: 60_000 }).toBeGreaterThan(5);
    // Another slide, by the keyboard (the next slide, not the next step: the
    // results slide's second step still shows the race): the worker stops stepping this run.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator(scenario.widget).count()).toBe(0);
    const away = await settledValue(() => runStep(page, hook)); // a snapshot on its way may land
    await page.waitForTimeout(2000);
    expect(await runStep(page, hook)).toBe(away);
    // Back: it plays on from where it stopped, without a click on Play.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator(scenario.widget).count()).toBe(1);
    await expect
      .poll(() => stepOf(page, scenario.widget), { timeout: 30_000 })
      .toBeGreaterThan(away + 3);
    // The tab hidden: no step; shown again: it plays on.
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (h ? 'hidden' : 'visible'),
        });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    const hiddenAt = await settledValue(() => runStep(page, hook));
    await page.waitForTimeout(2000);
    expect(await runStep(page, hook)).toBe(hiddenAt);
    await setHidden(false);
    await expect.poll(() => runStep(page, hook), { timeout: 30_000 }).toBeGreaterThan(hiddenAt + 3);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
