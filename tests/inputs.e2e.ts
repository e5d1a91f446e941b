/**
 * One rule for every link value and number field, checked parameter by
 * parameter: a bad value gives a message naming the value used, the widget
 * uses that value (read back from the link it rewrites, and from the field),
 * and the message goes once the value is valid. Also: a button clicked with
 * the mouse gives Space back to the deck; a button reached with Tab is still
 * pressed with Space and Enter.
 */
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hashOf, serveApp } from './support/app';
import { badNumbers, fields, validNumber, widgets } from './inputCases';
import { lectureSlides } from '../src/lecture';

const app = serveApp();
/** Polls wait this long: the race builds its models on the main thread of a busy machine. */
const SLOW = 20_000;

const problemOf = (page: Page, widget: string, key: string) =>
  page.evaluate(
    ([w, k]) => {
      const el = document.querySelector(`.${w} .widget__problem--input [data-setting="${k}"]`);
      if (!el) return null;
      return {
        text: el.textContent!,
        isolated: [...el.querySelectorAll('bdi')].map((b) => b.textContent),
      };
    },
    [widget, key] as const,
  );
const anyProblem = (page: Page, widget: string) =>
  page.locator(`.${widget} .widget__problem--input`).count();
/** The value the link holds for `key` (null: absent, that is the default). */
const linkValue = (page: Page, key: string) =>
  page.evaluate((k) => new URLSearchParams(location.hash.split('?')[1] ?? '').get(k), key);

async function setHash(page: Page, slide: string, query: string) {
  await page.evaluate((h) => (location.hash = h), `${slide}?${query}`);
}

const paramText = (key: string, text: string) => `${key}=${encodeURIComponent(text)}`;

