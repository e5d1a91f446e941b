import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveApp } from './support/app';
import { settledValue } from './support/settle';

const app = serveApp();
const twoFrames = (page: Page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );

const stepOf = async (page: Page) =>
  Number(await page.locator('.vae-race').getAttribute('data-step'));
/** The live session's step, readable while the widget is off screen. */
const sessionStep = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as { __explorer: { vaeRace: () => { step: number } | null } }
      ).__explorer.vaeRace()?.step ?? -1,
  );

async function openRace(query = '') {
  const opened = await app.open(`#/results${query}`);
  // The first evaluation (step 0) is drawn once the data and the backend are ready.
  await expect
    .poll(() => opened.page.locator('.vae-race .race-table__ours').textContent(), {
      timeout: 60_000,
    })
    .toMatch(/step 0\s*\d/);
  return opened;
}

describe('the VAE race', () => {
  it('starts, pauses, resumes after the slide is left and re-entered, and resets', async () => {
    const { page, log } = await openRace();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(30);
    // Leave the slide: the widget goes away and the race does no work.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('.vae-race').count()).toBe(0);
    // A step the worker had begun when the slide went may still land: read where it stopped.
    const away = await settledValue(() => sessionStep(page));
    await page.waitForTimeout(800);
    expect(await sessionStep(page)).toBe(away);
    // Come back: the race is where it stopped, and it plays on.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(away);
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(away + 10);
    // The speed only paces the race: it plays on, at the new cap.
    await page.getByLabel('speed, at most').selectOption('10');
    await expect
      .poll(() => page.locator('.vae-race .race-status[aria-live="off"]').textContent())
      .toMatch(/\(at most 600\)$/);
    const sped = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(sped + 5);
    expect(await page.locator('.vae-race').getAttribute('data-playing')).toBe('true');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // A snapshot posted before the worker heard of the pause may still land.
    const paused = await settledValue(() => stepOf(page));
    await page.waitForTimeout(600);
    expect(await stepOf(page)).toBe(paused);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepOf(page)).toBe(paused + 1);
    // Held-out numbers have appeared for every estimator, and the curves are drawn.
    expect(await page.locator('.vae-race .line-series').count()).toBeGreaterThanOrEqual(10);
    // A new learning rate is a new race: it starts again from step 0, and says so.
    await page.getByLabel('learning rate').selectOption('0.01');
    await expect
      .poll(() => page.locator('.vae-race .widget__notice').textContent())
      .toBe(
        'Learning rate changed to 0.01: the race starts again from step 0 ' +
          `(the old run had reached step ${paused + 1}).`,
      );
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBe(0);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('survives a forced NaN in one estimator: it stops with a message, the others go on', async () => {
    const { page, log } = await openRace('?vae.speed=2');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(4);
    await page.evaluate(() =>
      (
        window as unknown as {
          __explorer: { vaeRace: () => { injectFault: (line: string) => void } };
        }
      ).__explorer
        .vaeRace()
        .injectFault('gumbel-softmax'),
    );
    const race = page.locator('.vae-race');
    await expect
      .poll(() => race.getAttribute('data-stopped'), { timeout: 30_000 })
      .toBe('gumbel-softmax');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Gumbel-Softmax stopped at step' }).textContent(),
    ).resolves.toMatch(/not a finite number.*The others go on/);
    const at = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(at + 110);
    // The others got a held-out evaluation after the fault; the stopped one shows no number.
    const cells = await page.locator('.race-table__ours td').allTextContents();
    expect(cells[6]).toMatch(/stopped/);
    for (const i of [0, 1, 4, 7]) expect(cells[i]).toMatch(/^\d+\.\d$/);
    // The row names the step its numbers come from (the latest evaluation), not the live step.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await twoFrames(page);
    const paused = await stepOf(page);
    const row = await page.locator('.race-table__ours th').textContent();
    expect(row).toMatch(/evaluated every 100 steps/);
    expect(row).toMatch(new RegExp(`at step ${Math.floor(paused / 100) * 100}$`));
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('refuses impossible settings in a link with a message, and switches to Fashion-MNIST', async () => {
    const { page } = await openRace('?vae.n=500&vae.exact=1&vae.tau=hot');
    const problems = await page.locator('.vae-race .widget__problem').first().textContent();
    expect(problems).toMatch(/N must be a whole number from 1 to 30; using 30/);
    expect(problems).toMatch(/not a T schedule/);
    expect(problems).toMatch(/Exact marginalization/);
    await page.getByLabel('data').selectOption('fashion');
    await expect
      .poll(() => page.locator('.vae-race .race-table__ours').textContent(), { timeout: 90_000 })
      .toMatch(
        /Fashion-MNIST 28×28, 20×10 VAE, held-out −ELBO \(evaluated every 100 steps\) at step 0\s*\d/,
      );
    await page.close();
  });
});
