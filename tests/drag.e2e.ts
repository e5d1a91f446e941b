/**
 * Direct manipulation: drag paths over the Gumbel-max π bars and the simplex
 * handle with a mouse, a finger and a pen, and the arrow keys, at the stage's
 * own size and in a window where the stage is scaled. After every move the π
 * in the widget's state (the link) must be within 0.02 of the value under the
 * pointer, computed here from what is on screen (the axis ticks, the triangle).
 */
import { describe, it, type ExpectStatic } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { hashOf, serveApp } from './support/app';

const app = serveApp();
const TOLERANCE = 0.02;
/** The floor the simplex handle keeps every class above (HANDLE_FLOOR in the model). */
const HANDLE_FLOOR = 0.01;
const GM_DEFAULT = [0.1, 0.2, 0.3, 0.4];
const TS_DEFAULT = [0.2, 0.3, 0.5];

type Point = { x: number; y: number };
type PointerKind = 'mouse' | 'touch' | 'pen';

/** π as the link holds it (the defaults are left out of the link). */
async function piInLink(page: Page, key: string, defaults: number[]): Promise<number[]> {
  const query = (await hashOf(page)).split('?')[1] ?? '';
  const raw = new URLSearchParams(query).get(key);
  return raw === null ? defaults : raw.split(',').map(Number);
}

/** Presses, moves and releases one pointer of the given kind, through real input events. */
class PointerDriver {
  private cdp: CDPSession | null = null;
  private last: Point = { x: 0, y: 0 };
  constructor(
    private page: Page,
    private kind: PointerKind,
  ) {}

  private async session() {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    if (this.kind === 'touch') {
      await this.cdp.send('Emulation.setTouchEmulationEnabled', {
        enabled: true,
        maxTouchPoints: 1,
      });
    }
    return this.cdp;
  }

  async down(p: Point) {
    this.last = p;
    if (this.kind === 'mouse') {
      await this.page.mouse.move(p.x, p.y);
      await this.page.mouse.down();
    } else if (this.kind === 'pen') {
      await (
        await this.session()
      ).send('Input.dispatchMouseEvent', {
        type: 'mousePressed',
        x: p.x,
        y: p.y,
        button: 'left',
        buttons: 1,
        clickCount: 1,
        pointerType: 'pen',
      });
    } else {
      await (
        await this.session()
      ).send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [{ x: p.x, y: p.y }],
      });
    }
  }

  /** Moves in a few steps, as a hand does. */
  async move(to: Point, steps = 4) {
    const from = this.last;
    for (let s = 1; s <= steps; s++) {
      const x = from.x + ((to.x - from.x) * s) / steps;
      const y = from.y + ((to.y - from.y) * s) / steps;
      if (this.kind === 'mouse') await this.page.mouse.move(x, y);
      else if (this.kind === 'pen') {
        await (
          await this.session()
        ).send('Input.dispatchMouseEvent', {
          type: 'mouseMoved',
          x,
          y,
          button: 'left',
          buttons: 1,
          pointerType: 'pen',
        });
      } else {
        await (
          await this.session()
        ).send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x, y }],
        });
      }
    }
    this.last = to;
  }

  async up() {
    if (this.kind === 'mouse') await this.page.mouse.up();
    else if (this.kind === 'pen') {
      await (
        await this.session()
      ).send('Input.dispatchMouseEvent', {
        type: 'mouseReleased',
        x: this.last.x,
        y: this.last.y,
        button: 'left',
        buttons: 0,
        clickCount: 1,
        pointerType: 'pen',
      });
    } else {
      await (
        await this.session()
      ).send('Input.dispatchTouchEvent', {
        type: 'touchEnd',
        touchPoints: [],
      });
    }
  }
}

/** Records the pointerType of every pointerdown/pointermove the page sees. */
const recordPointerTypes = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { pointerTypes: Set<string> };
    w.pointerTypes = new Set();
    for (const type of ['pointerdown', 'pointermove'])
      document.addEventListener(type, (e) => w.pointerTypes.add((e as PointerEvent).pointerType), {
        capture: true,
      });
  });
