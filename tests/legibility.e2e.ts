/**
 * Legible from the back row (issue 13): no text inside the stage renders
 * smaller than 16 px at 1280×720 (12.8 px on a 1024×768 projector, where the
 * stage scales 0.8×), none smaller than the body text in the phone reading
 * view, and no text, axis tick, curve or control of a figure covers another at
 * four window sizes. Light theme only: themes change colours, not layout.
 * Each size is one pass (every slide once, at its last step) to keep the gate fast.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lectureSlides } from '../src/lecture';
import { formatHash } from '../src/deck/hash';
import { widgetRegistry } from '../src/widgets/registry';
import { serveApp } from './support/app';
import { HEAVIEST, describeHeavy, showHeavy } from './support/heaviest';
import {
  findCollisions,
  isAllowed,
  measureTexts,
  type AllowedOverlap,
  type MeasuredText,
} from './support/legibility';

const app = serveApp();

/** The smallest text on the stage at 1280×720, in screen pixels. */
const MIN_STAGE_PX = 16;

/**
 * What is meant to overlap, each with its reason. Keep it short: every entry is
 * a place where the eye has to separate two things itself.
 */
const ALLOWED_OVERLAPS: readonly AllowedOverlap[] = [];

const liveWidgetsAt = (i: number, step: number) =>
  lectureSlides[i]!.blocks.filter(
    (b) => b.kind === 'widget' && b.name in widgetRegistry && b.step <= step,
  ).length;

/** Opens slide i at `step` and waits until the live widgets shown there have drawn. */
async function showStep(page: Page, i: number, step: number, navigate = true) {
  const slide = lectureSlides[i]!;
  if (navigate) {
    await page.evaluate((h) => (location.hash = h), formatHash(lectureSlides, { slide: i, step }));
  }
  await page.locator(`.stage .slide[data-slide-id="${slide.id}"]`).waitFor();
  const live = liveWidgetsAt(i, step);
  await expect.poll(() => page.locator('.stage .widget').count(), { timeout: 60_000 }).toBe(live);
  await expect
    .poll(() => page.locator('.stage .widget svg:empty').count(), { timeout: 60_000 })
    .toBe(0);
}

const tooSmall = (texts: MeasuredText[], min: number, where: string) =>
  texts
    .filter((t) => t.px < min - 0.05)
    .map((t) => `${where} ${t.slide}: “${t.text}” ${t.px.toFixed(1)} px`);

/** Collisions not on the allow-list, as lines for the failure message. */
async function unexpectedCollisions(page: Page, root: string, where: string) {
  return (await findCollisions(page, root))
    .filter((c) => !isAllowed(c, ALLOWED_OVERLAPS))
    .map((c) => `${where} ${c.slide}: ${c.a} × ${c.b} (${c.by})`);
}

/** Unique lines, so a label repeated on every step is reported once. */
const unique = (lines: string[]) => [...new Set(lines)];

