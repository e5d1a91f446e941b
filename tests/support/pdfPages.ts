/**
 * Reads PDFs with pdf.js inside Chromium: each page's text, and pixel
 * measures of rectangles of its raster (rendered at 1280 px wide, one CSS
 * pixel of the printed 1280×720 page). pdf.js's files are served by a route
 * outside the app's sub-path, so the app's service worker never sees them.
 */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  /** The page's text items joined with spaces. */
  text: string;
}

export interface RegionMeasure {
  /** Distinct colours (4 bits a channel) among the region's pixels. */
  colours: number;
  /** Hues (12 buckets of 30°) that at least 40 clearly coloured pixels of the region have. */
  hues: number;
  /** The fraction of the region's pixels that differ (by more than 48 in a channel) on the other page. */
  differs: number;
}

const PDFJS = path.resolve('node_modules/pdfjs-dist/build');
/** pdf.js is loaded by the page itself (an import inside page.evaluate would be rewritten by Vitest). */
const READER_HTML = `<!doctype html><title>pdf</title><script type="module">
import * as pdfjs from '/__pdfjs/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/__pdfjs/pdf.worker.min.mjs';
window.pdfjsLib = pdfjs;
</script>`;

/** A reader page: call `read` with PDFs, then `measure` rectangles of their pages. */
export async function openPdfReader(context: BrowserContext, origin: string) {
  const page = await context.newPage();
  await page.route(`${origin}/__pdfjs/**`, (route) => {
    const name = new URL(route.request().url()).pathname.replace('/__pdfjs/', '');
    if (name === 'reader.html') {
      return route.fulfill({ contentType: 'text/html', body: READER_HTML });
    }
    return route.fulfill({ path: path.join(PDFJS, name), contentType: 'text/javascript' });
  });
  await page.goto(`${origin}/__pdfjs/reader.html`);
  await page.waitForFunction(() => 'pdfjsLib' in window);

  return {
    /** Renders every page of each PDF (by name) and returns their texts. */
    async read(pdfs: Record<string, Buffer>): Promise<Record<string, PdfPage[]>> {
      const files = Object.fromEntries(
        Object.entries(pdfs).map(([name, pdf]) => [name, pdf.toString('base64')]),
      );
      return page.evaluate(async (files) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const pdfjs = (window as any).pdfjsLib;
        const store: Record<string, ImageData[]> = {};
        const texts: Record<string, { text: string }[]> = {};
        for (const [name, base64] of Object.entries(files)) {
          const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const doc = await pdfjs.getDocument({ data }).promise;
          store[name] = [];
          texts[name] = [];
          for (let n = 1; n <= doc.numPages; n++) {
            const pdfPage = await doc.getPage(n);
            const viewport = pdfPage.getViewport({ scale: 1280 / pdfPage.view[2] });
            const canvas = document.createElement('canvas');
            canvas.width = Math.round(viewport.width);
            canvas.height = Math.round(viewport.height);
            const context = canvas.getContext('2d')!;
            await pdfPage.render({ canvasContext: context, canvas, viewport }).promise;
            store[name].push(context.getImageData(0, 0, canvas.width, canvas.height));
            const content = await pdfPage.getTextContent();
            texts[name].push({
              text: content.items.map((item: { str?: string }) => item.str ?? '').join(' '),
            });
          }
        }
        (window as unknown as { rendered: typeof store }).rendered = store;
        return texts;
      }, files);
    },

    /** Pixel measures of a rectangle of page `index` of `name`, against the same page of `other`. */
    async measure(
      name: string,
      other: string,
      index: number,
      region: Region,
    ): Promise<RegionMeasure> {
      return page.evaluate(
        ({ name, other, index, region }) => {
          const store = (window as unknown as { rendered: Record<string, ImageData[]> }).rendered;
          const a = store[name]![index]!;
          const b = store[other]![index];
          const colours = new Set<number>();
          const hueCounts = new Array<number>(12).fill(0);
          let differing = 0;
          let total = 0;
          const x0 = Math.max(0, Math.floor(region.x));
          const y0 = Math.max(0, Math.floor(region.y));
          const x1 = Math.min(a.width, Math.ceil(region.x + region.width));
          const y1 = Math.min(a.height, Math.ceil(region.y + region.height));
          for (let y = y0; y < y1; y++) {
            for (let x = x0; x < x1; x++) {
              const i = (y * a.width + x) * 4;
              const [r, g, bl] = [a.data[i]!, a.data[i + 1]!, a.data[i + 2]!];
              colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (bl >> 4));
              const max = Math.max(r, g, bl);
              const min = Math.min(r, g, bl);
              if (max - min > 60) {
                const hue =
                  max === r
                    ? ((g - bl) / (max - min) + 6) % 6
                    : max === g
                      ? (bl - r) / (max - min) + 2
                      : (r - g) / (max - min) + 4;
                hueCounts[Math.floor(hue * 2) % 12]! += 1;
              }
              if (b) {
                const d = Math.max(
                  Math.abs(r - b.data[i]!),
                  Math.abs(g - b.data[i + 1]!),
                  Math.abs(bl - b.data[i + 2]!),
                );
                if (d > 48) differing += 1;
              }
              total += 1;
            }
          }
          return {
            colours: colours.size,
            hues: hueCounts.filter((n) => n >= 40).length,
            differs: total > 0 ? differing / total : 0,
          };
        },
        { name, other, index, region },
      );
    },
    close: () => page.close(),
  };
}
