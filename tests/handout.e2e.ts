/**
 * The handout: "Prepare handout" computes every live figure and the PDF
 * shows each as a picture; Ctrl+P without it prints a line saying how to
 * prepare the figures, never an empty grey box. One PDF per mode, with the
 * training figures at the handout's stated steps (300 and 100).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lectureSlides } from '../src/lecture';
import { serveApp } from './support/app';
import { openPdfReader, type Region } from './support/pdfPages';
import { handoutPdf } from '../scripts/handoutPdf';
import { handoutPagesOf } from '../src/app/handout/handoutStore';

const app = serveApp({ build: 'dist' });
const PDF = { width: '1280px', height: '720px', printBackground: true } as const;
/** Figures that need no computation: they print in every case, so no placeholder page differs. */
const STATIC = new Set(['estimator-graphs']);

interface PrintedFigure {
  /** The page (0-based) and the figure's widget. */
  page: number;
  widget: string;
  /** Where the figure's block is on its 1280×720 page. */
  region: Region;
  /** The texts of the picture (axis labels, captions, legends) with a letter in them. */
  labels: string[];
}

/** The figures of the print view, page by page, as print media lays them out. */
async function printedFigures(page: Page): Promise<PrintedFigure[]> {
  await page.emulateMedia({ media: 'print' });
  const figures = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.all-slides--print > .all-slides__slide')].flatMap(
      (section, page) => {
        const origin = section.getBoundingClientRect();
        return [
          ...section.querySelectorAll<HTMLElement>('.slide__block--widget:not([data-future])'),
        ].map((block) => {
          const r = block.getBoundingClientRect();
          const picture = block.querySelector<HTMLElement>('[data-widget]');
          // Leaf text elements: a label drawn twice (a halo under it) is one label.
          const texts = [...block.querySelectorAll('svg text, svg tspan')]
            .filter((t) => t.childElementCount === 0)
            .map((t) => (t.textContent ?? '').trim());
          return {
            page,
            widget: picture?.dataset.widget ?? '?',
            region: {
              x: r.left - origin.left,
              y: r.top - origin.top,
              width: r.width,
              height: r.height,
            },
            labels: [...new Set(texts)].filter((t) => t.length >= 3 && /\p{L}/u.test(t)),
          };
        });
      },
    ),
  );
  await page.emulateMedia({ media: 'screen' });
  return figures;
}

/** Text without any whitespace: PDF text items split and join lines and words freely. */
const squeeze = (text: string) => text.replace(/\s+/g, '');
const foundIn = (labels: string[], text: string) =>
  labels.filter((l) => squeeze(text).includes(squeeze(l))).length / Math.max(labels.length, 1);

