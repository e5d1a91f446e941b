/**
 * The handout as a PDF, from a page of the deck: opens "Prepare handout",
 * lets it compute every figure, then prints the page to PDF. Used by
 * `npm run pdf` (scripts/pdf.ts) and the handout's browser test.
 */
import type { Page } from 'playwright-core';

export interface HandoutPdfOptions {
  /** Every step of every slide, or the last step of each. */
  steps: 'all' | 'last';
  /** Speaker notes beside each slide. */
  notes: boolean;
  /** The longest wait for the figures (ms). */
  timeout?: number;
}

/** Prepares the handout in `page` (the deck, open at any slide) and returns the PDF. */
export async function handoutPdf(page: Page, options: HandoutPdfOptions): Promise<Buffer> {
  await page.locator('.stage .slide').first().waitFor();
  await page.keyboard.press('h');
  const dialog = page.getByRole('dialog', { name: 'Prepare handout' });
  await dialog.waitFor();
  await dialog
    .getByRole('radio', { name: options.steps === 'all' ? /Every step/ : /The last step/ })
    .check();
  await dialog.getByRole('checkbox', { name: /speaker notes/ }).setChecked(options.notes);
  await dialog.getByRole('button', { name: 'Prepare' }).click();
  await page
    .locator('.handout-dialog:is([data-state="done"], [data-state="failed"])')
    .waitFor({ timeout: options.timeout ?? 600_000 });
  if ((await dialog.getAttribute('data-state')) === 'failed') {
    throw new Error(await dialog.getByRole('alert').innerText());
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  // The pictures' stylesheets (the widgets' CSS) must have arrived before printing.
  await page.waitForLoadState('load');
  await page.evaluate(() => document.fonts.ready);
  return page.pdf({ width: '1280px', height: '720px', printBackground: true });
}
