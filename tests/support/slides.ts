/** Showing a slide of the deck in a test page and waiting until its live figures have drawn. */
import { expect as globalExpect, type ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import { lectureSlides } from '../../src/lecture';
import { formatHash } from '../../src/deck/hash';
import { widgetRegistry } from '../../src/widgets/registry';

/** The link of slide i at its last step. */
export const lastStep = (i: number) =>
  formatHash(lectureSlides, { slide: i, step: lectureSlides[i]!.steps - 1 });

/** The live figures (widgets that exist) on slide i at its last step. */
export const liveFigures = (i: number) =>
  lectureSlides[i]!.blocks.filter((b) => b.kind === 'widget' && b.name in widgetRegistry).length;

/**
 * Opens slide i at its last step and waits until its live widgets have drawn.
 * A concurrent test passes its own `expect`.
 */
export async function showSlide(page: Page, i: number, expect: ExpectStatic = globalExpect) {
  const slide = lectureSlides[i]!;
  await page.evaluate((h) => (location.hash = h), lastStep(i));
  await page.locator(`.stage .slide[data-slide-id="${slide.id}"]`).waitFor();
  const live = liveFigures(i);
  await expect.poll(() => page.locator('.stage .widget').count(), { timeout: 60_000 }).toBe(live);
  await expect
    .poll(() => page.locator('.stage .widget svg:empty').count(), { timeout: 60_000 })
    .toBe(0);
}

/**
 * The stage's figures that still compute, as the handout step judges a figure
 * busy: a busy or playing mark, an empty chart, a progress bar, or a
 * "Computing" label. Empty when every figure on the stage is drawn.
 */
export const busyFigures = (page: Page) =>
  page.evaluate(
    (live) =>
      [...document.querySelectorAll<HTMLElement>('.stage .widget-slot')]
        .filter(
          (slot) =>
            (live.includes(slot.dataset.widget ?? '') && !slot.querySelector('.widget')) ||
            slot.querySelector('[data-busy], [data-playing], svg:empty, progress') !== null ||
            slot.querySelector('[aria-label^="Computing"]') !== null ||
            (slot.textContent ?? '').includes('Computing…'),
        )
        .map((slot) => slot.dataset.widget ?? '?'),
    Object.keys(widgetRegistry),
  );
