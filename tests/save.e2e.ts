/**
 * Every figure can be saved on its own: a PNG at twice the figure's size that
 * is a picture (many colours), an SVG that parses and holds the figure's
 * labels, and for the toy lab and the race CSV tables whose last rows are the
 * numbers the figure shows.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { csvParse } from 'd3';
import type { Locator, Page } from 'playwright-core';
import { serveApp } from './support/app';
import { pngPixels } from './support/pngPixels';

const app = serveApp();

/** Opens the figure's Save menu, chooses `item` and returns the downloaded file. */
async function save(page: Page, widget: Locator, item: string | RegExp) {
  await widget.getByRole('button', { name: 'Save this figure' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    widget.locator('.save-menu__list').getByRole('button', { name: item }).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(file) };
}

/** A PNG's width and height, from its IHDR chunk (bytes 16–23). */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** The number of distinct colours of a PNG, decoded by the page (createImageBitmap). */
async function distinctColours(page: Page, png: Buffer): Promise<number> {
  const { rgba } = await pngPixels(page, png);
  const seen = new Set<number>();
  for (let i = 0; i < rgba.length; i += 4)
    seen.add((rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!);
  return seen.size;
}

/** The figure's layout size (the stage's zoom undone): what a saved picture is the size of. */
const layoutSize = (widget: Locator) =>
  widget.evaluate((el: HTMLElement) => ({ width: el.offsetWidth, height: el.offsetHeight }));

/** Every label the figure's SVGs draw, and the text of the saved SVG, parsed by the page. */
async function svgLabels(page: Page, widget: Locator, svg: string) {
  const shown = await widget.evaluate((el) =>
    [...el.querySelectorAll('svg text')]
      .map((t) => t.textContent?.trim() ?? '')
      .filter((t) => t !== ''),
  );
  const saved = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent?.trim() ?? ''),
    };
  }, svg);
  return { shown, saved };
}

/**
 * Checks a figure's PNG (2× its size, many colours) and, where offered, its
 * SVG (parses, holds every label of the figure). The PNG's size is rounded
 * from a fractional layout size, so it may differ by a pixel from 2 × the
 * whole-pixel offset size.
 */
async function checkPictures(page: Page, widget: Locator, slide: string, svg: boolean) {
  const size = await layoutSize(widget);
  const png = await save(page, widget, /^PNG/);
  expect(png.name).toMatch(new RegExp(`^${slide}(_[A-Za-z0-9.-]+)*\\.png$`));
  const { width, height } = pngSize(png.bytes);
  expect(Math.abs(width - 2 * size.width)).toBeLessThanOrEqual(2);
  expect(Math.abs(height - 2 * size.height)).toBeLessThanOrEqual(2);
  // A blank or one-colour picture has a handful of colours; a figure's
  // curves, text antialiasing and histograms give hundreds.
  expect(await distinctColours(page, png.bytes)).toBeGreaterThan(200);
  const items = await widget.locator('.save-menu__list button').allTextContents();
  expect(items.includes('SVG')).toBe(svg);
  if (!svg) return;
  const file = await save(page, widget, 'SVG');
  expect(file.name).toMatch(new RegExp(`^${slide}(_[A-Za-z0-9.-]+)*\\.svg$`));
  const { shown, saved } = await svgLabels(page, widget, file.bytes.toString('utf8'));
  expect(saved.error).toBeNull();
  expect(saved.root).toBe('svg');
  expect(shown.length).toBeGreaterThan(5);
  const missing = shown.filter((label) => !saved.texts.includes(label));
  expect(missing).toEqual([]);
}

/** A CSV the figure saved, parsed. */
async function saveCsv(page: Page, widget: Locator, item: string) {
  const file = await save(page, widget, `CSV: ${item}`);
  expect(file.name).toMatch(/\.csv$/);
  return csvParse(file.bytes.toString('utf8'));
}

/** How far a shown number may be from the true one: half a unit of its last digit. */
const halfLastDigit = (shown: string) => {
  const decimals = shown.split('.')[1]?.replace(/e.*$/i, '').length ?? 0;
  return 0.5 * 10 ** -decimals;
};

