/**
 * Measuring legibility in the page: how large every piece of text renders, and
 * which marks of a figure (text, axis ticks, curves, controls) cover each other.
 *
 * Rendered text size = computed font size × every scale between the element and
 * the screen: the SVG's viewBox scale and transforms (for text in an SVG) and the
 * stage's CSS scale (and any zoom). It is read from the page itself: for SVG text
 * through getScreenCTM (which in Chromium includes the CSS transforms of the HTML
 * ancestors), for HTML as the ratio of the element's box on screen to its layout
 * box (offsetWidth is before transforms).
 */
import type { Page } from 'playwright-core';

/** One piece of text on screen and the size it renders at, in screen pixels. */
export interface MeasuredText {
  /** The slide's id (data-slide-id of the enclosing slide). */
  slide: string;
  text: string;
  px: number;
}

/**
 * Every visible piece of text inside the elements `rootSelector` matches: text
 * nodes, and the values of text inputs and selects (a control's label is text
 * too). KaTeX's sub- and superscripts count at the size of their formula (see
 * the reason at `formulaBase`).
 */
export function measureTexts(page: Page, rootSelector: string): Promise<MeasuredText[]> {
  return page.evaluate((selector) => {
    /** Scale from the element's own CSS pixels to the screen's. */
    const htmlScale = (el: Element): number => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        if (e instanceof HTMLElement && e.offsetWidth > 0) {
          return e.getBoundingClientRect().width / e.offsetWidth;
        }
      }
      return 1;
    };
    const svgScale = (el: SVGGraphicsElement): number => {
      const m = el.getScreenCTM();
      return m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
    };
    /**
     * TeX sets scripts at 70% and scripts of scripts at 50% of the formula's
     * size, on purpose; what must be large enough is the formula itself, so
     * text inside KaTeX is measured at the size of its `.katex` element.
     */
    const formulaBase = (el: Element): Element => el.closest('.katex') ?? el;
    const visible = (el: Element) =>
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      !el.closest('.visually-hidden, .katex-mathml, title, desc, style, script, option');
    const out: { slide: string; text: string; px: number }[] = [];
    for (const root of document.querySelectorAll(selector)) {
      const slideOf = (el: Element) =>
        el.closest<HTMLElement>('[data-slide-id]')?.dataset.slideId ?? '?';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const el = node.parentElement as Element | null;
        if (!text || !el || !visible(el)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rect = range.getBoundingClientRect();
        if (rect.width < 1 || rect.height < 1) continue;
        const base = formulaBase(el);
        const size = parseFloat(getComputedStyle(base).fontSize);
        const scale =
          el instanceof SVGElement ? svgScale(el as SVGGraphicsElement) : htmlScale(base);
        out.push({ slide: slideOf(el), text: text.slice(0, 40), px: size * scale });
      }
      for (const el of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        'input:not([type=range]):not([type=checkbox]):not([type=radio]), select',
      )) {
        if (!visible(el) || el.offsetWidth === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        const label = el.getAttribute('aria-label') ?? el.value;
        out.push({
          slide: slideOf(el),
          text: `[${el.tagName.toLowerCase()} ${label}]`.slice(0, 40),
          px: size * htmlScale(el),
        });
      }
    }
    return out;
  }, rootSelector);
}

/** A mark of a figure whose box is checked against the others. */
export interface Mark {
  kind: 'text' | 'tick' | 'control' | 'curve';
  /** What it is, for messages and the allow-list: e.g. `text “class 2”`, `control <input Probability of class 1>`. */
  name: string;
}

/** Two marks of one figure that cover each other, or a control whose value is cut off. */
export interface Collision {
  slide: string;
  a: string;
  b: string;
  /** Overlap in screen pixels, width × height (for a curve: how many of its points lie in the text). */
  by: string;
}

/**
 * Marks of every figure (`.widget`) inside `rootSelector` that intersect:
 * - text: each SVG <text> and each HTML text line (a Range's client rects);
 * - tick: the tick lines of d3 axes (`.tick line`);
 * - control: inputs, selects, buttons, labels, and the visible handles of SVG
 *   sliders (`.bar-slider__grip`, `.simplex-handle__dot`);
 * - curve: paths of lines and densities (`.line-series`, `.density-curve`),
 *   sampled every 2 px along their length, against text only.
 * Boxes that share less than `slack` px in either direction do not count (a
 * glyph's box includes the font's line gap, so touching boxes are fine).
 * A mark and its own ancestor (a label and its input) do not collide. Also
 * reports inputs whose value is wider than the field (a clipped “0.40”).
 */