const pointerTypesSeen = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { pointerTypes: Set<string> }).pointerTypes]);

async function openAt(expect: ExpectStatic, hash: string, size: { width: number; height: number }) {
  const opened = await app.open(hash);
  await opened.page.setViewportSize(size);
  // The stage fits the window: nearly its own size at 1280×720 (the status bar
  // takes a little height), scaled down to about 0.8 at 1024×768.
  const scale = () =>
    opened.page
      .locator('.stage')
      .getAttribute('data-scale')
      .then((x) => Number(x));
  if (size.width === 1280) await expect.poll(scale).toBeGreaterThan(0.95);
  else await expect.poll(scale).toBeLessThan(0.85);
  await recordPointerTypes(opened.page);
  return opened;
}

// ---- The Gumbel-max π bars ----

/** Where the π chart's axis puts 0 and 1 on screen, and the centre of each class's column. */
async function barGeometry(page: Page) {
  const svg = page.locator('.gumbel-max figure').first().locator('svg').first();
  return svg.evaluate((el) => {
    const axes = el.querySelectorAll('g.axis');
    const yTick = (label: string) => {
      const tick = [...axes[0]!.querySelectorAll('.tick')].find((t) => t.textContent === label)!;
      return tick.querySelector('line')!.getBoundingClientRect().top;
    };
    const columns = [...axes[1]!.querySelectorAll('.tick')].map((t) => {
      const r = t.querySelector('line')!.getBoundingClientRect();
      return r.left + r.width / 2;
    });
    return { zero: yTick('0.0'), one: yTick('1.0'), columns };
  });
}

const atValue = (g: { zero: number; one: number }, v: number) => g.zero + v * (g.one - g.zero);

/** Waits until π_i in the link is within `tolerance` of `expected` (the link is written 250 ms after a change). */
async function expectBar(
  expect: ExpectStatic,
  page: Page,
  i: number,
  expected: number,
  tolerance = TOLERANCE,
) {
  await expect
    .poll(async () => Math.abs((await piInLink(page, 'gm.p', GM_DEFAULT))[i]! - expected), {
      timeout: 5000,
      message: `π${i + 1} should be ${expected}`,
    })
    .toBeLessThan(tolerance);
}

/** Drags bar i along values (the π axis' values under the pointer), checking after each move. */
async function dragBar(
  expect: ExpectStatic,
  page: Page,
  kind: PointerKind,
  i: number,
  path: number[],
) {
  const g = await barGeometry(page);
  const x = g.columns[i]!;
  const pointer = new PointerDriver(page, kind);
  // Press on the bar's top, where the grip is.
  const current = (await piInLink(page, 'gm.p', GM_DEFAULT))[i]!;
  await pointer.down({ x, y: atValue(g, current) });
  for (const v of path) {
    // Off the column sideways too: a captured pointer keeps dragging its bar.
    await pointer.move({ x: x + 7, y: atValue(g, v) });
    const clamped = Math.min(1 - 3 * 0.001, Math.max(0.001, v));
    await expectBar(expect, page, i, clamped);
  }
  await pointer.up();
}

// ---- The simplex handle ----

/** The triangle's vertices on screen: class 1 bottom left, class 2 bottom right, class 3 top. */
async function triangle(page: Page) {
  const r = await page
    .locator('.temperature-sweep .simplex-edge')
    .evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
  return [
    { x: r.left, y: r.bottom },
    { x: r.right, y: r.bottom },
    { x: (r.left + r.right) / 2, y: r.top },
  ];
}

const onScreen = (v: Point[], pi: number[]): Point => ({
  x: pi[0]! * v[0]!.x + pi[1]! * v[1]!.x + pi[2]! * v[2]!.x,
  y: pi[0]! * v[0]!.y + pi[1]! * v[1]!.y + pi[2]! * v[2]!.y,
});