describe('saving a figure', () => {
  it('the computation graphs as PNG and SVG, named after the slide and step', async () => {
    const { page, log } = await app.open('#/estimator-graphs/3');
    const widget = page.locator('.estimator-graphs');
    await expect
      .poll(() => widget.getAttribute('data-phase'), { timeout: 30_000 })
      .toBe('backward');
    await checkPictures(page, widget, 'estimator-graphs', true);
    const png = await save(page, widget, /^PNG/);
    expect(png.name).toBe('estimator-graphs_step-3.png');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('the Gumbel-max figure as PNG and SVG, with its settings in the name', async () => {
    const { page, log } = await app.open('#/gumbel-max/4?gm.seed=7');
    const widget = page.locator('.gumbel-max');
    await expect
      .poll(() => widget.locator('.gumbel-max__test').textContent(), { timeout: 60_000 })
      .toMatch(/\d/);
    await checkPictures(page, widget, 'gumbel-max', true);
    const png = await save(page, widget, /^PNG/);
    expect(png.name).toContain('_seed-7');
    expect(png.name).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('the temperature sweep (a canvas) as PNG only, named with T', async () => {
    const { page, log } = await app.open('#/temperature/2?ts.tau=0.5&ts.seed=7');
    const widget = page.locator('.temperature-sweep');
    await expect
      .poll(() => widget.locator('.simplex').getAttribute('data-fingerprint'), { timeout: 60_000 })
      .not.toBe('');
    await checkPictures(page, widget, 'temperature', false);
    const png = await save(page, widget, /^PNG/);
    expect(png.name).toContain('_T-0.5');
    expect(png.name).toContain('_seed-7');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('the toy lab as PNG, SVG and CSV whose last rows are the numbers shown', async () => {
    const { page, log } = await app.open('#/toy-lab?lab.seed=7');
    const widget = page.locator('.estimator-lab');
    await expect
      .poll(() => widget.locator('.lab-strip__numbers').last().textContent(), { timeout: 60_000 })
      .toContain('bias');
    for (let i = 0; i < 5; i++) {
      const before = Number(await widget.getAttribute('data-step'));
      await widget.getByRole('button', { name: 'Step', exact: true }).click();
      await expect.poll(() => widget.getAttribute('data-step')).toBe(String(before + 1));
    }
    // The probe and the sweep of the paused lab are taken at this step.
    await expect
      .poll(() => widget.locator('figcaption').first().textContent(), { timeout: 60_000 })
      .toMatch(/\bstep 5\b/);
    const sweepSvg = widget.locator('.lab-grid > figure').nth(2).locator('svg');
    await expect
      .poll(() => sweepSvg.getAttribute('aria-label'), { timeout: 60_000 })
      .toMatch(/bias \d/);
    await checkPictures(page, widget, 'toy-lab', true);

    // Training curves: the last row is the last line at the step shown.
    const curves = await saveCsv(page, widget, 'training curves');
    expect(curves.columns).toEqual(['step', 'estimator', 'objective', 'p_best']);
    const last = curves.at(-1)!;
    expect(last.step).toBe('5');
    expect(await widget.locator('.lab-status').textContent()).toContain('Step 5');
    const summary = (await widget.locator('p[aria-live="polite"]').textContent()) ?? '';
    const shown = new RegExp(`${last.estimator} (-?\\d+(?:\\.\\d+)?)`).exec(summary);
    expect(shown, summary).not.toBeNull();
    expect(Number(last.objective).toFixed(4)).toBe(shown![1]);
    // Every line (the exact gradient and each estimator's strip) has a row at that step.
    const atLast = curves.filter((r) => r.step === '5').map((r) => r.estimator);
    expect(atLast).toEqual([
      'exact gradient',
      ...(await widget.locator('.lab-strip__name').allTextContents()).map((t) => t.trim()),
    ]);

    // Estimates: the numbers beside the last histogram are the bias and sd of
    // the estimates it shows (one component of the gradient).
    expect(await widget.getByLabel('K', { exact: true }).inputValue()).toBe('2');
    const estimates = await saveCsv(page, widget, 'estimates');
    expect(estimates.columns).toEqual(['step', 'estimator', 'sample', 'estimate', 'exact']);
    const lastName = estimates.at(-1)!.estimator!;
    expect(await widget.locator('.lab-strip__name').last().textContent()).toBe(lastName);
    const mine = estimates.filter((r) => r.estimator === lastName).map((r) => Number(r.estimate));
    expect(estimates.every((r) => r.step === '5')).toBe(true);
    const mean = mine.reduce((a, b) => a + b, 0) / mine.length;
    const sd = Math.sqrt(mine.reduce((a, x) => a + (x - mean) ** 2, 0) / (mine.length - 1));
    const exact = Number(estimates.at(-1)!.exact);
    const numbers = (await widget.locator('.lab-strip__numbers').last().textContent()) ?? '';
    const bias = /bias (\S+)/.exec(numbers)![1]!;
    const shownSd = /sd (\S+)/.exec(numbers)![1]!;
    expect(Math.abs(Math.abs(mean - exact) - Number(bias))).toBeLessThanOrEqual(
      halfLastDigit(bias) + 1e-9,
    );
    expect(Math.abs(sd - Number(shownSd))).toBeLessThanOrEqual(halfLastDigit(shownSd) + 1e-9);

    // The T sweep: its Gumbel-Softmax biases are the ones its text alternative lists.
    const sweep = await saveCsv(page, widget, 'T sweep');
    expect(sweep.columns).toEqual(['T', 'estimator', 'bias', 'sd']);
    const label = (await sweepSvg.getAttribute('aria-label')) ?? '';
    const listed = /Gumbel-Softmax bias ([^;]+);/.exec(label)![1];
    const saved = sweep
      .filter((r) => r.estimator === 'Gumbel-Softmax')
      .map((r) => Number(r.bias).toFixed(3))
      .join(', ');
    expect(saved).toBe(listed);
    expect(sweep.at(-1)!.estimator).toBe('ST Gumbel-Softmax');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('the race (canvases) as PNG and CSV whose last row is the last number of its table', async () => {
    const { page, log } = await app.open('#/results?vae.seed=7');
    const widget = page.locator('.vae-race');
    const ours = widget.locator('.race-table__ours');
    const oursHead = ours.locator('th');
    await expect.poll(() => ours.textContent(), { timeout: 60_000 }).toMatch(/step 0\s*\d/);
    await widget.getByRole('button', { name: 'Play', exact: true }).click();
    await expect
      .poll(() => oursHead.textContent(), { timeout: 120_000 })
      .toMatch(/at step [1-9]\d*00$/);
    await widget.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => widget.getAttribute('data-playing')).toBeNull();
    const step = Number(await widget.getAttribute('data-step'));
    await checkPictures(page, widget, 'results', false);

    const rows = await saveCsv(page, widget, 'curves');
    expect(rows.columns).toEqual(['step', 'estimator', 'curve', 'neg_elbo']);
    const last = rows.at(-1)!;
    const evaluatedAt = /at step (\d+)$/.exec((await oursHead.textContent()) ?? '')![1];
    expect(last).toMatchObject({ step: evaluatedAt, estimator: 'ST Gumbel-Softmax' });
    expect(last.curve).toBe('held-out');
    const shown = (await ours.locator('td').last().textContent())!;
    expect(Math.abs(Number(last.neg_elbo) - Number(shown))).toBeLessThanOrEqual(
      halfLastDigit(shown),
    );
    const trained = rows.filter((r) => r.curve === 'training').map((r) => Number(r.step));
    expect(trained.length).toBeGreaterThan(0);
    expect(Math.max(...trained)).toBeLessThanOrEqual(step);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('the menu is keyboard operable (Escape closes it and gives the focus back) and not printed', async () => {
    const { page } = await app.open('#/gumbel-max/4');
    const widget = page.locator('.gumbel-max');
    const toggle = widget.getByRole('button', { name: 'Save this figure' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^PNG/);
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    // The deck stayed on its slide: Escape went to the menu.
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/gumbel-max\/4/);
    // Opened with a pointer (which leaves the focus on the page), Escape closes
    // the menu too, and the deck does not open its overview.
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.overview').count()).toBe(0);
    // Printed, the figure has no Save button. (Print now shows no live widget
    // at all, so the rule is read from the style sheets rather than seen.)
    const hiddenInPrint = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some(
          (rule) =>
            rule instanceof CSSMediaRule &&
            rule.media.mediaText === 'print' &&
            [...rule.cssRules].some(
              (inner) =>
                inner instanceof CSSStyleRule &&
                inner.selectorText === '.save-menu' &&
                inner.style.display === 'none',
            ),
        ),
      ),
    );
    expect(hiddenInPrint).toBe(true);
    await page.close();
  });
});
