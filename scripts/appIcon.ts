/**
 * The lecture's icon for the web app manifest: four bars of a categorical
 * distribution on the accent colour, one of them picked (the Gumbel-max draw).
 * Drawn from one list of rectangles as SVG and as PNG, so that the PNG needs
 * no image library: the pixels are filled here and packed with node:zlib.
 */
import { deflateSync, crc32 } from 'node:zlib';

const BACKGROUND = '#0b5cad';
const BAR = '#ffffff';
const PICKED = '#f2b233';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
}

/** The icon on a 0..1 square: a rounded background, then the bars. */
const CORNER = 0.18;
const bars: Rect[] = [0.35, 0.6, 0.45, 0.25].map((height, i) => ({
  x: 0.17 + i * 0.175,
  y: 0.8 - height,
  w: 0.13,
  h: height,
  fill: i === 1 ? PICKED : BAR,
}));

export function iconSvg(): string {
  const n = (v: number) => +(v * 512).toFixed(2);
  const rects = bars
    .map(
      (r) =>
        `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.w)}" height="${n(r.h)}" fill="${r.fill}"/>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">` +
    `<rect width="512" height="512" rx="${n(CORNER)}" fill="${BACKGROUND}"/>${rects}</svg>\n`
  );
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Whether (u, v) on the unit square lies inside the rounded background. */
function inRoundedSquare(u: number, v: number): boolean {
  const dx = Math.max(CORNER - u, u - (1 - CORNER), 0);
  const dy = Math.max(CORNER - v, v - (1 - CORNER), 0);
  return dx * dx + dy * dy <= CORNER * CORNER;
}

/** The icon as a `size`×`size` RGBA PNG, sampled at pixel centres. */
export function iconPng(size: number): Uint8Array {
  const row = 1 + size * 4;
  const raw = new Uint8Array(row * size);
  const background = rgb(BACKGROUND);
  for (let py = 0; py < size; py++) {
    raw[py * row] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const u = (px + 0.5) / size;
      const v = (py + 0.5) / size;
      if (!inRoundedSquare(u, v)) continue; // transparent
      const bar = bars.find((r) => u >= r.x && u < r.x + r.w && v >= r.y && v < r.y + r.h);
      const [r, g, b] = bar ? rgb(bar.fill) : background;
      raw.set([r!, g!, b!, 255], py * row + 1 + px * 4);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
