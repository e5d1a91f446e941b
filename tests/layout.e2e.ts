import { describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { lectureSlides } from '../src/lecture';
import { formatHash } from '../src/deck/hash';
import { serveApp } from './support/app';
import { liveFigures, showSlide } from './support/slides';
import { handoutPagesOf } from '../src/app/handout/handoutStore';
import { HEAVIEST, HEAVIEST_OPEN, describeHeavy, showHeavy } from './support/heaviest';

const app = serveApp();

/** Elements inside `root` whose content is cut off (scrolls) or sticks out of `root`. */
async function overflowing(page: Page, rootSelector: string) {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    for (const root of document.querySelectorAll<HTMLElement>(selector)) {
      const box = root.getBoundingClientRect();
      if (root.scrollHeight > root.clientHeight + 1 || root.scrollWidth > root.clientWidth + 1) {
        problems.push(`${root.dataset.slideId ?? selector} scrolls`);
      }
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.closest('.katex-display, .katex-mathml, [data-future]')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1) {
          const where = el.closest('[aria-label]')?.getAttribute('aria-label') ?? '';
          const by = Math.max(r.right - box.right, r.bottom - box.bottom, box.left - r.left);
          problems.push(
            `${root.dataset.slideId ?? root.dataset.slideIndex}: <${el.tagName.toLowerCase()}> in “${where.slice(0, 50)}” sticks out by ${Math.round(by)} px`,
          );
          break;
        }
      }
    }
    return problems;
  }, rootSelector);
}

// Each test opens its own page and sets its own viewport; they run at once, each
// with its own expect. None times anything: layout, scroll position, print and axe.
describe.concurrent('layout and accessibility', () => {
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`fits every slide on the stage at ${viewport.width}×${viewport.height}`, async ({
      expect,
    }) => {
      const { page } = await app.open();
      await page.setViewportSize(viewport);
      const problems: string[] = [];
      for (let i = 0; i < lectureSlides.length; i++) {
        await showSlide(page, i, expect);
        problems.push(...(await overflowing(page, '.stage .slide')));
        // The stage itself fits the window.
        const stage = await page.locator('.stage').boundingBox();
        expect(stage!.width).toBeLessThanOrEqual(viewport.width + 1);
        expect(stage!.height).toBeLessThanOrEqual(viewport.height + 1);
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('shows a scrolling reading view with every step on a 390×844 phone', async ({ expect }) => {
    const { page } = await app.open();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.deck--reading').waitFor();
    await expect(page.locator('.all-slides__slide').count()).resolves.toBe(lectureSlides.length);
    await expect(page.locator('.all-slides [data-future]').count()).resolves.toBe(0);
    // Scroll every slide into view so its live widgets mount and draw, then measure.
    for (let i = 0; i < lectureSlides.length; i++) {
      const section = page.locator(`.all-slides__slide[data-slide-index="${i}"]`);
      await section.scrollIntoViewIfNeeded();
      const live = liveFigures(i);
      await expect.poll(() => section.locator('.widget').count(), { timeout: 60_000 }).toBe(live);
      await expect
        .poll(() => section.locator('.widget svg:empty').count(), { timeout: 60_000 })
        .toBe(0);
      expect(await overflowing(page, `.all-slides__slide[data-slide-index="${i}"]`)).toEqual([]);
    }
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('keeps the hash on the slide being read while the phone reading view scrolls', async ({
    expect,
  }) => {
    const { page, log } = await app.open();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.deck--reading').waitFor();
    /** The slide across the reading line, a third of the way down, and the slide the hash names. */
    const readAndHash = () =>
      page.evaluate(() => {
        const at = document.elementFromPoint(195, innerHeight / 3);
        const read = at?.closest<HTMLElement>('[data-slide-id]')?.dataset.slideId ?? null;
        return { read, hash: location.hash.split('?')[0]!.split('/')[1] ?? null };
      });
    const scrollTo = (i: number, below: number) =>
      page.evaluate(
        ([index, offset]) => {
          const section = document.querySelector(`[data-slide-index="${index}"]`)!;
          // The section's top `offset` px below the top of the screen: the slide
          // before still shows its last lines there.
          window.scrollBy(0, section.getBoundingClientRect().top - offset);
        },
        [i, below] as const,
      );
    for (const i of [1, 2, 3, 2, 4]) {
      await scrollTo(i, 200);
      await expect
        .poll(readAndHash, { message: `slide ${i}`, timeout: 10_000 })
        .toEqual({ read: lectureSlides[i]!.id, hash: lectureSlides[i]!.id });
    }
    // Wide and back: the reading view opens again on the slide the hash names.
    await scrollTo(2, 0);
    await expect
      .poll(readAndHash)
      .toEqual({ read: lectureSlides[2]!.id, hash: lectureSlides[2]!.id });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.locator('.deck--stage').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.deck--reading').waitFor();
    await page.waitForTimeout(1000);
    const after = await readAndHash();
    expect(after.hash).toBe(lectureSlides[2]!.id);
    expect(after.read).toBe(lectureSlides[2]!.id);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('prints one page a slide at its last step (a figure whose view changes by step, one per view)', async ({
    expect,
  }) => {
    const { page } = await app.open(formatHash(lectureSlides, { slide: 1, step: 0 }));
    const pdf = await page.pdf({ width: '1280px', height: '720px', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(handoutPagesOf(lectureSlides, 'last').length);
    // The results slide (race, then table) and the live table (curves, then table): two pages each.
    expect(pages.length).toBe(lectureSlides.length + 2);
    await page.close();
  });

  it('has no serious or critical axe violation on any slide, overview or help', async ({
    expect,
  }) => {
    const { page } = await app.open();
    const found: string[] = [];
    const check = async (where: string) => {
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          found.push(`${where}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
        }
      }
    };
    for (let i = 0; i < lectureSlides.length; i++) {
      await showSlide(page, i, expect);
      await check(lectureSlides[i]!.id);
    }
    await page.keyboard.press('o');
    await check('overview');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+?');
    await check('help');
    expect(found).toEqual([]);
    await page.close();
  });
});

// Apart from the concurrent tests above: each of these trains every estimator at once.
describe('layout at the heaviest estimator selections', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`fits the heaviest estimator selections (every estimator, running) at ${viewport.width}×${viewport.height}`, async () => {
      const { page } = await app.open();
      await page.setViewportSize(viewport);
      const problems: string[] = [];
      for (const state of [...HEAVIEST, ...HEAVIEST_OPEN]) {
        await showHeavy(page, app.url, state);
        problems.push(
          ...(await overflowing(page, '.stage .slide')).map((p) => `${describeHeavy(state)}: ${p}`),
        );
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