describe('handout', () => {
  // The two preparations run at once, each in its own page: much of a handout's
  // preparation is waiting (for a figure's DOM to stay quiet, for training to
  // settle), which the pages overlap. Each uses its test's own `expect`, as
  // concurrent tests must. The third test comes after them: its dark theme (T) is
  // remembered for the origin, and their pages open in the default light one.
  it.concurrent(
    'prints one page a slide with every figure computed, unlike the placeholder pages',
    async ({ expect }) => {
      const { page, log } = await app.open('#/');
      const pdf = await handoutPdf(page, { steps: 'last', notes: false });
      const figures = await printedFigures(page);
      // Every figure, on the last step of its slide, and the race also on its first
      // step (its view changes by step: curves, then the paper's table).
      const lastPages = handoutPagesOf(lectureSlides, 'last');
      expect(figures.map((f) => f.widget).sort()).toEqual(
        lastPages
          .flatMap(({ slide, step }) =>
            lectureSlides[slide]!.blocks.flatMap((b) =>
              b.kind === 'widget' && b.step <= step ? [b.name] : [],
            ),
          )
          .sort(),
      );
      expect(figures.filter((f) => f.widget === 'vae-race')).toHaveLength(2);
      // The race's folded estimator list prints folded: no choice of it over the curves
      // (MuProp is offered there, not chosen by default, so only the list names it).
      const raceCurves = figures.find(
        (f) => f.widget === 'vae-race' && lastPages[f.page]!.step === 0,
      )!;
      expect.soft(raceCurves.labels.join(' | ')).not.toContain('MuProp');
      // The live table's cells of the shown task: the values the 100 steps computed, so named.
      const table = figures.find((f) => f.widget === 'paper-table' && lastPages[f.page]!.step >= 1);
      expect.soft(table?.labels, table?.labels.join(' | ')).toContain('after 100 steps');
      // Live status (time left, speed) is stale on paper: not printed; the step count is.
      const tableText = table?.labels.join(' | ') ?? '';
      expect.soft(tableText).not.toMatch(/steps\/s|\bleft\b/);
      expect.soft(tableText).toMatch(/of \d[\d,]* steps/);
      // The same print without the handout step: the placeholder lines.
      const { page: plain } = await app.open('#/');
      await expect
        .poll(() => plain.locator('.all-slides--print .estimator-graphs svg:not(:empty)').count(), {
          timeout: 30_000,
        })
        .toBe(figures.filter((f) => f.widget === 'estimator-graphs').length);
      const placeholderPdf = await plain.pdf(PDF);

      const reader = await openPdfReader(app.browser().context, app.origin);
      const pages = await reader.read({ handout: pdf, placeholder: placeholderPdf });
      expect(pages.handout!.length).toBe(lastPages.length);
      expect(pages.placeholder!.length).toBe(lastPages.length);
      const report: string[] = [];
      for (const f of figures) {
        const m = await reader.measure('handout', 'placeholder', f.page, f.region);
        const text = pages.handout![f.page]!.text;
        const without = pages.placeholder![f.page]!.text;
        report.push(
          `${f.page} ${f.widget}: ${f.labels.length} labels, found ${foundIn(f.labels, text).toFixed(2)} (placeholder ${foundIn(f.labels, without).toFixed(2)}); colours ${m.colours}, hues ${m.hues}, differs ${m.differs.toFixed(3)}`,
        );
        // The picture's own labels are text in the PDF (a picture, not a screenshot of one).
        expect(f.labels.length, report.at(-1)).toBeGreaterThanOrEqual(5);
        expect(foundIn(f.labels, text), report.at(-1)).toBeGreaterThanOrEqual(0.9);
        // The race's and the live table's second view is Table 1: text, checked by its labels above.
        const tableView =
          (f.widget === 'vae-race' || f.widget === 'paper-table') && lastPages[f.page]!.step >= 1;
        // Many colours: series, shading and anti-aliasing, where the placeholder is text on white.
        if (!tableView) {
          expect(m.colours, report.at(-1)).toBeGreaterThanOrEqual(60);
          expect(m.hues, report.at(-1)).toBeGreaterThanOrEqual(1);
        }
        if (STATIC.has(f.widget)) continue;
        expect(foundIn(f.labels, without), report.at(-1)).toBeLessThan(0.3);
        expect(m.differs, report.at(-1)).toBeGreaterThan(0.05);
        expect(without).toContain('not prepared for print');
        if (tableView) continue;
        const placeholder = await reader.measure('placeholder', 'handout', f.page, f.region);
        expect(
          placeholder.colours,
          `${report.at(-1)}, placeholder's colours ${placeholder.colours}`,
        ).toBeLessThan(m.colours / 2);
      }
      expect(log.errors).toEqual([]);
      await reader.close();
      await page.close();
      await plain.close();
    },
  );

  it.concurrent(
    'prints every step with the speaker notes: one page per step, notes beside',
    async ({ expect }) => {
      const { page, log } = await app.open('#/');
      const pdf = await handoutPdf(page, { steps: 'all', notes: true });
      const figures = await printedFigures(page);
      const reader = await openPdfReader(app.browser().context, app.origin);
      const { handout } = await reader.read({ handout: pdf });
      const steps = lectureSlides.map((s) => s.steps);
      expect(handout!.length).toBe(steps.reduce((a, b) => a + b, 0));
      // Pages follow slides and steps: page i shows slide `first[k] + step`.
      const firstPage = steps.map((_, k) => steps.slice(0, k).reduce((a, b) => a + b, 0));
      for (const [k, slide] of lectureSlides.entries()) {
        const notes = squeeze(
          slide.notesHtml
            .replace(/<[^>]+>/g, ' ')
            .replace(/&#x27;|&#39;/g, "'")
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&')
            .trim(),
        );
        if (notes === '') continue;
        // The first words of the notes (before any math) are text on every page of the slide.
        const start = notes.slice(0, 20);
        for (let step = 0; step < slide.steps; step++) {
          expect(
            squeeze(handout![firstPage[k]! + step]!.text),
            `${slide.id} step ${step + 1}`,
          ).toContain(start);
        }
      }
      // Every figure shown at a step is drawn on that step's page, with its labels as text.
      const shown = lectureSlides.flatMap((s) =>
        Array.from({ length: s.steps }, (_, step) =>
          s.blocks.filter((b) => b.kind === 'widget' && b.step <= step),
        ).flat(),
      );
      expect(figures.length).toBe(shown.length);
      for (const f of figures) {
        expect(f.labels.length, `page ${f.page} ${f.widget}`).toBeGreaterThanOrEqual(5);
        expect(foundIn(f.labels, handout![f.page]!.text), `page ${f.page}`).toBeGreaterThanOrEqual(
          0.9,
        );
      }
      expect(log.errors).toEqual([]);
      await reader.close();
      await page.close();
    },
  );

  it('prepares the figures with the settings the other slides keep, not only the link’s', async () => {
    const { page, log } = await app.open('#/toy-lab?lab.tau=5');
    await page.locator('.estimator-lab').waitFor();
    // On another slide the lab's settings are off the link, kept for its slide.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.estimator-lab').count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).not.toContain('lab.tau');
    await page.keyboard.press('h');
    await page.getByRole('button', { name: 'Prepare', exact: true }).click();
    // The hidden copy of the deck that computes the figures opens with them.
    const frame = page.locator('.handout-frame');
    await frame.waitFor({ state: 'attached' });
    expect(new URL((await frame.getAttribute('src'))!).hash).toContain('lab.tau=5');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('prints, without the handout step, a line saying how to prepare each live figure', async () => {
    const { page, log } = await app.open('#/');
    // A dark theme on screen: paper stays light.
    await page.keyboard.press('t');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
      .toBe('dark');
    const graphs = lectureSlides.flatMap((s) =>
      s.blocks.filter((b) => b.kind === 'widget' && b.name === 'estimator-graphs'),
    ).length;
    await expect
      .poll(() => page.locator('.all-slides--print .estimator-graphs svg:not(:empty)').count(), {
        timeout: 30_000,
      })
      .toBe(graphs);
    await page.emulateMedia({ media: 'print' });
    const print = page.locator('.all-slides--print');
    expect(await print.isVisible()).toBe(true);
    expect(await page.locator('.stage').isVisible()).toBe(false);
    // One line per live figure on each printed page (the race prints on two).
    const live = handoutPagesOf(lectureSlides, 'last').flatMap(({ slide, step }) =>
      lectureSlides[slide]!.blocks.filter(
        (b) => b.kind === 'widget' && b.name !== 'estimator-graphs' && b.step <= step,
      ),
    );
    const lines = print.locator('.print-missing');
    expect(await lines.count()).toBe(live.length);
    for (const line of await lines.all()) {
      expect(await line.isVisible()).toBe(true);
      expect(await line.innerText()).toMatch(/Press H, or open Help \(\?\) → Prepare handout/);
    }
    // No grey "Live figure" box anywhere in print, and the graphs are drawn.
    expect(await print.locator('.widget-slot__placeholder').count()).toBe(0);
    expect(await print.getByText(/Live figure/).count()).toBe(0);
    const colours = await page.evaluate(() => {
      const text = document.querySelector('.all-slides--print .estimator-graphs svg text');
      return {
        page: getComputedStyle(document.body).backgroundColor,
        label: text ? getComputedStyle(text).fill : null,
      };
    });
    expect(colours.page).toBe('rgb(255, 255, 255)');
    expect(colours.label).toMatch(/^rgb\((\d{1,2}), (\d{1,2}), (\d{1,2})\)$/); // dark text
    // Without ?print-notes no notes; with it, beside every slide.
    expect(await print.locator('.print-page__notes').count()).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    expect(log.errors).toEqual([]);
    await page.close();
    const { page: withNotes } = await app.open('#/', { query: '?print-notes' });
    await withNotes.emulateMedia({ media: 'print' });
    const notes = withNotes.locator('.all-slides--print .print-page__notes');
    expect(await notes.count()).toBe(handoutPagesOf(lectureSlides, 'last').length);
    expect(await notes.first().isVisible()).toBe(true);
    await withNotes.close();
  });
});
