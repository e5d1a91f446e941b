/**
 * The heaviest selections the estimator controls allow: every estimator of the
 * registry in the toy lab (appendix and lecture slide) and in the race at K = 2
 * (where ARM and DisARM apply) with the exact line, on both of the results slide's steps.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { lectureSlides } from '../../src/lecture';
import { formatHash } from '../../src/deck/hash';
import { widgetRegistry } from '../../src/widgets/registry';
import { estimators } from '../../src/ml/estimators/registry';

const all = estimators.map((e) => e.id).join(',');

export interface HeavyState {
  /** The slide's id. */
  slide: string;
  /** The step shown (0 based; past the last: the last). */
  step: number;
  /** The link's settings. */
  query: string;
  /** The widget whose Step button runs a few steps before measuring. */
  widget: '.estimator-lab' | '.vae-race';
  /** Whether the folded estimator checkboxes are opened (on the stage they float over the figure). */
  openSet?: boolean;
}

export const HEAVIEST: readonly HeavyState[] = [
  { slide: 'beyond-lab', step: 99, query: `lab.est=${all}&lab.evals=1`, widget: '.estimator-lab' },
  { slide: 'toy-lab', step: 99, query: `lab.est=${all}`, widget: '.estimator-lab' },
  { slide: 'results', step: 0, query: `vae.k=2&vae.exact=1&vae.est=${all}`, widget: '.vae-race' },
  { slide: 'results', step: 1, query: `vae.k=2&vae.exact=1&vae.est=${all}`, widget: '.vae-race' },
];

/** The lab and the race with every estimator checkbox open as well. */
export const HEAVIEST_OPEN: readonly HeavyState[] = [HEAVIEST[0]!, HEAVIEST[2]!].map((s) => ({
  ...s,
  openSet: true,
}));

export const describeHeavy = (s: HeavyState) =>
  `${s.slide}/${s.step}?${s.query}${s.openSet ? ' (checkboxes open)' : ''}`;

/**
 * Opens `state` on a fresh page load (the link's settings are read when the figure
 * mounts), runs three steps and waits until the figure has drawn them.
 */
export async function showHeavy(page: Page, url: string, s: HeavyState) {
  const i = lectureSlides.findIndex((x) => x.id === s.slide);
  expect(i, s.slide).toBeGreaterThanOrEqual(0);
  const step = Math.min(s.step, lectureSlides[i]!.steps - 1);
  await page.goto('about:blank');
  await page.goto(`${url}${formatHash(lectureSlides, { slide: i, step })}?${s.query}`);
  await page.locator(`.stage .slide[data-slide-id="${s.slide}"]`).waitFor();
  const live = lectureSlides[i]!.blocks.filter(
    (b) => b.kind === 'widget' && b.name in widgetRegistry && b.step <= step,
  ).length;
  await expect.poll(() => page.locator('.stage .widget').count(), { timeout: 60_000 }).toBe(live);
  const widget = page.locator(`.stage ${s.widget}`);
  const stepButton = widget.getByRole('button', { name: 'Step', exact: true });
  for (let n = 1; n <= 3; n++) {
    await expect.poll(() => stepButton.isEnabled(), { timeout: 60_000 }).toBe(true);
    await stepButton.click();
    await expect
      .poll(async () => Number(await widget.getAttribute('data-step')), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(n);
  }
  await expect
    .poll(() => page.locator('.stage .widget svg:empty').count(), { timeout: 60_000 })
    .toBe(0);
  if (s.openSet) {
    await widget.locator('.setting-set-folded > summary').click();
    await widget.locator('.setting-set-folded[open] .setting-set').waitFor();
  }
}
