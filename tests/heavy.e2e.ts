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
import { longTaskRecorder, longTasksSince, measurePause } from './support/responsiveness';
import { trainingScenarios, waitUntilReady } from './bench/responsiveness';

const app = serveApp({ initScript: longTaskRecorder });

const stepOf = async (page: Page, widget: string) =>
  Number(await page.locator(widget).getAttribute('data-step'));

describe.each([
  ['the VAE race', trainingScenarios.raceHeaviest],
  ['the toy lab', trainingScenarios.labHeaviest],
])('%s at its heaviest settings', (_, scenario) => {
  it('trains without a long main-thread task, and Pause stops the steps from the next frame', async () => {
    const { page, log } = await app.open(scenario.hash);
    await waitUntilReady(page, scenario);
    const first = await stepOf(page, scenario.widget);
    const since = (await page.evaluate('performance.now()')) as number;
    await page.locator(scenario.widget).getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(() => stepOf(page, scenario.widget), { timeout: 120_000, interval: 250 })
      .toBeGreaterThanOrEqual(first + 20);
    const longTasks = await longTasksSince(page, since);
    expect(Math.max(0, ...longTasks)).toBeLessThan(500);
    const pause = await measurePause(page, scenario.widget, 1000);
    expect(pause.toLabel).not.toBeNull();
    expect(pause.stepLater).toBe(pause.stepTwoFramesAfter);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe('the toy lab', () => {
  it('resumes at its step after its slide is left and re-entered', async () => {
    const { page, log } = await app.open('#/toy-lab?lab.speed=5');
    const lab = trainingScenarios.labDefault;
    await waitUntilReady(page, lab);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepOf(page, lab.widget), { timeout: 60_000 }).toBeGreaterThan(40);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForTimeout(300);
    const paused = await stepOf(page, lab.widget);
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

describe('the VAE race in the worker', () => {
  it('grows no tensors in the worker over 100 steps with an evaluation', async () => {
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
