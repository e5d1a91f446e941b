import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hashOf, serveApp } from './support/app';
import { settledValue } from './support/settle';

const app = serveApp();

const stepOf = async (page: Page) =>
  Number(await page.locator('.estimator-lab').getAttribute('data-step'));
const fingerprintOf = (page: Page) =>
  page.locator('.estimator-lab').getAttribute('data-fingerprint');
/** Live tensors in the training worker, where the lab computes. */
const workerTensors = (page: Page) =>
  page.evaluate(
    async () =>
      (
        await (
          window as unknown as {
            __explorer: { labRun: () => { memory: () => Promise<{ numTensors: number }> } };
          }
        ).__explorer
          .labRun()
          .memory()
      ).numTensors,
  );

async function openLab(query = '') {
  const opened = await app.open(`#/toy-lab${query}`);
  await expect
    .poll(() => opened.page.locator('.estimator-lab .lab-strip__numbers').first().textContent(), {
      timeout: 60_000,
    })
    .toContain('bias');
  return opened;
}

describe('the estimator graphs', () => {
  it('step through structure, forward and backward pass with the deck keys, and back', async () => {
    const { page } = await app.open('#/estimator-graphs');
    const graphs = page.locator('.estimator-graphs');
    await expect
      .poll(() => graphs.getAttribute('data-phase'), { timeout: 30_000 })
      .toBe('structure');
    expect(await graphs.locator('.edge-forward').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => graphs.getAttribute('data-phase')).toBe('forward');
    expect(await graphs.locator('.edge-backward').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => graphs.getAttribute('data-phase')).toBe('backward');
    // Every backward arrow is labelled; straight-through's derivative is replaced by 1.
    expect(await graphs.locator('.edge-label').count()).toBe(
      await graphs.locator('.edge-backward').count(),
    );
    const replaced = graphs.locator('[data-graph="straight-through"] .edge-label--replaced');
    expect(await replaced.evaluate((el) => el.firstChild?.textContent)).toBe('1');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => graphs.getAttribute('data-phase')).toBe('forward');
    await page.close();
  });

  it('show Gumbel-Softmax, then ST Gumbel-Softmax, on the estimator slide', async () => {
    const { page } = await app.open('#/gumbel-softmax-estimator');
    const graphs = page.locator('.estimator-graphs');
    await expect.poll(() => graphs.getAttribute('data-graphs'), { timeout: 30_000 }).toBe('1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => graphs.getAttribute('data-graphs')).toBe('2');
    await page.close();
  });
});

