/**
 * Ink (D): strokes by mouse, touch and pen land where they were drawn (in the
 * stage's coordinates), belong to their step, survive navigation and a
 * reload, show in the audience window, print on the page, and go out and back
 * in as a file; with drawing off the figures take the pointer again; axe is
 * clean with the toolbar open in every theme. One presenter/audience pair
 * serves the first tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from 'playwright-core';
import { lectureSlides } from '../src/lecture';
import { formatHash } from '../src/deck/hash';
import { hashOf, serveApp } from './support/app';

const app = serveApp();
const at = (id: string, step = 0) =>
  formatHash(lectureSlides, { slide: lectureSlides.findIndex((s) => s.id === id), step });
const FIGURE = 'gumbel-max';
const STEP = lectureSlides.find((s) => s.id === FIGURE)!.steps - 1;
const STORED = `gsx.ink/${FIGURE}/${STEP}`;

interface StoredStroke {
  id: string;
  tool: string;
  pressure: boolean;
  points: number[];
}

let p: Page; // the presenter view, where the lecturer draws
let a: Page; // the audience window
let cdp: CDPSession;

/** Window coordinates of a stage point (the stage is scaled in the presenter view). */
async function client(page: Page, x: number, y: number) {
  const box = (await page.locator('.stage .ink-layer').boundingBox())!;
  return { x: box.x + (x / 1280) * box.width, y: box.y + (y / 720) * box.height };
}

/** A horizontal stroke in stage pixels from (x, y), 10 points, 200 px long. */
const path = (x: number, y: number) =>
  Array.from({ length: 11 }, (_, i) => ({ x: x + 20 * i, y: y + 10 * Math.sin(i / 2) }));

async function mouseStroke(page: Page, x: number, y: number) {
  const points = await Promise.all(path(x, y).map((q) => client(page, q.x, q.y)));
  await page.mouse.move(points[0]!.x, points[0]!.y);
  await page.mouse.down();
  for (const q of points.slice(1)) await page.mouse.move(q.x, q.y);
  await page.mouse.up();
}

/** Real touch input (Chromium makes pointer events of pointerType "touch" from it). */
async function touchStroke(page: Page, x: number, y: number) {
  const points = await Promise.all(path(x, y).map((q) => client(page, q.x, q.y)));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]!] });
  for (const q of points.slice(1))
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [q] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A pen (pointerType "pen") pressing with `force`, through the DevTools protocol. */
async function penStroke(page: Page, x: number, y: number, force: number) {
  const points = await Promise.all(path(x, y).map((q) => client(page, q.x, q.y)));
  const send = (
    type: 'mousePressed' | 'mouseMoved' | 'mouseReleased',
    q: { x: number; y: number },
  ) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      ...q,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      clickCount: 1,
      pointerType: 'pen',
      force,
    });
  await send('mousePressed', points[0]!);
  for (const q of points.slice(1)) await send('mouseMoved', q);
  await send('mouseReleased', points.at(-1)!);
}

const strokeCount = (page: Page) =>
  page.locator('.stage .ink-layer').getAttribute('data-strokes').then(Number);
const stored = (page: Page) =>
  page.evaluate(
    (key) =>
      JSON.parse(localStorage.getItem(key) ?? '{"strokes":[]}') as { strokes: StoredStroke[] },
    STORED,
  );