/**
 * π under a screen point: the nearest point of the triangle shrunk to πᵢ ≥
 * floor, found geometrically (inside: itself; outside: the nearest point of
 * the three edges), then its barycentric coordinates.
 */
function piUnder(v: Point[], p: Point): number[] {
  const c = onScreen(v, [1 / 3, 1 / 3, 1 / 3]);
  const shrink = 1 - 3 * HANDLE_FLOOR;
  const s = v.map((q) => ({ x: c.x + (q.x - c.x) * shrink, y: c.y + (q.y - c.y) * shrink }));
  const bary = (q: Point) => {
    const [a, b, d] = v;
    const det = (b!.y - d!.y) * (a!.x - d!.x) + (d!.x - b!.x) * (a!.y - d!.y);
    const l1 = ((b!.y - d!.y) * (q.x - d!.x) + (d!.x - b!.x) * (q.y - d!.y)) / det;
    const l2 = ((d!.y - a!.y) * (q.x - d!.x) + (a!.x - d!.x) * (q.y - d!.y)) / det;
    return [l1, l2, 1 - l1 - l2];
  };
  const inner = bary(p).map((l) => (l - HANDLE_FLOOR) / shrink);
  if (inner.every((l) => l >= 0)) return bary(p);
  let best: Point = s[0]!;
  for (let e = 0; e < 3; e++) {
    const a = s[e]!;
    const b = s[(e + 1) % 3]!;
    const t = Math.max(
      0,
      Math.min(
        1,
        ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) /
          ((b.x - a.x) ** 2 + (b.y - a.y) ** 2),
      ),
    );
    const q = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
    if (Math.hypot(q.x - p.x, q.y - p.y) < Math.hypot(best.x - p.x, best.y - p.y)) best = q;
  }
  return bary(best);
}

async function expectSimplex(
  expect: ExpectStatic,
  page: Page,
  expected: number[],
  tolerance = TOLERANCE,
) {
  const distance = async () => {
    const pi = await piInLink(page, 'ts.pi', TS_DEFAULT);
    return Math.max(...pi.map((x, i) => Math.abs(x - expected[i]!)));
  };
  await expect.poll(distance, { timeout: 5000 }).toBeLessThan(tolerance);
}

/** Drags the handle through screen points given relative to the triangle (in barycentric terms). */
async function dragHandle(expect: ExpectStatic, page: Page, kind: PointerKind, path: number[][]) {
  const v = await triangle(page);
  const pointer = new PointerDriver(page, kind);
  await pointer.down(onScreen(v, await piInLink(page, 'ts.pi', TS_DEFAULT)));
  for (const target of path) {
    const p = onScreen(v, target); // may lie outside the triangle
    await pointer.move(p);
    await expectSimplex(expect, page, piUnder(v, p));
  }
  await pointer.up();
}

/** Inside, beyond the bottom edge, beyond the class-2 vertex, back inside, near class 1. */
const SIMPLEX_PATH = [
  [0.5, 0.2, 0.3],
  [0.3, 0.3, 0.4],
  [0.6, 0.5, -0.1],
  [-0.2, 1.3, -0.1],
  [0.25, 0.25, 0.5],
  [0.8, 0.1, 0.1],
];

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];