describe('the toy lab', () => {
  it('trains, pauses and resets', async () => {
    const { page, log } = await openLab('?lab.speed=5');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(20);
    // The speed is a cap; the status line shows what the run achieves against it.
    expect(await page.locator('.estimator-lab .lab-controls').textContent()).toMatch(
      /speed, at most\s*\d+ steps\/s/,
    );
    await expect
      .poll(() => page.locator('.estimator-lab .lab-status').textContent())
      .toMatch(/^Step \d+ · \d+ steps\/s \(at most 300\)$/);
    // The speed only paces the run: it plays on, at the new cap.
    await page.getByLabel('speed, at most').selectOption('10');
    await expect
      .poll(() => page.locator('.estimator-lab .lab-status').textContent())
      .toMatch(/^Step \d+ · \d+ steps\/s \(at most 600\)$/);
    const sped = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(sped + 5);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // A snapshot posted before the worker heard of the pause may still land.
    const paused = await settledValue(() => stepOf(page));
    expect(await page.locator('.estimator-lab .lab-status').textContent()).toMatch(/· paused$/);
    await page.waitForTimeout(500);
    expect(await stepOf(page)).toBe(paused);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepOf(page)).toBe(paused + 1);
    // A new learning rate is a new run: it starts again from step 0, and says so.
    await page.getByLabel('learning rate').selectOption('0.3');
    await expect
      .poll(() => page.locator('.estimator-lab .widget__notice').textContent())
      .toBe(
        'Learning rate changed to 0.3: the lab starts again from step 0 ' +
          `(the old run had reached step ${paused + 1}).`,
      );
    await expect.poll(() => stepOf(page)).toBe(0);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepOf(page)).toBe(1);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => stepOf(page)).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('keeps every estimate and marker of a heavy-tailed problem inside the strips’ axis', async () => {
    const { page } = await openLab(
      '?lab.preset=categorical&lab.k=10&lab.samples=256&lab.speed=50&lab.lr=10',
    );
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // Paused, the strips show a probe of the step the run rests at.
    const at = await settledValue(() => stepOf(page));
    const caption = page.locator('.estimator-lab .lab-strips figcaption');
    await expect.poll(() => caption.textContent(), { timeout: 30_000 }).toContain(`step ${at} `);
    const probe = await page.evaluate(
      () =>
        (
          window as unknown as {
            __explorer: {
              labRun: () => {
                snapshot: () => {
                  probe: { step: number; distributions: { component: number[] }[] };
                };
              };
            };
          }
        ).__explorer
          .labRun()
          .snapshot().probe,
    );
    expect(probe.step).toBe(at);
    // The axis drawn (x from 16 to width − 16, draw.ts), read back from two of its ticks.
    const axis = await page
      .locator('.estimator-lab .lab-strip svg')
      .last()
      .evaluate((svg) => ({
        width: Number(svg.getAttribute('width')),
        ticks: [...svg.querySelectorAll('.tick')].map((t) => ({
          x: Number(/translate\(([^,]+)/.exec(t.getAttribute('transform')!)![1]),
          v: Number(t.textContent!.replace('−', '-')),
        })),
      }));
    const [a, b] = [axis.ticks[0]!, axis.ticks.at(-1)!];
    const perPixel = (b.v - a.v) / (b.x - a.x);
    const lo = a.v + (16 - a.x) * perPixel;
    const hi = a.v + (axis.width - 16 - a.x) * perPixel;
    // Every estimate inside (a pixel's leeway for the ticks' half-pixel offset); a domain of
    // percentiles clamped the heavy tail onto an end, where its bars piled up.
    const all = probe.distributions.flatMap((d) => d.component);
    expect(Math.min(...all)).toBeGreaterThanOrEqual(lo - perPixel);
    expect(Math.max(...all)).toBeLessThanOrEqual(hi + perPixel);
    // The exact and mean markers lie off the ends: the domain's margin is 4 %.
    const markers = await page
      .locator(
        '.estimator-lab .lab-strip svg .strip-exact, .estimator-lab .lab-strip svg .strip-mean',
      )
      .evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('x1'))));
    expect(markers.length).toBe(10);
    for (const x of markers) {
      expect(x).toBeGreaterThan(17);
      expect(x).toBeLessThan(axis.width - 17);
    }
    await page.close();
  });

  it('reproduces a run exactly from its link', async () => {
    const query =
      '?lab.preset=categorical&lab.k=5&lab.tau=0.2&lab.lr=0.3&lab.samples=4&lab.seed=77';
    const runTo = async () => {
      const { page } = await openLab(query);
      for (let i = 0; i < 15; i++)
        await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect.poll(() => stepOf(page)).toBe(15);
      return page;
    };
    const a = await runTo();
    const b = await runTo();
    expect(await fingerprintOf(b)).toBe(await fingerprintOf(a));
    expect(await hashOf(b)).toContain('lab.seed=77');
    await Promise.all([a.close(), b.close()]);
  });

  it('grows no tensors over 1,000 steps, and a NaN stops only its own line', async () => {
    const { page } = await openLab('?lab.speed=50');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.waitForTimeout(300);
    const before = await workerTensors(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(() => stepOf(page), { timeout: 120_000, interval: 500 })
      .toBeGreaterThanOrEqual(1000);
    await page.evaluate(() =>
      (
        window as unknown as { __explorer: { labRun: () => { injectFault: (n: string) => void } } }
      ).__explorer
        .labRun()
        .injectFault('gumbel-softmax'),
    );
    const alert = page.locator('.estimator-lab .widget__problem');
    await expect
      .poll(() => alert.textContent(), { timeout: 10_000 })
      .toMatch(/Gumbel-Softmax stopped at step \d+/);
    const stepAtFault = await stepOf(page);
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(stepAtFault + 50);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForTimeout(1500); // the probe and the τ sweep finish
    expect(await workerTensors(page)).toBe(before);
    await page.close();
  });
});
