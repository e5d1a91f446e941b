import { describe, expect, it } from 'vitest';
import { lectureSlides } from '../src/lecture';
import { formatHash } from '../src/deck/hash';
import { hashOf, serveApp } from './support/app';

const app = serveApp();
const everyPosition = lectureSlides.flatMap((slide, s) =>
  Array.from({ length: slide.steps }, (_, step) => ({ slide: s, step })),
);
const hashes = everyPosition.map((pos) => formatHash(lectureSlides, pos));

describe('the deck, driven with the keyboard', () => {
  it('walks every slide and step forward and back, with the hash at each', async () => {
    const { page, log } = await app.open();
    expect(await hashOf(page)).toBe(hashes[0]);
    const nextKeys = ['ArrowRight', 'Space', 'PageDown', 'n'];
    for (let i = 1; i < hashes.length; i++) {
      await page.keyboard.press(nextKeys[i % nextKeys.length]!);
      expect(await hashOf(page)).toBe(hashes[i]);
      const shown = everyPosition[i]!;
      await expect
        .poll(() => page.locator('.stage .slide').getAttribute('data-slide-id'))
        .toBe(lectureSlides[shown.slide]!.id);
      // Blocks of later steps are invisible; those up to this step are visible.
      const future = await page.locator('.stage [data-future]').count();
      const later = lectureSlides[shown.slide]!.blocks.filter((b) => b.step > shown.step).length;
      expect(future).toBe(later);
    }
    await page.keyboard.press('ArrowRight');
    expect(await hashOf(page)).toBe(hashes.at(-1)); // stays at the end
    const previousKeys = ['ArrowLeft', 'Shift+Space', 'PageUp', 'p'];
    for (let i = hashes.length - 2; i >= 0; i--) {
      await page.keyboard.press(previousKeys[i % previousKeys.length]!);
      expect(await hashOf(page)).toBe(hashes[i]);
    }
    expect(log).toEqual({ errors: [], failedRequests: [], offOrigin: [] });
    await page.close();
  });

  it('skips steps with ↓/↑ and Shift+→/←, and jumps with Home, End and G', async () => {
    const { page } = await app.open();
    const slideHash = (i: number) => formatHash(lectureSlides, { slide: i, step: 0 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await hashOf(page)).toBe(slideHash(2));
    await page.keyboard.press('ArrowUp');
    expect(await hashOf(page)).toBe(slideHash(1));
    await page.keyboard.press('End');
    expect(await hashOf(page)).toBe(hashes.at(-1));
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await hashOf(page)).toBe(slideHash(lectureSlides.length - 2));
    await page.keyboard.press('Home');
    expect(await hashOf(page)).toBe(hashes[0]);
    await page.keyboard.press('g');
    await page.keyboard.press('5');
    await expect.poll(() => page.locator('.goto-prompt').textContent()).toContain('5');
    await page.keyboard.press('Enter');
    expect(await hashOf(page)).toBe(slideHash(4));
    await page.keyboard.press('g');
    await page.keyboard.press('9');
    await page.keyboard.press('9');
    await page.keyboard.press('Enter');
    expect(await hashOf(page)).toBe(slideHash(4));
    await expect.poll(() => page.locator('.notice').textContent()).toContain('no slide 99');
    await page.close();
  });

  it('restores a deep link on reload and walks history with back and forward', async () => {
    const deep = formatHash(lectureSlides, { slide: 3, step: 2 });
    const { page } = await app.open(deep);
    expect(await hashOf(page)).toBe(deep);
    await page.reload();
    await page.locator('.stage .slide').waitFor();
    expect(await hashOf(page)).toBe(deep);
    expect(await page.locator('.stage .slide').getAttribute('data-slide-id')).toBe(
      lectureSlides[3]!.id,
    );
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const after = await hashOf(page);
    await page.goBack();
    await page.goBack();
    await expect.poll(() => hashOf(page)).toBe(deep);
    await expect
      .poll(() => page.locator('.status-bar__number').textContent())
      .toContain('step 3 of');
    await page.goForward();
    await page.goForward();
    await expect.poll(() => hashOf(page)).toBe(after);
    await page.close();
  });

  it('lands on the nearest valid place for hashes that point nowhere', async () => {
    const last = lectureSlides.length - 1;
    const cases: [string, string, string][] = [
      ['#/999', formatHash(lectureSlides, { slide: last, step: 0 }), 'no slide 999'],
      ['#/nope/-3', hashes[0]!, 'No slide is called'],
      [
        '#/2/99',
        formatHash(lectureSlides, { slide: 1, step: lectureSlides[1]!.steps - 1 }),
        'steps',
      ],
      ['#%%%/ü/💥/<script>', hashes[0]!, 'No slide is called'],
      [
        '#/gumbel-max/abc',
        formatHash(lectureSlides, {
          slide: lectureSlides.findIndex((s) => s.id === 'gumbel-max'),
          step: 0,
        }),
        'not a step',
      ],
    ];
    const { page, log } = await app.open();
    for (const [bad, expected, message] of cases) {
      await page.evaluate((h) => (location.hash = h), bad);
      await expect.poll(() => hashOf(page)).toBe(expected);
      await expect.poll(() => page.locator('.notice').textContent()).toContain(message);
      await expect(page.locator('.stage .slide').count()).resolves.toBe(1);
    }
    // A bad hash on first load, too.
    const fresh = await app.open('#/999/999');
    expect(await hashOf(fresh.page)).toBe(formatHash(lectureSlides, { slide: last, step: 0 }));
    expect(log.errors).toEqual([]);
    expect(fresh.log.errors).toEqual([]);
    await page.close();
    await fresh.page.close();
  });

  it('takes the notice about a bad link away when the deck moves on', async () => {
    const { page, log } = await app.open('#/gumbel-max/abc');
    const notice = page.locator('.notice');
    await expect.poll(() => notice.textContent()).toContain('is not a step number');
    const shownAt = Date.now();
    await page.keyboard.press('ArrowRight');
    // Gone at once, long before the six seconds after which a notice goes by itself.
    await expect.poll(() => notice.getAttribute('data-shown'), { timeout: 2000 }).toBe('false');
    expect(Date.now() - shownAt).toBeLessThan(5000);
    expect(await notice.textContent()).toBe('');
    // A notice that comes with the move itself stays.
    await page.evaluate(() => (location.hash = '#/999'));
    await expect.poll(() => notice.textContent()).toContain('no slide 999');
    await page.waitForTimeout(500);
    expect(await notice.getAttribute('data-shown')).toBe('true');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('leaves the arrow keys to a focused slider but still obeys a clicker', async () => {
    const { page } = await app.open(formatHash(lectureSlides, { slide: 1, step: 0 }));
    await page.evaluate(() => {
      const slider = document.createElement('input');
      slider.type = 'range';
      slider.setAttribute('aria-label', 'test slider');
      slider.id = 'test-slider';
      document.querySelector('.stage .slide__body')!.append(slider);
      slider.focus();
    });
    const before = await hashOf(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await hashOf(page)).toBe(before);
    expect(Number(await page.locator('#test-slider').inputValue())).toBeGreaterThan(50);
    await page.keyboard.press('PageDown');
    expect(await hashOf(page)).toBe(formatHash(lectureSlides, { slide: 1, step: 1 }));
    await page.close();
  });

  it('opens and closes the overview and the help, and blacks out', async () => {
    const { page } = await app.open(formatHash(lectureSlides, { slide: 2, step: 0 }));
    await page.keyboard.press('o');
    const overview = page.getByRole('dialog', { name: 'Overview of all slides' });
    // One button a slide, and "Prepare handout…" after them.
    await expect(overview.getByRole('button').count()).resolves.toBe(lectureSlides.length + 1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(overview.count()).resolves.toBe(0);
    expect(await hashOf(page)).toBe(formatHash(lectureSlides, { slide: 4, step: 0 }));
    await page.keyboard.press('Escape');
    await expect(overview.count()).resolves.toBe(1);
    await overview.getByRole('button').nth(1).click();
    expect(await hashOf(page)).toBe(formatHash(lectureSlides, { slide: 1, step: 0 }));
    await page.keyboard.press('o');
    await page.keyboard.press('Escape');
    await expect(overview.count()).resolves.toBe(0);

    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Keyboard' });
    await expect(help.getByText('Go to a slide by number').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await expect(help.count()).resolves.toBe(0);

    await page.keyboard.press('b');
    await expect(page.locator('.blackout').count()).resolves.toBe(1);
    await page.keyboard.press('.');
    await expect(page.locator('.blackout').count()).resolves.toBe(0);
    await page.close();
  });

  it('turns the steps with touch swipes', async () => {
    const { page } = await app.open(formatHash(lectureSlides, { slide: 1, step: 0 }));
    const swipe = (dx: number) =>
      page.evaluate((dx) => {
        const box = document.querySelector('.stage-box')!;
        const at = (type: string, x: number) =>
          box.dispatchEvent(
            new PointerEvent(type, {
              pointerType: 'touch',
              clientX: x,
              clientY: 300,
              bubbles: true,
            }),
          );
        at('pointerdown', 600);
        at('pointerup', 600 + dx);
      }, dx);
    await swipe(-200);
    expect(await hashOf(page)).toBe(formatHash(lectureSlides, { slide: 1, step: 1 }));
    await swipe(200);
    expect(await hashOf(page)).toBe(formatHash(lectureSlides, { slide: 1, step: 0 }));
    await swipe(20); // too short to count
    expect(await hashOf(page)).toBe(formatHash(lectureSlides, { slide: 1, step: 0 }));
    await page.close();
  });
});
