/**
 * Snapshot tests of the figures: every drawer of src/widgets/<name>/draw.ts
 * and src/plots/ drawn in Chromium with fixed seeds and settings (the cases
 * are in src/testing/figureTestApi.ts), read back as structured data
 * (elements, classes, text, geometry rounded to 0.1 px) and compared with the
 * committed files in tests/__snapshots__/figures/. A changed picture fails
 * here as a readable diff; after a wanted change, `npm run test:snapshots -- -u`
 * rewrites them for review. A missing file is written on a local run and
 * fails when CI is set (vitest's snapshot update mode 'none').
 */
import { describe, expect, it } from 'vitest';
import { serveApp } from './support/app';
import { drawFigure, figureNames } from './support/figures';

const app = serveApp();

describe('figure snapshots', () => {
  it('draws every figure as its committed snapshot', async () => {
    const { page, log } = await app.open();
    const names = await figureNames(page);
    expect(names.length).toBeGreaterThanOrEqual(19);
    for (const name of names) {
      const drawn = await drawFigure(page, name);
      await expect
        .soft(`${JSON.stringify(drawn, null, 1)}\n`, name)
        .toMatchFileSnapshot(`./__snapshots__/figures/${name}.json`);
    }
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
