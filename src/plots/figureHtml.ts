/**
 * The HTML part of a saved figure (see exportFigure.ts): captions, legends,
 * swatches and the values of fields redrawn as SVG <text>, <rect> and <line>
 * where the browser laid them out, in the figure's layout pixels.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Context {
  doc: Document;
  view: Window;
  /** The figure's top left corner on screen. */
  left: number;
  top: number;
  /** Screen pixels per layout pixel. */
  scale: number;
  /** The ascent and descent of each font, measured once. */
  metrics: Map<string, { ascent: number; descent: number }>;
}

/** A screen rectangle in the picture's layout pixels. */
export function place(rect: DOMRect, c: Context) {
  return {
    x: round((rect.left - c.left) / c.scale),
    y: round((rect.top - c.top) / c.scale),
    width: round(rect.width / c.scale),
    height: round(rect.height / c.scale),
  };
}

/** Visually hidden text (for screen readers only) is clipped to a pixel or less. */
export function isVisuallyHidden(el: Element, style: CSSStyleDeclaration): boolean {
  const rect = el.getBoundingClientRect();
  return style.overflow === 'hidden' && rect.width <= 1.5 && rect.height <= 1.5;
}

/**
 * A coloured marker drawn by CSS as an empty ::before or ::after box (a legend
 * key): a pseudo-element has no layout box to read, so it is placed at the
 * start (or end) of the element's first (or last) line, centred on that line.
 */
export function drawMarker(el: Element, pseudo: '::before' | '::after', c: Context, out: Element) {
  const style = c.view.getComputedStyle(el, pseudo);
  if (style.content !== '""' || style.display === 'none' || isTransparent(style.backgroundColor))
    return;
  const width = parseFloat(style.width);
  const height = parseFloat(style.height);
  const lines = el.getClientRects();
  const line = pseudo === '::before' ? lines[0] : lines[lines.length - 1];
  if (!line || !(width > 0) || !(height > 0)) return;
  const at = place(line, c);
  const margin = parseFloat(pseudo === '::before' ? style.marginLeft : style.marginRight) || 0;
  const rect = c.doc.createElementNS(SVG_NS, 'rect');
  const x = pseudo === '::before' ? at.x + margin : at.x + at.width - margin - width;
  rect.setAttribute('x', String(round(x)));
  rect.setAttribute('y', String(round(at.y + (at.height - height) / 2)));
  rect.setAttribute('width', String(width));
  rect.setAttribute('height', String(height));
  rect.setAttribute('fill', style.backgroundColor);
  out.append(rect);
}

/** Whether a computed CSS colour paints nothing (`transparent` or zero alpha). */
export function isTransparent(colour: string): boolean {
  const c = colour.trim();
  if (c === '' || c === 'transparent' || c === 'none') return true;
  const alpha = /^rgba?\([^)]*[,/]\s*([\d.]+)(%?)\s*\)$/.exec(c);
  if (!alpha) return false;
  return Number(alpha[1]) === 0;
}

/** The background and borders of an HTML box (swatches, legend keys, panels). */
export function drawBox(el: Element, style: CSSStyleDeclaration, c: Context, out: Element) {
  const background = style.backgroundColor;
  const sides = (['top', 'right', 'bottom', 'left'] as const).map((side) => ({
    side,
    width: parseFloat(style.getPropertyValue(`border-${side}-width`)) || 0,
    style: style.getPropertyValue(`border-${side}-style`),
    colour: style.getPropertyValue(`border-${side}-color`),
  }));
  const visible = sides.filter(
    (s) => s.width > 0 && s.style !== 'none' && s.style !== 'hidden' && !isTransparent(s.colour),
  );
  if (isTransparent(background) && visible.length === 0) return;
  const at = place(el.getBoundingClientRect(), c);
  if (at.width <= 0 || at.height <= 0) return;
  const radius = parseFloat(style.borderTopLeftRadius) || 0;
  if (!isTransparent(background)) {
    const rect = c.doc.createElementNS(SVG_NS, 'rect');
    for (const name of ['x', 'y', 'width', 'height'] as const)
      rect.setAttribute(name, String(at[name]));
    if (radius > 0) rect.setAttribute('rx', String(round(Math.min(radius, at.height / 2))));
    rect.setAttribute('fill', background);
    out.append(rect);
  }
  for (const s of visible) {
    const line = c.doc.createElementNS(SVG_NS, 'line');
    const inset = s.width / 2;
    const [x1, y1, x2, y2] =
      s.side === 'top'
        ? [at.x, at.y + inset, at.x + at.width, at.y + inset]
        : s.side === 'bottom'
          ? [at.x, at.y + at.height - inset, at.x + at.width, at.y + at.height - inset]
          : s.side === 'left'
            ? [at.x + inset, at.y, at.x + inset, at.y + at.height]
            : [at.x + at.width - inset, at.y, at.x + at.width - inset, at.y + at.height];
    line.setAttribute('x1', String(round(x1)));
    line.setAttribute('y1', String(round(y1)));
    line.setAttribute('x2', String(round(x2)));
    line.setAttribute('y2', String(round(y2)));
    line.setAttribute('stroke', s.colour);
    line.setAttribute('stroke-width', String(s.width));
    const dashes = borderDashes(s.style, s.width);
    if (dashes) line.setAttribute('stroke-dasharray', dashes);
    out.append(line);
  }
}

