/**
 * A drawn figure as structured data for snapshot tests: for an <svg>, every
 * element's tag, classes, attributes (numbers in geometry rounded to 0.1 px)
 * and own text; for a <canvas>, its size and a coarse map of its pixels.
 * Rounding keeps the snapshot blind to float noise (1e-13 px) and sensitive to
 * anything a reader could see (a tick, a label, a bar 0.1 px taller).
 */

/** One element of a drawn svg. */
export interface ElementSnapshot {
  tag: string;
  class?: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: ElementSnapshot[];
}

export interface CanvasSnapshot {
  tag: 'canvas';
  width: number;
  height: number;
  /**
   * Rows of BLOCK × BLOCK pixel blocks, one character a block: the block's
   * mean ink (alpha-weighted darkness, 0–1) in 16 steps as a hex digit, '.'
   * for a fully transparent block.
   */
  ink: string[];
  /** The mean colour of all painted pixels, as r,g,b in 0–255 (rounded to 8). */
  meanColor: string;
}

/** Attributes whose numbers are positions or sizes in px, rounded to 0.1. */
const GEOMETRY = new Set([
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'dx',
  'dy',
  'width',
  'height',
  'd',
  'points',
  'transform',
  'viewBox',
  'refX',
  'refY',
  'stroke-width',
]);

/** Every number in `text` to one decimal (−0 written as 0). */
export const roundNumbers = (text: string) =>
  text.replace(/-?\d*\.?\d+(?:e[+-]?\d+)?/gi, (m) => {
    const v = Math.round(Number(m) * 10) / 10;
    return String(v === 0 ? 0 : v);
  });

/** The svg (or any element) and its descendants as plain data. */
export function snapshotElement(el: Element): ElementSnapshot {
  const out: ElementSnapshot = { tag: el.tagName.toLowerCase() };
  const cls = el.getAttribute('class');
  if (cls) out.class = cls;
  const attrs: Record<string, string> = {};
  for (const a of [...el.attributes].sort((p, q) => p.name.localeCompare(q.name))) {
    if (a.name === 'class') continue;
    attrs[a.name] = GEOMETRY.has(a.name) ? roundNumbers(a.value) : a.value;
  }
  if (Object.keys(attrs).length > 0) out.attrs = attrs;
  const text = [...el.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent ?? '')
    .join('')
    .trim();
  if (text) out.text = text;
  const children = [...el.children].map(snapshotElement);
  if (children.length > 0) out.children = children;
  return out;
}

const BLOCK = 8;

/** A canvas as a coarse ink map (see CanvasSnapshot). */
export function snapshotCanvas(canvas: HTMLCanvasElement): CanvasSnapshot {
  const { width, height } = canvas;
  const data = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
  const ink: string[] = [];
  const total = [0, 0, 0];
  let painted = 0;
  for (let by = 0; by < height; by += BLOCK) {
    let row = '';
    for (let bx = 0; bx < width; bx += BLOCK) {
      let sum = 0;
      let alpha = 0;
      let count = 0;
      for (let y = by; y < Math.min(height, by + BLOCK); y++)
        for (let x = bx; x < Math.min(width, bx + BLOCK); x++) {
          const at = 4 * (y * width + x);
          const a = data[at + 3]! / 255;
          const luma = (0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!) / 255;
          sum += a * (1 - luma);
          alpha += a;
          count++;
          if (a > 0) {
            painted++;
            for (let c = 0; c < 3; c++) total[c]! += data[at + c]!;
          }
        }
      row += alpha === 0 ? '.' : Math.min(15, Math.floor((sum / count) * 16)).toString(16);
    }
    ink.push(row);
  }
  const meanColor = total.map((t) => (painted ? Math.round(t / painted / 8) * 8 : 0)).join(',');
  return { tag: 'canvas', width, height, ink, meanColor };
}