describe.concurrent.each(widgets)('link values of $widget', (w) => {
  it('clamp or refuse every bad value with a message, use it, and drop the message once valid', async ({
    expect,
  }) => {
    const { page, log } = await app.open(w.slide);
    await page.locator(`.${w.widget}`).waitFor({ timeout: 60_000 });
    // The base parameters, unless the case is about one of them.
    const withBase = (q: string) =>
      w.base && !w.base.startsWith(q.split('=')[0]! + '=') ? `${w.base}&${q}` : q;
    for (const p of w.numbers) {
      for (const c of badNumbers(p)) {
        const label = `${p.key}=${JSON.stringify(c.text)}`;
        await setHash(page, w.slide, withBase(paramText(p.key, c.text)));
        await expect
          .poll(() => problemOf(page, w.widget, p.key).then((x) => x?.text), {
            message: label,
            timeout: SLOW,
          })
          .toContain(c.message);
        // The value used replaces the bad one in the link (absent when it is the default).
        await expect
          .poll(() => linkValue(page, p.key), { message: label, timeout: SLOW })
          .toBe(c.used === p.fallback ? null : String(c.used));
        const field = page.locator(`.${w.widget} input[data-setting="${p.key}"]`);
        if ((await field.count()) > 0) expect(Number(await field.inputValue()), label).toBe(c.used);
        const problem = await problemOf(page, w.widget, p.key);
        expect(problem!.text, label).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        if (c.text.startsWith('\u202E')) expect(problem!.isolated, label).toEqual(['[U+202E]123']);
        // A valid value set by an in-page hash change: the message goes.
        await setHash(page, w.slide, withBase(`${p.key}=${validNumber(p)}`));
        await expect
          .poll(() => problemOf(page, w.widget, p.key), { message: label, timeout: SLOW })
          .toBeNull();
        expect(await anyProblem(page, w.widget), label).toBe(0);
        expect(Number(await linkValue(page, p.key)), label).toBe(validNumber(p));
      }
    }
    for (const o of w.others) {
      const label = `${o.key}=${o.junk}`;
      await setHash(page, w.slide, withBase(paramText(o.key, o.junk)));
      await expect
        .poll(() => problemOf(page, w.widget, o.key).then((x) => x?.text), {
          message: label,
          timeout: SLOW,
        })
        .toMatch(o.message);
      await expect
        .poll(() => linkValue(page, o.key), { message: label, timeout: SLOW })
        .toBe(o.used);
      await setHash(page, w.slide, withBase(paramText(o.key, o.valid)));
      await expect
        .poll(() => anyProblem(page, w.widget), { message: label, timeout: SLOW })
        .toBe(0);
    }
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe.concurrent('a link opened with bad values', () => {
  it('shows every message at once, and each goes when its field gets a valid value', async ({
    expect,
  }) => {
    const { page, log } = await app.open('#/results?vae.n=1e9&vae.k=x&vae.seed=-1&vae.exact=junk');
    await page.locator('.vae-race').waitFor({ timeout: 60_000 });
    const text = (key: string) => problemOf(page, 'vae-race', key).then((x) => x?.text ?? null);
    await expect
      .poll(() => text('vae.n'), { timeout: SLOW })
      .toBe('N must be a whole number from 1 to 30; using 30.');
    expect(await text('vae.k')).toBe('K: “x” is not a number; using 4.');
    expect(await text('vae.seed')).toBe(
      'The seed must be a whole number from 0 to 4294967295; using 0.',
    );
    expect(await text('vae.exact')).toMatch(/not “junk”; using 0/);
    const n = page.locator('.vae-race input[data-setting="vae.n"]');
    expect(await n.inputValue()).toBe('30');
    expect(await page.locator('.vae-race input[data-setting="vae.seed"]').inputValue()).toBe('0');
    await n.fill('12');
    await n.press('Enter');
    await expect.poll(() => text('vae.n'), { timeout: SLOW }).toBeNull();
    expect(await text('vae.k')).not.toBeNull(); // the others stay until they are fixed
    await expect.poll(() => linkValue(page, 'vae.n'), { timeout: SLOW }).toBe('12');
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe.concurrent.each(fields)('the field $label of $widget', (f) => {
  it('clamps or refuses typed values with a message, shows the value used, and lets valid values through', async ({
    expect,
  }) => {
    const { page, log } = await app.open(f.slide);
    const field = page.locator(`.${f.widget} input[data-setting="${f.key}"]`).first();
    await field.waitFor({ timeout: 60_000 });
    expect(
      (await field.getAttribute('aria-label')) ??
        (await field.evaluate((e) => e.closest('label')?.textContent ?? '')),
    ).toContain(f.label);
    const type = async (text: string, commit: 'Enter' | 'blur') => {
      await field.fill(text);
      if (commit === 'Enter') await field.press('Enter');
      else await field.evaluate((e) => (e as HTMLInputElement).blur());
    };
    const message = () => problemOf(page, f.widget, f.key).then((x) => x?.text ?? null);
    // Out of range, both ends: clamped, said, shown.
    await type(String(f.min - 1), 'Enter');
    await expect
      .poll(message, { timeout: SLOW })
      .toMatch(new RegExp(`from ${f.min} to ${f.max}; using ${f.min}\\.`));
    // Probabilities are shown to 2 or 3 decimals, counts exactly.
    const digits = f.integer ? 6 : 2;
    expect(Number(await field.inputValue())).toBeCloseTo(f.min, digits);
    const shownMin = await field.inputValue();
    expect(await message()).toMatch(new RegExp(`; using ${shownMin.replace('.', '\\.')}\\.$`));
    await type('1e12', 'blur');
    await expect
      .poll(message, { timeout: SLOW })
      .toMatch(new RegExp(`from ${f.min} to ${f.max}; using ${f.max}\\.`));
    const used = await field.inputValue();
    expect(Number(used)).toBeCloseTo(f.max, digits);
    // The message names the value as the field shows it.
    expect(await message()).toMatch(new RegExp(`; using ${used.replace('.', '\\.')}\\.$`));
    // Not a number: refused, the previous value kept, said.
    for (const junk of ['abc', '', '\u202E123']) {
      await type(junk, 'Enter');
      await expect.poll(message, { timeout: SLOW }).toMatch(/is (empty|not a number); using /);
      expect(await field.inputValue()).toBe(used);
    }
    expect(await problemOf(page, f.widget, f.key).then((x) => x!.isolated)).toEqual([
      '[U+202E]123',
    ]);
    // Valid: typed character by character (through values that would be out of range), then Enter.
    await field.fill('');
    await field.pressSequentially(f.valid);
    expect(await field.inputValue()).toBe(f.valid);
    await field.press('Enter');
    await expect.poll(message, { timeout: SLOW }).toBeNull();
    expect(Number(await field.inputValue())).toBeCloseTo(Number(f.valid), 2);
    if (f.integer) {
      // A whole-number field steps with the arrow keys, committing at once.
      await field.press('ArrowDown');
      expect(await field.inputValue()).toBe(String(Number(f.valid) - 1));
      await expect
        .poll(() => linkValue(page, f.key), { timeout: SLOW })
        .toBe(String(Number(f.valid) - 1));
      expect(await message()).toBeNull();
    }
    await expect
      .poll(() => hashOf(page), { timeout: SLOW })
      .toMatch(new RegExp(`^${f.slide.split('?')[0]!.replace(/\//g, '\\/')}\\?`));
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe.concurrent('buttons and the deck keys', () => {
  const drawOf = (page: Page) => linkValue(page, 'gm.draw');

  it('a mouse click gives Space back to the deck; the button is not pressed again', async ({
    expect,
  }) => {
    for (const [slide, widget, button, read] of [
      ['#/gumbel-max/4', 'gumbel-max', 'Draw again', (p: Page) => drawOf(p)],
      ['#/temperature/2', 'temperature-sweep', 'New seed', (p: Page) => linkValue(p, 'ts.seed')],
      ['#/toy-lab', 'estimator-lab', 'New seed', (p: Page) => linkValue(p, 'lab.seed')],
    ] as const) {
      const { page } = await app.open(slide);
      const target = page.locator(`.${widget}`).getByRole('button', { name: button, exact: true });
      await expect.poll(() => target.isEnabled(), { timeout: 60_000 }).toBe(true);
      const before = await read(page);
      await target.click();
      await expect.poll(() => read(page), { message: widget, timeout: SLOW }).not.toBe(before);
      await page.waitForTimeout(400); // the link is written after a short pause
      const after = await read(page);
      const path = (await hashOf(page)).split('?')[0];
      await page.keyboard.press('Space');
      await expect
        .poll(() => hashOf(page).then((h) => h.split('?')[0]), { message: widget, timeout: SLOW })
        .not.toBe(path);
      // A slide's settings leave the link with it and come back with it: back on the
      // slide, the value is the one the click made (Space did not press the button again).
      await page.keyboard.press('ArrowLeft');
      await expect
        .poll(() => hashOf(page).then((h) => h.split('?')[0]), { message: widget, timeout: SLOW })
        .toBe(path);
      await page.waitForTimeout(400);
      expect(await read(page), widget).toBe(after);
      await page.close();
    }
  });

  it('a button reached with Tab is pressed with Space and with Enter, and the deck stays', async ({
    expect,
  }) => {
    const { page } = await app.open('#/gumbel-max/4');
    const minus = page.getByRole('button', { name: '− class' });
    await minus.waitFor({ timeout: 60_000 });
    await minus.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Draw again');
    await page.keyboard.press('Space');
    await expect.poll(() => drawOf(page), { timeout: SLOW }).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => drawOf(page), { timeout: SLOW }).toBe('2');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Draw again');
    expect(await hashOf(page)).toMatch(/^#\/gumbel-max\/4\?/);
    await page.close();
  });
});

describe.concurrent('the deck’s notice about a bad link', () => {
  it('isolates the echoed text, with its control characters shown as code points', async ({
    expect,
  }) => {
    const { page } = await app.open('#/%E2%80%AEnope%E2%81%A6');
    const notice = page.locator('.notice');
    await expect.poll(() => notice.textContent(), { timeout: SLOW }).toMatch(/No slide is called/);
    expect(await notice.locator('bdi').allTextContents()).toEqual(['[U+202E]nope[U+2066]']);
    expect(await notice.textContent()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    await page.close();
  });
});

describe.concurrent('messages follow in-page navigation', () => {
  it('a message about a link value goes when the figure is reached by a hash without it', async ({
    expect,
  }) => {
    const fourteen = Array.from({ length: 14 }, () => '0.1').join(',');
    // Both reach step 4 of the same slide, with the query the widget wrote
    // (#/gumbel-max/4 itself would be no change at all once gm.p is gone).
    const byNumber = `#/${lectureSlides.findIndex((s) => s.id === 'gumbel-max') + 1}/4`;
    for (const next of ['#/gumbel-max/99', byNumber]) {
      const { page, log } = await app.open(`#/gumbel-max/4?gm.p=${fourteen}`);
      await page.locator('.gumbel-max').waitFor({ timeout: 60_000 });
      const text = () => problemOf(page, 'gumbel-max', 'gm.p').then((x) => x?.text ?? null);
      await expect.poll(text, { timeout: SLOW }).toMatch(/lists 14 classes/);
      // The widget writes the value it uses (the defaults) back: gm.p leaves the link.
      await expect.poll(() => linkValue(page, 'gm.p'), { timeout: SLOW }).toBeNull();
      await page.evaluate((h) => (location.hash = h), next);
      await expect.poll(() => hashOf(page), { message: next }).toBe('#/gumbel-max/4');
      await expect.poll(text, { message: next, timeout: SLOW }).toBeNull();
      // The same figure, still there: its message went, not the widget.
      expect(await page.locator('.stage .gumbel-max').count(), next).toBe(1);
      expect(await anyProblem(page, 'gumbel-max'), next).toBe(0);
      expect(log.errors).toEqual([]);
      await page.close();
    }
  });
});

describe.concurrent('link parameters no widget on the slide knows', () => {
  it('are kept as written, not re-encoded into longer text, while the widget writes its own', async ({
    expect,
  }) => {
    const { page, log } = await app.open('#/gumbel-max/4?%%%&&==&other.x=%E2%9C%93&gm.n=0');
    await page.locator('.gumbel-max').waitFor({ timeout: 60_000 });
    // The widget rewrites gm.n to the value it uses; the rest stays as it was, less the empty piece.
    await expect.poll(() => linkValue(page, 'gm.n'), { timeout: SLOW }).toBe('1');
    // The raw hash: hashOf decodes, and "%%%" cannot be decoded.
    expect(await page.evaluate(() => location.hash)).toBe(
      '#/gumbel-max/4?%%%&==&other.x=%E2%9C%93&gm.n=1',
    );
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
