import { describe, expect, it, type ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import { hashOf, serveApp } from './support/app';
import { callMl } from './support/ml';

const app = serveApp();
const GUMBEL_MAX = '#/gumbel-max/4';
const SWEEP = '#/temperature/2';

const summaryOf = (page: Page, widget: string) =>
  page.locator(`.${widget} [aria-live="polite"]`).textContent();
const fingerprint = (page: Page) => page.locator('.simplex').getAttribute('data-fingerprint');

async function openGumbelMax(expect: ExpectStatic, query = '') {
  const opened = await app.open(GUMBEL_MAX + query);
  await expect
    .poll(() => summaryOf(opened.page, 'gumbel-max'), { timeout: 60_000 })
    .toContain('chi-square');
  return opened;
}

async function openSweep(expect: ExpectStatic, query = '') {
  const opened = await app.open(SWEEP + query);
  await expect.poll(() => fingerprint(opened.page), { timeout: 60_000 }).toMatch(/^[0-9a-f]{8}$/);
  return opened;
}

// The tests of each widget run at once, each in its own page, except the sweep's
// last, which times frames and runs alone after the others; each takes its own expect.
describe.concurrent('the Gumbel-max widget', () => {
  it('renders on its slide, says which backend computes it, and is driven by its controls', async ({
    expect,
  }) => {
    const { page, log } = await openGumbelMax(expect);
    await expect
      .poll(() => page.locator('.gumbel-max .backend-badge').getAttribute('data-backend'))
      .toBe('wasm');
    const first = page.getByLabel('Probability of class 1');
    await first.fill('0.7');
    await first.press('Enter');
    await expect.poll(() => hashOf(page)).toMatch(/gm\.p=0\.7,/);
    await page.getByRole('button', { name: '+ class' }).click();
    await expect(page.getByLabel(/Probability of class \d/).count()).resolves.toBe(5);
    const draws = page.locator('.widget__draws');
    await draws.fill('1000');
    await draws.press('Enter');
    await expect
      .poll(() => summaryOf(page, 'gumbel-max'), { timeout: 60_000 })
      .toContain('1,000 draws');
    // The deck did not move while the widget's fields were used.
    expect(await hashOf(page)).toMatch(/^#\/gumbel-max\/4\?/);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('reproduces the same picture from the same link', async ({ expect }) => {
    const query = '?gm.p=0.5,0.3,0.2&gm.n=5000&gm.seed=99&gm.draw=3';
    const a = await openGumbelMax(expect, query);
    const b = await openGumbelMax(expect, query);
    const text = await summaryOf(a.page, 'gumbel-max');
    expect(await summaryOf(b.page, 'gumbel-max')).toBe(text);
    const c = await openGumbelMax(expect, query.replace('seed=99', 'seed=100'));
    expect(await summaryOf(c.page, 'gumbel-max')).not.toBe(text);
    await Promise.all([a.page.close(), b.page.close(), c.page.close()]);
  });

  it('explains bad values in the link and keeps working', async ({ expect }) => {
    const { page, log } = await openGumbelMax(expect, '?gm.p=0,0&gm.n=-5&gm.seed=x');
    const alert = page.locator('.gumbel-max .widget__problem');
    await expect(alert.textContent()).resolves.toMatch(/not non-negative numbers/);
    await expect(alert.textContent()).resolves.toMatch(/from 1 to 1000000/);
    // An emptied field is refused, not read as 0.
    const field = page.getByLabel('Probability of class 2');
    await field.fill('');
    await field.press('Enter');
    await expect(alert.textContent()).resolves.toMatch(/probability: is empty; using 0\.200\./);
    expect(await summaryOf(page, 'gumbel-max')).toContain('chi-square');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('keeps the ±2 SE bands inside the plot at few draws', async ({ expect }) => {
    const { page, log } = await openGumbelMax(expect, '?gm.n=3');
    const outside = await page.evaluate(() => {
      const band = document.querySelector<SVGRectElement>('.gumbel-max .reference .band')!;
      const svg = band.ownerSVGElement!;
      // The left axis's line spans the plot's height.
      const axis = svg.querySelector<SVGPathElement>('.axis .domain')!.getBBox();
      const bands = [...svg.querySelectorAll<SVGRectElement>('.reference .band')];
      return {
        count: bands.length,
        outside: bands
          .map((b) => b.getBBox())
          .filter((b) => b.y < axis.y - 0.5 || b.y + b.height > axis.y + axis.height + 0.5)
          .map((b) => `${b.y.toFixed(1)}+${b.height.toFixed(1)}`),
      };
    });
    expect(outside.count).toBe(4);
    expect(outside.outside).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('grows no tensors over 100 redraws', async ({ expect }) => {
    const { page } = await openGumbelMax(expect, '?gm.n=200');
    const again = page.getByRole('button', { name: 'Draw again' });
    await again.click();
    await page.waitForTimeout(300);
    const before = await callMl(page, 'numTensors');
    for (let i = 0; i < 100; i++) await again.click();
    await expect.poll(() => hashOf(page)).toContain('gm.draw=101');
    // And the one-draw chart still answers (the widget did not stop).
    await page.waitForTimeout(500);
    expect(await callMl(page, 'numTensors')).toBe(before);
    await page.close();
  });
});

describe('the temperature sweep', () => {
  it.concurrent(
    'reproduces the same points from the same link, and new ones from a new seed',
    async ({ expect }) => {
      const query = '?ts.seed=5&ts.tau=0.3&ts.n=2000';
      const a = await openSweep(expect, query);
      const b = await openSweep(expect, query);
      expect(await fingerprint(b.page)).toBe(await fingerprint(a.page));
      await b.page.getByRole('button', { name: 'New seed' }).click();
      await expect.poll(() => fingerprint(b.page)).not.toBe(await fingerprint(a.page));
      await Promise.all([a.page.close(), b.page.close()]);
    },
  );

  it.concurrent(
    'moves T with the keyboard on its slider, and refuses T ≤ 0 in the link',
    async ({ expect }) => {
      const { page } = await openSweep(expect, '?ts.tau=-2');
      await expect(
        page.locator('.temperature-sweep .widget__problem').textContent(),
      ).resolves.toMatch(/The temperature T must be from 0.05 to 10; using 0.05/);
      expect(await page.locator('.simplex').getAttribute('data-tau')).toBe('0.0500');
      const slider = page.getByLabel(/Temperature, 0.05 to 10/);
      await slider.focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('.simplex').getAttribute('data-tau')).not.toBe('0.0500');
      expect(await hashOf(page)).toMatch(/^#\/temperature\/2\?/);
      await page.close();
    },
  );

  it.concurrent(
    'crosses the whole T range in 40 arrow presses, each a factor 200^(1/40)',
    async ({ expect }) => {
      const { page } = await openSweep(expect, '?ts.tau=0.05');
      const tau = async () => Number(await page.locator('.simplex').getAttribute('data-tau'));
      const slider = page.getByLabel(/Temperature, 0.05 to 10/);
      await slider.focus();
      expect(await slider.getAttribute('aria-valuetext')).toBe('T = 0.05');
      await page.keyboard.press('ArrowRight');
      await expect.poll(tau).toBeCloseTo(0.05 * 200 ** (1 / 40), 3);
      for (let i = 1; i < 40; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(tau).toBe(10);
      expect(await slider.getAttribute('aria-valuetext')).toBe('T = 10.00');
      await page.keyboard.press('Shift+ArrowLeft');
      await expect.poll(tau).toBeCloseTo(10 / 200 ** (5 / 40), 2);
      await page.keyboard.press('Home');
      await expect.poll(tau).toBe(0.05);
      // Page Down still belongs to the deck (a clicker).
      await page.keyboard.press('PageDown');
      await expect
        .poll(() => hashOf(page).then((h) => h.split('?')[0]))
        .not.toBe('#/temperature/2');
      await page.close();
    },
  );

  it('sweeps smoothly for 10 seconds with no tensor growth, and stops while the tab is hidden', async () => {
    const { page } = await openSweep(expect);
    const before = await callMl(page, 'numTensors');
    await page.getByRole('button', { name: 'Play' }).click();
    const taus: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.waitForTimeout(1000);
      taus.push((await page.locator('.simplex').getAttribute('data-tau'))!);
    }
    expect(new Set(taus).size).toBeGreaterThan(5);
    expect(await callMl(page, 'numTensors')).toBe(before);
    // Hide the tab: the sweep must stop.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForTimeout(200);
    const hidden = await page.locator('.simplex').getAttribute('data-tau');
    await page.waitForTimeout(1000);
    expect(await page.locator('.simplex').getAttribute('data-tau')).toBe(hidden);
    await page.close();
  });
});
