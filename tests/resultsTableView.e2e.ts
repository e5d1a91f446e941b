/**
 * The live Table 1 slide as a lecturer and a phone meet it (the review after
 * issue 15): a deep link on a phone opens at the slide with its figure drawn;
 * a figure's settings leave the link when the stage moves to another slide and
 * come back with their slide; a settings message does not push the curves'
 * labels off the slide; the table's numbers are legible on a 1024×768
 * projector; while the whole table trains, a note says what the curves show.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveApp } from './support/app';

const app = serveApp();

/** Opens `hash` in a window of the given size from the start (as a phone opens a link). */
async function openAt(hash: string, width: number, height: number) {
  const page = await app.browser().context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`${app.url}${hash}`);
  await page.locator('.slide').first().waitFor();
  return page;
}

/** A key's value in the hash's query. */
const valueOf = (page: Page, key: string) =>
  page.evaluate((k) => new URLSearchParams(location.hash.split('?')[1] ?? '').get(k), key);
const keysOf = async (page: Page) =>
  page.evaluate(() => [...new URLSearchParams(location.hash.split('?')[1] ?? '').keys()].sort());

describe('the live Table 1 slide', () => {
  it('opens deep links on a 390×844 phone at the slide, its figure drawn on screen', async () => {
    for (const [hash, id] of [
      ['#/results-table', 'results-table'],
      ['#/results', 'results'],
      ['#/toy-lab', 'toy-lab'],
      ['#/temperature/2', 'temperature'],
    ] as const) {
      const page = await openAt(hash, 390, 844);
      await page.locator('.deck--reading').waitFor();
      const section = page.locator(`.all-slides__slide[data-slide-id="${id}"]`);
      // Its first figure draws without any scrolling.
      await expect
        .poll(() => section.locator('.widget svg:not(:empty)').count(), { timeout: 60_000 })
        .toBeGreaterThan(0);
      // Figures above it that drew meanwhile must not have moved it: it is still at the top.
      await page.waitForTimeout(1500);
      const top = await section.evaluate((s) => s.getBoundingClientRect().top);
      expect(Math.abs(top), hash).toBeLessThan(8);
      if (id === 'results-table') {
        const chart = await section.locator('.paper-curves svg').boundingBox();
        expect(chart!.y + chart!.height).toBeLessThan(844);
        // At its full height (the stage sizes it to the room left; the phone does not).
        await page.waitForTimeout(500);
        expect((await section.locator('.paper-curves svg').boundingBox())!.height).toBe(290);
        expect(await section.locator('.paper-curves svg .axis').count()).toBeGreaterThan(0);
      }
      await page.close();
    }
  });

  it('keeps the curves’ labels on the slide under two settings messages and the open settings', async () => {
    // Two out-of-range values: two messages (two lines at 1024 px), plus the options panel.
    const hash = '#/results-table?table.steps=99999&table.seeds=9';
    for (const [width, height] of [
      [1280, 720],
      [1024, 768],
    ] as const) {
      const page = await openAt(hash, width, height);
      await expect.poll(() => page.locator('.paper-curves svg .axis').count()).toBeGreaterThan(0);
      await page.getByText('The number of seeds must be').waitFor();
      await page.locator('.paper-settings summary').click();
      await page.locator('.paper-options').waitFor();
      await page.waitForTimeout(300);
      const { slideBottom, lowest } = await page.evaluate(() => {
        const slide = document.querySelector('.stage .slide')!.getBoundingClientRect();
        const marks = [
          ...document.querySelectorAll(
            '.paper-curves svg text, .paper-curves .line-legend, .paper-curves li',
          ),
        ];
        return {
          slideBottom: slide.bottom,
          lowest: Math.max(...marks.map((m) => m.getBoundingClientRect().bottom)),
        };
      });
      expect(lowest, `${width}×${height}`).toBeLessThanOrEqual(slideBottom);
      // Every axis label is drawn (the x axis' "step" too).
      expect(await page.locator('.paper-curves svg text', { hasText: /^step$/ }).count()).toBe(1);
      await page.close();
    }
  });

  it('shows the table’s numbers at 14 px or more on a 1024×768 projector', async () => {
    const page = await openAt('#/results-table/2', 1024, 768);
    await page.locator('.stage .paper-live-table td').first().waitFor();
    const px = await page.evaluate(() => {
      const stage = document.querySelector('.stage')!;
      const scale = new DOMMatrix(getComputedStyle(stage).transform).a;
      const cells = [...document.querySelectorAll('.stage .paper-live-table td')];
      return Math.min(...cells.map((c) => parseFloat(getComputedStyle(c).fontSize) * scale));
    });
    expect(px).toBeGreaterThanOrEqual(14);
    await page.close();
  });

  it('keeps a setting changed a frame before leaving the slide (within the link’s write delay)', async () => {
    const page = await openAt(
      '#/results-table?table.est=reinforce-baseline,gumbel-softmax',
      1280,
      720,
    );
    const radio = page.getByRole('radio', { name: 'VAE, Bernoulli' });
    await radio.waitFor();
    // A click, then "next slide" one frame later: far inside the 250 ms in which
    // a widget's link write waits (useWidgetState), which the deck must not lose.
    await page.evaluate(async () => {
      const input = [...document.querySelectorAll<HTMLInputElement>('.paper-tasks input')].find(
        (i) => i.value === 'vae-bernoulli',
      )!;
      input.click();
      await new Promise(requestAnimationFrame);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    await expect.poll(() => page.locator('.paper-table').count()).toBe(0);
    expect(await valueOf(page, 'table.task')).toBeNull();
    await page.keyboard.press('ArrowUp');
    await page.locator('.paper-table').waitFor();
    expect(await valueOf(page, 'table.task')).toBe('vae-bernoulli');
    expect(await radio.isChecked()).toBe(true);
    await page.close();
  });

  it('takes a figure’s settings off the link on other slides and brings them back with their slide; says what the curves show while the whole table trains', async () => {
    const settings =
      'table.est=reinforce-baseline,gumbel-softmax&table.tasks=vae-bernoulli,vae-categorical' +
      '&table.steps=2000&table.seeds=1';
    const page = await openAt(`#/results-table?${settings}&gm.seed=7`, 1280, 720);
    // Once the job of these settings exists (its snapshot counts its steps).
    await expect
      .poll(() => page.locator('.paper-progress__text').getAttribute('data-total'), {
        timeout: 60_000,
      })
      .toMatch(/^[1-9]\d*$/);
    await page.getByRole('button', { name: 'Run the whole table' }).click();
    // The first row trains, the curves stay on the task chosen: the note says so.
    await expect
      .poll(() => page.locator('.paper-curves__note').textContent(), { timeout: 60_000 })
      .toMatch(
        /^ ?The whole table trains VAE, Bernoulli now \(choose it above .*\); these curves fill when this task’s turn comes\.$/,
      );
    await expect.poll(() => valueOf(page, 'table.run')).toBe('table');
    const mine = (await keysOf(page)).filter((k) => k.startsWith('table.'));
    // The next slide's link: none of the table's keys; a key of no figure shown stays.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.paper-table').count()).toBe(0);
    await expect.poll(() => keysOf(page)).toEqual(['gm.seed']);
    // The toy lab on the way: its keys leave with it too.
    await page.evaluate(() => (location.hash = '#/toy-lab?lab.k=2&gm.seed=7'));
    await page.locator('.stage .slide[data-slide-id="toy-lab"]').waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => keysOf(page)).toEqual(['gm.seed']);
    // Back on the table's slide: its settings are back, the whole table with them.
    await page.evaluate(() => (location.hash = '#/beyond'));
    await page.locator('.stage .slide[data-slide-id="beyond"]').waitFor();
    await page.keyboard.press('g');
    for (const key of '10') await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    await page.locator('.paper-table').waitFor();
    await expect
      .poll(async () => (await keysOf(page)).filter((k) => k.startsWith('table.')))
      .toEqual(mine);
    expect(await page.locator('.paper-table').getAttribute('data-scope')).toBe('table');
    // Switching to the task in training: the note says its curves grow.
    await page.getByRole('radio', { name: /VAE, Bernoulli/ }).check();
    await expect
      .poll(() => page.locator('.paper-curves__note').textContent(), { timeout: 30_000 })
      .toMatch(/Training now: these curves grow/);
    await page.close();
  });
});