/** The stroke-dasharray that draws a CSS border style of a given width (null for solid). */
export function borderDashes(borderStyle: string, width: number): string | null {
  if (borderStyle === 'dashed') return `${round(3 * width)} ${round(3 * width)}`;
  if (borderStyle === 'dotted') return `${round(width)} ${round(width)}`;
  return null;
}

/** A text field's or a select's value, as the text the reader sees in it. */
export function drawFieldValue(
  el: HTMLInputElement | HTMLSelectElement,
  style: CSSStyleDeclaration,
  c: Context,
  out: Element,
) {
  const value =
    el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : el.value;
  if (value.trim() === '') return;
  const at = el.getBoundingClientRect();
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
  const fontSize = parseFloat(style.fontSize) * c.scale;
  const top = at.top + (at.height - fontSize * 1.2) / 2;
  const box = new DOMRect(at.left + padding * c.scale, top, at.width, fontSize * 1.2);
  out.append(textLine(value.trim(), box, style, c));
}

/**
 * One text node of the HTML, as one <text> per line the browser broke it
 * into: each word is measured where it was laid out, and words at one height
 * make a line.
 */
export function drawText(node: Text, c: Context, out: Element) {
  const text = node.data;
  const parent = node.parentElement;
  if (!parent || text.trim() === '') return;
  const style = c.view.getComputedStyle(parent);
  if (style.visibility === 'hidden') return;
  const range = c.doc.createRange();
  const lines: { words: string[]; box: DOMRect }[] = [];
  for (const word of text.matchAll(/\S+/g)) {
    range.setStart(node, word.index);
    range.setEnd(node, word.index + word[0].length);
    const box = range.getClientRects()[0];
    if (!box || box.width === 0) continue;
    const line = lines.at(-1);
    if (line && Math.abs(line.box.top - box.top) < box.height / 2) {
      line.words.push(word[0]);
      line.box = new DOMRect(
        line.box.left,
        line.box.top,
        box.right - line.box.left,
        line.box.height,
      );
    } else {
      lines.push({ words: [word[0]], box });
    }
  }
  for (const line of lines)
    out.append(textLine(transform(line.words.join(' '), style), line.box, style, c));
}

function transform(text: string, style: CSSStyleDeclaration): string {
  if (style.textTransform === 'uppercase') return text.toUpperCase();
  if (style.textTransform === 'lowercase') return text.toLowerCase();
  return text;
}

/** A <text> whose baseline sits where the browser put the baseline of a line box. */
function textLine(text: string, box: DOMRect, style: CSSStyleDeclaration, c: Context) {
  const { ascent, descent } = fontMetrics(style, c);
  const fontSize = parseFloat(style.fontSize);
  const height = box.height / c.scale;
  // The line box is the font's ascent + descent tall, centred on any extra height.
  const baseline =
    (box.top - c.top) / c.scale + (height - (ascent + descent) * fontSize) / 2 + ascent * fontSize;
  const el = c.doc.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(round((box.left - c.left) / c.scale)));
  el.setAttribute('y', String(round(baseline)));
  el.setAttribute(
    'style',
    [
      `font-family:${style.fontFamily}`,
      `font-size:${style.fontSize}`,
      style.fontWeight !== '400' ? `font-weight:${style.fontWeight}` : '',
      style.fontStyle !== 'normal' ? `font-style:${style.fontStyle}` : '',
      `fill:${style.color}`,
    ]
      .filter(Boolean)
      .join(';'),
  );
  el.setAttribute('xml:space', 'preserve');
  el.textContent = text;
  return el;
}

/** The ascent and descent of the style's font, per pixel of font size. */
function fontMetrics(style: CSSStyleDeclaration, c: Context) {
  const font = `${style.fontStyle} ${style.fontWeight} 100px ${style.fontFamily}`;
  let metrics = c.metrics.get(font);
  if (!metrics) {
    const context = c.doc.createElement('canvas').getContext('2d');
    metrics = { ascent: 0.9, descent: 0.25 };
    if (context) {
      context.font = font;
      const m = context.measureText('Hg');
      if (m.fontBoundingBoxAscent > 0)
        metrics = {
          ascent: m.fontBoundingBoxAscent / 100,
          descent: m.fontBoundingBoxDescent / 100,
        };
    }
    c.metrics.set(font, metrics);
  }
  return metrics;
}

/** Two decimals are a hundredth of a pixel: plenty, and short files. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