describe('legible figures', () => {
  it(`renders no text on the stage under ${MIN_STAGE_PX} px at 1280×720 (every slide and step), and no figure marks collide`, async () => {
    const { page } = await app.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    const small: string[] = [];
    const collisions: string[] = [];
    let smallest = Infinity;
    for (let i = 0; i < lectureSlides.length; i++) {
      const steps = lectureSlides[i]!.steps;
      for (let step = 0; step < steps; step++) {
        await showStep(page, i, step);
        const texts = await measureTexts(page, '.stage');
        expect(texts.length).toBeGreaterThan(0);
        smallest = Math.min(smallest, ...texts.map((t) => t.px));
        small.push(...tooSmall(texts, MIN_STAGE_PX, `1280×720 step ${step + 1}`));
        if (step === steps - 1)
          collisions.push(...(await unexpectedCollisions(page, '.stage', '1280×720')));
      }
    }
    console.info(`smallest text on the stage at 1280×720: ${smallest.toFixed(1)} px`);
    expect(unique(small)).toEqual([]);
    expect(unique(collisions)).toEqual([]);
    await page.close();
  });

  it('sees small text, and text put on a tick mark, a curve and a control (the checks can fail)', async () => {
    const { page } = await app.open();
    const i = lectureSlides.findIndex((s) => s.id === 'gumbel-max');
    await showStep(page, i, lectureSlides[i]!.steps - 1);
    await expect.poll(() => page.locator('.gumbel-max .density-curve').count()).toBe(1);
    await page.evaluate(() => {
      const histogram = document.querySelector<SVGPathElement>(
        '.gumbel-max .density-curve',
      )!.ownerSVGElement!;
      const tick = histogram.querySelector('.tick line')!;
      const put = (parent: Element, name: string, x: number, y: number) => {
        const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
        t.setAttribute('x', String(x));
        t.setAttribute('y', String(y));
        t.setAttribute('font-size', '10');
        t.setAttribute('text-anchor', 'start');
        t.textContent = name;
        parent.appendChild(t);
      };
      put(tick.parentElement!, 'on-tick', -8, 4); // across the tick line, which ends at x = 0
      const curve = histogram.querySelector<SVGPathElement>('.density-curve')!;
      const peak = curve.getPointAtLength(curve.getTotalLength() * 0.3);
      put(curve.parentElement!, 'on-curve', peak.x - 20, peak.y + 4);
      const button = [...document.querySelectorAll('.gumbel-max button')].find(
        (b) => b.textContent === 'Draw again',
      )!;
      const span = document.createElement('span');
      span.textContent = 'on-button';
      button.after(span);
      // Both have the same offset parent: the span goes where the button is.
      span.style.cssText = `position: absolute; left: ${(button as HTMLElement).offsetLeft + 4}px; top: ${(button as HTMLElement).offsetTop}px`;
    });
    const found = await findCollisions(page, '.stage');
    const pairs = found.map((c) => `${c.a} × ${c.b}`);
    expect(pairs).toContainEqual(expect.stringMatching(/text “on-tick” × tick/));
    expect(pairs).toContainEqual(expect.stringMatching(/text “on-curve” × curve/));
    expect(pairs).toContainEqual(
      expect.stringMatching(
        /text “on-button” × control <button Draw again>|control <button Draw again> × text “on-button”/,
      ),
    );
    const small = (await measureTexts(page, '.stage')).filter((t) => t.text === 'on-tick');
    expect(small).toHaveLength(1);
    // 10 px in a viewBox drawn at scale 1, on a stage scaled to fit 1280×720 (about 0.96).
    expect(small[0]!.px).toBeGreaterThan(9);
    expect(small[0]!.px).toBeLessThan(10);
    await page.close();
  });

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1024, height: 768 },
  ]) {
    it(`has no colliding marks in any figure at ${viewport.width}×${viewport.height}`, async () => {
      const { page } = await app.open();
      await page.setViewportSize(viewport);
      const collisions: string[] = [];
      for (let i = 0; i < lectureSlides.length; i++) {
        if (liveWidgetsAt(i, Infinity) === 0) continue;
        await showStep(page, i, lectureSlides[i]!.steps - 1);
        collisions.push(
          ...(await unexpectedCollisions(page, '.stage', `${viewport.width}×${viewport.height}`)),
        );
      }
      expect(unique(collisions)).toEqual([]);
      await page.close();
    });
  }

  /**
   * States the default settings do not show, where marks are pushed together:
   * the simplex handle at each vertex (by its label), a class at the floor
   * (its grip on the axis) and the most classes the Gumbel-max figure takes.
   */
  const CROWDED_STATES = [
    'temperature?ts.pi=0.98,0.01,0.01',
    'temperature?ts.pi=0.01,0.98,0.01',
    'temperature?ts.pi=0.01,0.01,0.98',
    'gumbel-max?gm.p=0.001,0.999',
    'gumbel-max?gm.p=1,1,1,1,1,1,1,1,1,1',
  ];
  it('has no colliding marks in crowded states of the figures at 1280×720', async () => {
    const { page } = await app.open();
    const collisions: string[] = [];
    for (const state of CROWDED_STATES) {
      const [id, query] = state.split('?') as [string, string];
      const i = lectureSlides.findIndex((s) => s.id === id);
      expect(i).toBeGreaterThanOrEqual(0);
      // A fresh page per state: the link's settings are read when the figure mounts.
      await page.goto('about:blank');
      const hash = `${formatHash(lectureSlides, { slide: i, step: lectureSlides[i]!.steps - 1 })}?${query}`;
      await page.goto(`${app.url}${hash}`);
      await showStep(page, i, lectureSlides[i]!.steps - 1, false);
      collisions.push(...(await unexpectedCollisions(page, '.stage', `1280×720 ${state}:`)));
    }
    expect(unique(collisions)).toEqual([]);
    await page.close();
  });

  it(`renders no text under ${MIN_STAGE_PX} px and no colliding marks with every estimator at 1280×720`, async () => {
    const { page } = await app.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    const small: string[] = [];
    const collisions: string[] = [];
    for (const state of HEAVIEST) {
      await showHeavy(page, app.url, state);
      const where = `1280×720 ${describeHeavy(state)}:`;
      small.push(...tooSmall(await measureTexts(page, '.stage'), MIN_STAGE_PX, where));
      collisions.push(...(await unexpectedCollisions(page, '.stage', where)));
    }
    expect(unique(small)).toEqual([]);
    expect(unique(collisions)).toEqual([]);
    await page.close();
  });

  it('renders no text under the body size and no colliding marks in the 390×844 phone reading view', async () => {
    const { page } = await app.open();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.deck--reading').waitFor();
    // The body size of the phone page: the reading view's own font size.
    const body = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.querySelector('.all-slides')!).fontSize),
    );
    expect(body).toBeGreaterThanOrEqual(16);
    const small: string[] = [];
    const collisions: string[] = [];
    for (let i = 0; i < lectureSlides.length; i++) {
      const root = `.all-slides__slide[data-slide-index="${i}"]`;
      const section = page.locator(root);
      await section.scrollIntoViewIfNeeded();
      const live = liveWidgetsAt(i, Infinity);
      await expect.poll(() => section.locator('.widget').count(), { timeout: 60_000 }).toBe(live);
      await expect
        .poll(() => section.locator('.widget svg:empty').count(), { timeout: 60_000 })
        .toBe(0);
      small.push(...tooSmall(await measureTexts(page, root), body, '390×844'));
      collisions.push(...(await unexpectedCollisions(page, root, '390×844')));
    }
    expect(unique(small)).toEqual([]);
    expect(unique(collisions)).toEqual([]);
    await page.close();
  });
});