export function findCollisions(page: Page, rootSelector: string, slack = 1): Promise<Collision[]> {
  return page.evaluate(
    ([selector, slackPx]) => {
      type Box = { left: number; top: number; right: number; bottom: number };
      type Item = { kind: string; name: string; box: Box; el: Element };
      const visible = (el: Element) =>
        el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
        !el.closest('.visually-hidden, title, desc');
      const short = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 40);
      const out: { slide: string; a: string; b: string; by: string }[] = [];
      for (const widget of document.querySelectorAll(`${selector} .widget`)) {
        const slide = widget.closest<HTMLElement>('[data-slide-id]')?.dataset.slideId ?? '?';
        const items: Item[] = [];
        const add = (kind: string, name: string, r: Box, el: Element) => {
          if (r.right - r.left < 0.5 && r.bottom - r.top < 0.5) return;
          items.push({ kind, name, box: r, el });
        };
        // Text: SVG <text> as one box; HTML text by line.
        const walker = document.createTreeWalker(widget, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim() ?? '';
          const el = node.parentElement as Element | null;
          if (!text || !el || !visible(el)) continue;
          if (el.closest('button, select, option')) continue; // the control's box stands for it
          if (el instanceof SVGElement) {
            const t = el.closest('text')!;
            if (t.firstChild !== node && t !== el) continue;
            add('text', `text “${short(t.textContent ?? '')}”`, t.getBoundingClientRect(), t);
            continue;
          }
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) add('text', `text “${short(text)}”`, r, el);
        }
        for (const el of widget.querySelectorAll('.tick line')) {
          if (!visible(el)) continue;
          const label = el.parentElement?.querySelector('text')?.textContent ?? '';
          add('tick', `tick ${short(label) || '(unlabelled)'}`, el.getBoundingClientRect(), el);
        }
        const controls =
          'input, select, button, textarea, label, .bar-slider__grip, .simplex-handle__dot';
        for (const el of widget.querySelectorAll(controls)) {
          if (!visible(el)) continue;
          const what =
            el.getAttribute('aria-label') ??
            el.closest('[aria-label]')?.getAttribute('aria-label') ??
            el.textContent ??
            '';
          add(
            'control',
            `control <${el.tagName.toLowerCase()} ${short(what)}>`,
            el.getBoundingClientRect(),
            el,
          );
          if (
            el instanceof HTMLInputElement &&
            el.type === 'text' &&
            el.scrollWidth > el.clientWidth + 1
          ) {
            out.push({
              slide,
              a: `control <input ${short(what)}>`,
              b: `its value “${el.value}” (clipped)`,
              by: `${el.scrollWidth - el.clientWidth} px`,
            });
          }
        }
        const overlap = (a: Box, b: Box) => ({
          w: Math.min(a.right, b.right) - Math.max(a.left, b.left),
          h: Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top),
        });
        const related = (a: Element, b: Element) => a.contains(b) || b.contains(a);
        for (let i = 0; i < items.length; i++) {
          for (let j = i + 1; j < items.length; j++) {
            const a = items[i]!;
            const b = items[j]!;
            if (a.kind === 'tick' && b.kind === 'tick') continue;
            if (related(a.el, b.el)) continue;
            // Two lines of one HTML text node never overlap; the same element's boxes are one text.
            if (a.el === b.el) continue;
            const o = overlap(a.box, b.box);
            if (o.w > slackPx && o.h > slackPx) {
              out.push({
                slide,
                a: a.name,
                b: b.name,
                by: `${o.w.toFixed(1)}×${o.h.toFixed(1)} px`,
              });
            }
          }
        }
        // Curves against text: points along each path inside a text box.
        const texts = items.filter((t) => t.kind === 'text');
        for (const path of widget.querySelectorAll<SVGPathElement>(
          '.line-series, .density-curve',
        )) {
          if (!visible(path)) continue;
          const m = path.getScreenCTM();
          if (!m) continue;
          const length = path.getTotalLength();
          const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) || 1;
          const step = 2 / scale;
          const hits = new Map<Item, number>();
          for (let s = 0; s <= length; s += step) {
            const p = new DOMPoint(
              path.getPointAtLength(s).x,
              path.getPointAtLength(s).y,
            ).matrixTransform(m);
            for (const t of texts) {
              const b = t.box;
              if (
                p.x > b.left + slackPx &&
                p.x < b.right - slackPx &&
                p.y > b.top + slackPx &&
                p.y < b.bottom - slackPx
              ) {
                hits.set(t, (hits.get(t) ?? 0) + 1);
              }
            }
          }
          const name = `curve ${path.dataset.series ?? path.getAttribute('class') ?? ''}`;
          for (const [t, n] of hits) out.push({ slide, a: t.name, b: name, by: `${n} points` });
        }
      }
      return out;
    },
    [rootSelector, slack] as const,
  );
}

/** What is meant to overlap, and why: a collision matches when both names match (in either order). */
export interface AllowedOverlap {
  slide?: string;
  a: RegExp;
  b: RegExp;
  reason: string;
}

export const isAllowed = (c: Collision, allowed: readonly AllowedOverlap[]) =>
  allowed.some(
    (x) =>
      (x.slide === undefined || x.slide === c.slide) &&
      ((x.a.test(c.a) && x.b.test(c.b)) || (x.a.test(c.b) && x.b.test(c.a))),
  );