describe.concurrent.each(SIZES)('direct manipulation in a $width×$height window', (size) => {
  it.for(['mouse', 'touch', 'pen'] as const)(
    'drags a π bar with a %s to the height under the pointer, move after move',
    async (kind, { expect }) => {
      const { page, log } = await openAt(expect, '#/gumbel-max/4?gm.n=1000', size);
      await page
        .locator('.gumbel-max [aria-live="polite"]')
        .filter({ hasText: 'chi-square' })
        .waitFor({ state: 'attached', timeout: 60_000 });
      await dragBar(expect, page, kind, 0, [0.5, 0.7, 0.25, 0.62, 1.2, 0.35]);
      await dragBar(expect, page, kind, 2, [0.05, 0.45, -0.3, 0.2]);
      expect(await pointerTypesSeen(page)).toContain(kind);
      // The deck stayed on its slide.
      expect(await hashOf(page)).toMatch(/^#\/gumbel-max\/4\?/);
      expect(log.errors).toEqual([]);
      await page.close();
    },
  );

  it.for(['mouse', 'touch', 'pen'] as const)(
    'drags the simplex handle with a %s to the point under the pointer, projected onto the triangle',
    async (kind, { expect }) => {
      const { page, log } = await openAt(expect, '#/temperature/2?ts.n=500', size);
      await page
        .locator('.simplex[data-fingerprint]:not([data-fingerprint=""])')
        .waitFor({ timeout: 60_000 });
      await dragHandle(expect, page, kind, SIMPLEX_PATH);
      expect(await pointerTypesSeen(page)).toContain(kind);
      expect(await hashOf(page)).toMatch(/^#\/temperature\/2\?/);
      expect(log.errors).toEqual([]);
      await page.close();
    },
  );
});

describe.concurrent('the keyboard', () => {
  it('moves a focused π bar with the arrow keys (Shift for bigger steps) and keeps the deck still', async ({
    expect,
  }) => {
    const { page } = await openAt(expect, '#/gumbel-max/4?gm.n=1000', { width: 1024, height: 768 });
    const bar = page.getByRole('slider', { name: 'Class 2 bar' });
    await bar.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    await expectBar(expect, page, 1, 0.23, 1e-3);
    await page.keyboard.press('Shift+ArrowUp');
    await expectBar(expect, page, 1, 0.33, 1e-3);
    await page.keyboard.press('ArrowLeft');
    await expectBar(expect, page, 1, 0.32, 1e-3);
    await page.keyboard.press('Home');
    await expectBar(expect, page, 1, 0.001, 1e-3);
    // The focus stayed on the slider through the redraws, which report the value.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Class 2 bar',
    );
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('0.001');
    // Its grip sits at the height of the value on the axis.
    const g = await barGeometry(page);
    await page.keyboard.press('End');
    await expectBar(expect, page, 1, 0.997, 2e-3);
    const grip = await bar
      .locator('.bar-slider__grip')
      .evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(Math.abs((grip.top + grip.bottom) / 2 - atValue(g, 0.997))).toBeLessThan(2);
    expect(await hashOf(page)).toMatch(/^#\/gumbel-max\/4\?/);
    await page.close();
  });

  it('moves the focused simplex handle with the arrow keys, inside the triangle', async ({
    expect,
  }) => {
    const { page } = await openAt(expect, '#/temperature/2?ts.n=500', { width: 1280, height: 720 });
    const handle = page.getByRole('slider', { name: /p on the simplex/ });
    await handle.focus();
    // Up by 2% of the side: π₃ grows by 0.02/(√3/2), π₁ and π₂ lose half of that each.
    await page.keyboard.press('ArrowUp');
    const d = 0.02 / (Math.sqrt(3) / 2);
    await expectSimplex(expect, page, [0.2 - d / 2, 0.3 - d / 2, 0.5 + d], 1e-3);
    // Far to the right with Shift: the handle stops on the edge, inside the floor.
    for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect
      .poll(async () => (await piInLink(page, 'ts.pi', TS_DEFAULT))[0], { timeout: 5000 })
      .toBeLessThan(0.0101);
    const pi = await piInLink(page, 'ts.pi', TS_DEFAULT);
    expect(Math.min(...pi)).toBeGreaterThanOrEqual(HANDLE_FLOOR - 1e-4);
    expect(pi[0]).toBeCloseTo(HANDLE_FLOOR, 3);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('slider');
    expect(await handle.getAttribute('aria-valuetext')).toMatch(/^p = \(0\.01, /);
    expect(await hashOf(page)).toMatch(/^#\/temperature\/2\?/);
    await page.close();
  });
});