/** How many pixels differ between two PNGs inside a rectangle (decoded by the browser). */
async function differingPixels(
  page: Page,
  one: Buffer,
  two: Buffer,
  rect: { x: number; y: number; width: number; height: number },
) {
  return page.evaluate(
    async ({ one, two, rect }) => {
      const pixels = async (b64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${b64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(rect.x, rect.y, rect.width, rect.height).data;
      };
      const [x, y] = [await pixels(one), await pixels(two)];
      let count = 0;
      for (let i = 0; i < x.length; i += 4)
        if (
          Math.abs(x[i]! - y[i]!) +
            Math.abs(x[i + 1]! - y[i + 1]!) +
            Math.abs(x[i + 2]! - y[i + 2]!) >
          30
        )
          count++;
      return count;
    },
    { one: one.toString('base64'), two: two.toString('base64'), rect },
  );
}

/** The printed page of the figure's slide at STEP, as print media lays it out. */
async function printedPage(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  const shot = await page
    .locator(`.all-slides--print > [data-slide-id="${FIGURE}"][data-step="${STEP}"]`)
    .screenshot();
  await page.emulateMedia({ media: 'screen' });
  return shot;
}

describe('ink', () => {
  beforeAll(async () => {
    a = (await app.open(at(FIGURE, STEP), { query: '?view=audience' })).page;
    p = (await app.open(at(FIGURE, STEP), { query: '?view=presenter' })).page;
    await p.locator('.presenter-panel').waitFor();
    await p.getByRole('button', { name: 'New seed' }).waitFor({ timeout: 60_000 });
    await p.waitForTimeout(600); // both windows have listened and are ready to speak
    cdp = await p.context().newCDPSession(p);
  });
  afterAll(async () => {
    await p?.close();
    await a?.close();
  });

  it('draws with mouse, touch and pen where the pointer was; the step keeps it across moves and a reload; the audience sees it', async () => {
    // Drawing on: a click on a figure's button is a stroke (a dot), not a press.
    const seedBefore = await hashOf(p);
    await p.keyboard.press('d');
    await p.getByRole('group', { name: 'Drawing tools' }).waitFor();
    const button = (await p.getByRole('button', { name: 'New seed' }).boundingBox())!;
    await p.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await expect.poll(() => strokeCount(p)).toBe(1);
    expect(await hashOf(p)).toBe(seedBefore);
    await p.keyboard.press('Control+z');
    await expect.poll(() => strokeCount(p)).toBe(0);

    // Which kinds of pointer went down on the ink layer.
    await p.evaluate(() => {
      const kinds: string[] = [];
      (window as unknown as { inkPointers: string[] }).inkPointers = kinds;
      document.addEventListener(
        'pointerdown',
        (e) => (e.target as Element).closest('.ink-layer') && kinds.push(e.pointerType),
        true,
      );
    });
    await mouseStroke(p, 100, 150);
    await touchStroke(p, 450, 400);
    await penStroke(p, 800, 620, 0.8);
    await expect.poll(() => strokeCount(p)).toBe(3);
    expect(
      await p.evaluate(() => (window as unknown as { inkPointers: string[] }).inkPointers),
    ).toEqual(['mouse', 'touch', 'pen']);
    const { strokes } = await stored(p);
    // Each stroke starts where its pointer went down, in stage pixels (±1 for rounding and smoothing).
    expect(strokes.map((s) => [Math.round(s.points[0]!), Math.round(s.points[1]!)])).toEqual([
      [100, 150],
      [450, 400],
      [800, 620],
    ]);
    expect(Math.max(...strokes.map((s) => s.points.at(-3)!))).toBeGreaterThan(990);
    // Only the pen gives pressure, and its pressure is kept.
    expect(strokes.map((s) => s.pressure)).toEqual([false, false, true]);
    expect(strokes[2]!.points[2]).toBeCloseTo(0.8, 2);

    // The audience window shows the same strokes, drawn the same.
    await expect.poll(() => strokeCount(a)).toBe(3);
    const paths = (page: Page) =>
      page
        .locator('.stage .ink-layer path')
        .evaluateAll((els) => els.map((e) => e.getAttribute('d')));
    expect(await paths(a)).toEqual(await paths(p));

    // The audience sees a stroke grow while it is drawn, not only when it ends.
    const start = await client(p, 300, 500);
    await p.mouse.move(start.x, start.y);
    await p.mouse.down();
    for (let i = 1; i <= 8; i++) await p.mouse.move(start.x + 15 * i, start.y);
    const drawn = () => a.locator('.stage .ink-layer path').count();
    await expect.poll(drawn).toBe(4);
    for (let i = 9; i <= 16; i++) await p.mouse.move(start.x + 15 * i, start.y + 2 * i);
    await p.mouse.up();
    await expect.poll(() => strokeCount(a)).toBe(4);
    expect(await drawn()).toBe(4);
    await p.keyboard.press('Control+z');
    await expect.poll(() => strokeCount(a)).toBe(3);

    // Another slide has none; back on this slide its other steps have none, and
    // at its step the strokes are there again (in both windows). Deck keys work while drawing.
    await p.keyboard.press('ArrowDown');
    await expect.poll(() => hashOf(a)).not.toContain(`/${FIGURE}/`);
    expect(await strokeCount(p)).toBe(0);
    await p.keyboard.press('ArrowUp');
    await expect.poll(() => hashOf(p)).toBe(at(FIGURE, 0));
    expect(await strokeCount(p)).toBe(0);
    for (let i = 0; i < STEP; i++) await p.keyboard.press('ArrowRight');
    await expect.poll(() => strokeCount(p)).toBe(3);
    await expect.poll(() => strokeCount(a)).toBe(3);

    // The eraser removes the whole stroke it touches; undo brings it back.
    await p.getByRole('button', { name: 'Eraser' }).click();
    const mid = await client(p, 200, 150 + 10 * Math.sin(2.5));
    await p.mouse.click(mid.x, mid.y);
    await expect.poll(() => strokeCount(p)).toBe(2);
    await expect.poll(() => strokeCount(a)).toBe(2);
    await p.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => strokeCount(p)).toBe(3);
    await p.getByRole('button', { name: 'Pen' }).click();

    await p.reload();
    await p.locator('.stage .slide').waitFor();
    await expect.poll(() => strokeCount(p)).toBe(3);
    expect((await stored(p)).strokes.map((s) => s.id)).toEqual(strokes.map((s) => s.id));

    // Drawing off (Esc): the figure takes the pointer again.
    await p.keyboard.press('d');
    await p.keyboard.press('Escape');
    expect(await p.getByRole('group', { name: 'Drawing tools' }).count()).toBe(0);
    expect(await p.getByRole('dialog', { name: 'Overview of all slides' }).count()).toBe(0);
    await p.getByRole('button', { name: 'New seed' }).click();
    await expect.poll(() => hashOf(p)).not.toBe(seedBefore);
    expect(await strokeCount(p)).toBe(3);
  });

  it('prints the ink on its page; export, clear and import bring it back; a damaged file is refused', async () => {
    const inked = await printedPage(p);
    const { strokes } = await stored(p);
    expect(strokes).toHaveLength(3);
    await p.keyboard.press('d');
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Export ink…' }).click(),
    ]);
    const file = await download
      .path()
      .then((f) => import('node:fs').then((fs) => fs.readFileSync(f)));
    await p.getByRole('button', { name: 'Clear step' }).click();
    await expect.poll(() => strokeCount(p)).toBe(0);
    await expect.poll(() => strokeCount(a)).toBe(0);
    expect(await p.evaluate((k) => localStorage.getItem(k), STORED)).toBeNull();
    const plain = await printedPage(p);

    // Where the strokes are the page differs; far from them it does not.
    const ys = strokes.flatMap((s) => s.points.filter((_, i) => i % 3 === 1));
    const xs = strokes.flatMap((s) => s.points.filter((_, i) => i % 3 === 0));
    for (const s of strokes) {
      const sx = s.points.filter((_, i) => i % 3 === 0);
      const sy = s.points.filter((_, i) => i % 3 === 1);
      const rect = {
        x: Math.floor(Math.min(...sx)),
        y: Math.floor(Math.min(...sy)) - 3,
        width: Math.ceil(Math.max(...sx) - Math.min(...sx)),
        height: Math.ceil(Math.max(...sy) - Math.min(...sy)) + 6,
      };
      expect(await differingPixels(p, inked, plain, rect), JSON.stringify(rect)).toBeGreaterThan(
        300,
      );
    }
    expect(Math.min(...ys)).toBeGreaterThan(100);
    expect(await differingPixels(p, inked, plain, { x: 0, y: 0, width: 1280, height: 90 })).toBe(0);
    expect(Math.min(...xs)).toBeGreaterThan(50);

    const input = p.getByLabel('Import ink file');
    await input.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"app":"gsx-ink"'),
    });
    await expect
      .poll(() => p.locator('.ink-toolbar__status').textContent())
      .toContain('not an ink file');
    await input.setInputFiles({ name: 'ink.json', mimeType: 'application/json', buffer: file });
    await expect.poll(() => strokeCount(p)).toBe(3);
    await expect.poll(() => strokeCount(a)).toBe(3);
    expect((await stored(p)).strokes).toEqual(strokes);
    expect(
      await differingPixels(p, inked, await printedPage(p), {
        x: 0,
        y: 0,
        width: 1280,
        height: 720,
      }),
    ).toBe(0);
    await p.keyboard.press('d');
  });

  it('flags ink of a slide whose content changed, and says when storage is full', async () => {
    const page = await app.browser().context.newPage();
    // A storage that refuses ink, and one stored drawing from an older version of the slide.
    await page.addInitScript((key) => {
      localStorage.setItem(
        key,
        JSON.stringify({
          hash: '00000000',
          strokes: [
            { id: 'old', tool: 'pen', color: 'blue', pressure: false, points: [600, 300, 0.5] },
          ],
        }),
      );
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (name: string, value: string) {
        if (name.startsWith('gsx.ink/')) throw new DOMException('full', 'QuotaExceededError');
        setItem.call(this, name, value);
      };
    }, 'gsx.ink/title/0');
    await page.goto(`${app.url}${at('title')}`);
    await page.locator('.stage .slide').waitFor();
    await expect
      .poll(() => page.locator('.ink-note').textContent())
      .toBe('This slide changed since the ink was drawn.');
    await page.keyboard.press('d');
    await mouseStroke(page, 300, 500);
    await expect.poll(() => strokeCount(page)).toBe(2);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('storage is full or unavailable, so this ink is kept in this tab only');
    await page.close();
  });

  it('has no serious axe violation with the drawing tools open, in every theme', async () => {
    const page = (await app.open(at(FIGURE, STEP))).page;
    await page.getByRole('button', { name: 'New seed' }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('d');
    await page.getByRole('group', { name: 'Drawing tools' }).waitFor();
    await mouseStroke(page, 700, 200); // a stroke, so undo and clear are enabled
    const found: string[] = [];
    for (const theme of ['light', 'dark', 'contrast']) {
      if (theme !== 'light') await page.keyboard.press('t'); // T cycles the themes; drawing stays on
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.waitForTimeout(300); // the figures redraw in the theme's colours
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations)
        if (v.impact === 'serious' || v.impact === 'critical')
          found.push(`${theme}: ${v.id} ${v.nodes[0]?.target.join(' ')}`);
    }
    expect(await page.getByRole('group', { name: 'Drawing tools' }).count()).toBe(1);
    expect(found).toEqual([]);
    await page.close();
  });
});
