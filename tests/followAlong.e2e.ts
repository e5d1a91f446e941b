/**
 * Follow along without a server (issue 17): Q shows a QR code of the link of
 * what is on screen; the code, read from the screen's pixels by a decoder
 * (jsQR), is that link; a phone that opens it reads the same slide, scrolled
 * to, with the same figure settings and seed. The presenter view shows the
 * code on the room's screen.
 */
import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import { lectureSlides } from '../src/lecture';
import { formatHash } from '../src/deck/hash';
import { hashOf, serveApp } from './support/app';
import { pngPixels } from './support/pngPixels';

const app = serveApp();
const at = (id: string, step = 0) =>
  formatHash(lectureSlides, { slide: lectureSlides.findIndex((s) => s.id === id), step });

/**
 * The text of the QR code as the screen shows it: a screenshot of the code,
 * turned into RGBA pixels by the page's own image decoder, read by jsQR.
 */
async function decodeQr(page: Page, code: Locator): Promise<string | null> {
  const { width, height, rgba } = await pngPixels(page, await code.screenshot());
  return jsQR(rgba, width, height)?.data ?? null;
}

/** The Gumbel-max figure's data in words (its screen-reader summary), once many draws are counted. */
const gumbelSummary = (page: Page) =>
  page.locator('.gumbel-max .visually-hidden[aria-live]').first().textContent();

describe('follow along on a phone', () => {
  it('Q shows a code of the link of the slide, step, settings and seed; a phone reproduces the figure, scrolled to it', async () => {
    // A lecturer's figure with a setting changed by a link and a fresh seed.
    const start = `${at('gumbel-max', 3)}?gm.n=2000`;
    const { page, log } = await app.open(start);
    const phone = await app.browser().context.newPage();
    try {
      await expect
        .poll(() => gumbelSummary(page), { timeout: 60_000 })
        .toMatch(/2,000 draws: class 1 /);
      const before = await gumbelSummary(page);
      await page.locator('.gumbel-max').getByRole('button', { name: 'New seed' }).click();
      await expect.poll(() => gumbelSummary(page), { timeout: 30_000 }).not.toBe(before);
      await expect.poll(() => hashOf(page)).toMatch(/gm\.seed=\d+/);
      const seed = /gm\.seed=(\d+)/.exec(await hashOf(page))![1]!;
      const summary = await gumbelSummary(page);

      await page.keyboard.press('q');
      const dialog = page.getByRole('dialog', { name: 'Follow on your phone' });
      const code = dialog.getByRole('img', { name: /^QR code of / });
      await code.waitFor();
      const link = (await dialog.locator('.follow__link').textContent())!;
      // The page's own address (its sub-path), the slide and step, every
      // value of the figure in use: defaults the hash leaves out, and the seed.
      expect(link).toBe(
        `${app.url}${at('gumbel-max', 3)}?gm.n=2000&gm.seed=${seed}&gm.p=0.1,0.2,0.3,0.4&gm.draw=0`,
      );
      expect(await code.getAttribute('aria-label')).toBe(`QR code of ${link}`);
      expect(await decodeQr(page, code)).toBe(link);
      // Big enough for the back row: most of the window's height.
      const box = (await code.boundingBox())!;
      expect(box.height).toBeGreaterThan(0.7 * 720);
      // Served from 127.0.0.1: the code says phones cannot open it.
      await expect(dialog.locator('.follow__note').allTextContents()).resolves.toEqual([
        expect.stringContaining('phones cannot open this link'),
      ]);

      // The phone: the reading view, scrolled to the slide, the same draws.
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(link);
      await phone.locator('.deck--reading').waitFor();
      await expect.poll(() => gumbelSummary(phone), { timeout: 60_000 }).toBe(summary);
      const top = () =>
        phone
          .locator('section[data-slide-id="gumbel-max"]')
          .evaluate((el) => Math.round(el.getBoundingClientRect().top));
      expect(Math.abs(await top())).toBeLessThanOrEqual(2);
      expect(await phone.getByLabel('Draws', { exact: true }).inputValue()).toBe('2000');

      // A training figure: the code says that the phone starts it from step 0.
      await page.evaluate((h) => (location.hash = h), at('toy-lab'));
      await expect
        .poll(() => dialog.locator('.follow__note').allTextContents())
        .toContainEqual(expect.stringContaining('starts from step 0'));
      expect(await dialog.locator('.follow__link').textContent()).toContain(at('toy-lab'));
      // Esc closes it, and opens no overview.
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(log).toEqual({ errors: [], failedRequests: [], offOrigin: [] });
    } finally {
      await phone.close();
      await page.close();
    }
  });

  it('has no serious axe violation with the code shown, in every theme', async () => {
    const { page } = await app.open(at('gumbel-max', 3));
    try {
      await page.keyboard.press('q');
      await page.getByRole('img', { name: /^QR code of / }).waitFor();
      const found: string[] = [];
      for (const theme of ['light', 'dark', 'contrast']) {
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        const result = await new AxeBuilder({ page }).include('.follow').analyze();
        for (const v of result.violations) {
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(`${theme}: ${v.id} ${v.nodes[0]?.target.join(' ')}`);
        }
        await page.keyboard.press('t'); // T still cycles the theme under the code
      }
      expect(found).toEqual([]);
    } finally {
      await page.evaluate(() => localStorage.removeItem('gsx.theme'));
      await page.close();
    }
  });

  it('the presenter view shows the code on the room’s screen with a button, and Q hides it', async () => {
    const audience = await app.open(at('gumbel-max', 3), { query: '?view=audience' });
    const presenter = await app.open(at('gumbel-max', 3), { query: '?view=presenter' });
    const [a, p] = [audience.page, presenter.page];
    try {
      await p.locator('.presenter-panel').waitFor();
      await p.waitForTimeout(600); // both windows have listened and are ready to speak
      await p.getByRole('button', { name: 'Show the QR code to the room (Q)' }).click();
      const roomCode = a.getByRole('dialog', { name: 'Follow on your phone' });
      await roomCode.waitFor();
      // The presenter keeps the notes and the stage, with a copy of the code in the panel.
      expect(await p.getByRole('dialog').count()).toBe(0);
      const panelCode = p.locator('.presenter-panel__follow').getByRole('img');
      await panelCode.waitFor();
      const link = (await a.locator('.follow__link').textContent())!;
      // The deck's address, not the audience window's (`?view=audience`).
      expect(link.startsWith(`${app.url}${at('gumbel-max', 3)}`)).toBe(true);
      expect(await p.locator('.presenter-panel__follow .follow__link').textContent()).toBe(link);
      expect(await decodeQr(a, roomCode.getByRole('img'))).toBe(link);
      const found: string[] = [];
      for (const theme of ['light', 'dark', 'contrast']) {
        expect(await p.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        const result = await new AxeBuilder({ page: p }).include('.presenter-panel').analyze();
        for (const v of result.violations) {
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(`${theme}: ${v.id} ${v.nodes[0]?.target.join(' ')}`);
        }
        await p.keyboard.press('t');
      }
      expect(found).toEqual([]);
      await p.keyboard.press('q');
      await expect.poll(() => roomCode.count()).toBe(0);
      await expect.poll(() => panelCode.count()).toBe(0);
    } finally {
      await p.evaluate(() => localStorage.removeItem('gsx.theme'));
      await a.close();
      await p.close();
    }
  });
});
