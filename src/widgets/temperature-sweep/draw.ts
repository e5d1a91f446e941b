/** Drawing for the temperature sweep: handed its canvas and svg elements, never the document. */
import { clearSvg } from '../../plots/frame';
import { interpolateBlues, rgb } from 'd3';
import { pointerDrag } from '../../plots/pointerDrag';
import { concreteLogDensity } from '../../ml/densities';
import type { Probabilities, Temperature } from '../../ml/types';
import { drawCategoryBars } from '../../plots/categoryBars';
import { planeToSimplex, simplexAfterKey, simplexToPlane } from './model';

export const SIMPLEX_SIZE = 250;
export const SIMPLEX_HEIGHT = (SIMPLEX_SIZE * Math.sqrt(3)) / 2;
export const PAD = 14;
const HEAT_STEP = 3; // heat-map cell size in CSS pixels

/** The closed-form density as a heat map (log scale), then the points, on one canvas. */
export function drawSimplexCanvas(
  canvas: HTMLCanvasElement,
  samples: Float32Array,
  heat: ImageData | null,
) {
  const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
  const w = SIMPLEX_SIZE + 2 * PAD;
  const h = SIMPLEX_HEIGHT + 2 * PAD;
  if (canvas.width !== Math.round(w * ratio)) {
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.globalAlpha = 1;
  if (heat) paintHeatMap(ctx, heat);
  // The points take the theme's accent colour (a canvas cannot read CSS variables itself).
  ctx.fillStyle = getComputedStyle(canvas).getPropertyValue('--accent-2').trim() || '#b3261e';
  ctx.globalAlpha = 0.6;
  const n = samples.length / 3;
  for (let r = 0; r < n; r++) {
    const [x, y] = simplexToPlane(
      samples[3 * r]!,
      samples[3 * r + 1]!,
      samples[3 * r + 2]!,
      SIMPLEX_SIZE,
    );
    ctx.fillRect(PAD + x - 1, PAD + y - 1, 2.2, 2.2);
  }
}

/** One small canvas per drawn canvas, reused every frame, that holds the heat map at cell size. */
const scratches = new WeakMap<HTMLCanvasElement, OffscreenCanvas>();

/** Paints the heat map ImageData (cells of HEAT_STEP px) scaled onto the canvas. */
function paintHeatMap(ctx: CanvasRenderingContext2D, heat: ImageData) {
  let scratch = scratches.get(ctx.canvas);
  if (!scratch) scratches.set(ctx.canvas, (scratch = new OffscreenCanvas(heat.width, heat.height)));
  if (scratch.width !== heat.width || scratch.height !== heat.height) {
    scratch.width = heat.width;
    scratch.height = heat.height;
  }
  scratch.getContext('2d')!.putImageData(heat, 0, 0);
  ctx.drawImage(scratch, PAD, PAD, heat.width * HEAT_STEP, heat.height * HEAT_STEP);
}

/** Colour levels of the heat map: enough that neighbouring levels look the same. */
const HEAT_LEVELS = 256;
/** The heat map's colours as RGB bytes, level i at 3i: interpolateBlues(0.05 + 0.8·i/(levels − 1)). */
const heatColors = (() => {
  const table = new Uint8ClampedArray(3 * HEAT_LEVELS);
  for (let i = 0; i < HEAT_LEVELS; i++) {
    const { r, g, b } = rgb(interpolateBlues(0.05 + (0.8 * i) / (HEAT_LEVELS - 1)));
    table.set([r, g, b], 3 * i);
  }
  return table;
})();

/**
 * The density on a grid of cells inside the triangle, coloured by log density
 * relative to its maximum (a span of 8 nats shown); outside the triangle transparent.
 */
export function densityHeatMap(pi: Probabilities, tau: Temperature): ImageData {
  const cols = Math.ceil(SIMPLEX_SIZE / HEAT_STEP);
  const rows = Math.ceil(SIMPLEX_HEIGHT / HEAT_STEP);
  const logs = new Float64Array(cols * rows).fill(NaN);
  let max = -Infinity;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = (c + 0.5) * HEAT_STEP;
      const y = (r + 0.5) * HEAT_STEP;
      const y3 = 1 - y / SIMPLEX_HEIGHT;
      const y2 = x / SIMPLEX_SIZE - y3 / 2;
      const y1 = 1 - y2 - y3;
      if (y1 <= 0 || y2 <= 0 || y3 <= 0) continue;
      const v = concreteLogDensity([y1, y2, y3], pi, tau);
      logs[r * cols + c] = v;
      if (v > max) max = v;
    }
  }
  const image = new ImageData(cols, rows);
  for (let i = 0; i < logs.length; i++) {
    const v = logs[i]!;
    if (Number.isNaN(v)) continue;
    const t = Math.max(0, Math.min(1, 1 - (max - v) / 8));
    const level = 3 * Math.round(t * (HEAT_LEVELS - 1));
    image.data[4 * i] = heatColors[level]!;
    image.data[4 * i + 1] = heatColors[level + 1]!;
    image.data[4 * i + 2] = heatColors[level + 2]!;
    image.data[4 * i + 3] = 255;
  }
  return image;
}

/**
 * Triangle edges, vertex labels and the handle for π. The triangle with its
 * handle is one slider: pressing anywhere in it (mouse, touch, pen) puts π at
 * the point under the pointer, projected onto the triangle, and so does every
 * move; the arrow keys move the handle. The slider is kept across redraws
 * (data-persistent), so a drag or the focus survives the redraw of each move.
 */
export function drawSimplexOverlay(
  svg: SVGSVGElement,
  pi: Probabilities,
  onMove: (pi: Probabilities) => void,
) {
  const w = SIMPLEX_SIZE + 2 * PAD;
  const h = SIMPLEX_HEIGHT + 2 * PAD;
  const s = clearSvg(svg, w, h);
  const g = s.append('g').attr('transform', `translate(${PAD},${PAD})`).lower();
  const corners = [
    simplexToPlane(1, 0, 0, SIMPLEX_SIZE),
    simplexToPlane(0, 1, 0, SIMPLEX_SIZE),
    simplexToPlane(0, 0, 1, SIMPLEX_SIZE),
  ];
  const trianglePoints = corners.map((c) => c.join(',')).join(' ');
  g.append('polygon').attr('class', 'simplex-edge').attr('points', trianglePoints);
  const labels = ['class 1', 'class 2', 'class 3'];
  // Labels stay inside the box: under the bottom vertices, beside the top one.
  corners.forEach(([x, y], i) =>
    g
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', i === 2 ? x + 8 : x)
      .attr('y', i === 2 ? y + 4 : y + 12)
      .attr('text-anchor', i === 0 ? 'start' : i === 1 ? 'end' : 'start')
      .text(labels[i]!),
  );
  const slider = s
    .selectChildren<SVGGElement, null>('g.simplex-slider')
    .data([null])
    .join((enter) => {
      const e = enter.append('g').attr('class', 'simplex-slider').attr('data-persistent', '');
      e.attr('tabindex', 0).attr('role', 'slider');
      e.attr(
        'aria-label',
        'π on the simplex: class 1 bottom left, class 2 bottom right, class 3 top',
      );
      e.append('polygon').attr('class', 'simplex-area');
      const handle = e.append('g').attr('class', 'simplex-handle');
      handle.append('circle').attr('class', 'simplex-handle__ring').attr('r', 16);
      handle.append('circle').attr('class', 'simplex-handle__dot').attr('r', 9);
      return e;
    })
    .attr('transform', `translate(${PAD},${PAD})`)
    .attr('aria-valuemin', 0)
    .attr('aria-valuemax', 1)
    .attr('aria-valuenow', Number(pi[2]!.toPrecision(4)))
    .attr('aria-valuetext', `π = (${pi.map((x) => x.toFixed(2)).join(', ')})`);
  slider.select('.simplex-area').attr('points', trianglePoints);
  const [hx, hy] = simplexToPlane(pi[0]!, pi[1]!, pi[2]!, SIMPLEX_SIZE);
  slider.select('.simplex-handle').attr('transform', `translate(${hx},${hy})`);
  pointerDrag(slider, (element) => element, {
    start: () => null,
    move: ([x, y]) => {
      if (Number.isFinite(x) && Number.isFinite(y)) onMove(planeToSimplex(x, y, SIMPLEX_SIZE));
    },
  });
  slider.on('keydown.slider', (event: KeyboardEvent) => {
    const next = simplexAfterKey(pi, event.key, event.shiftKey);
    if (!next) return;
    event.preventDefault(); // the deck does not see the arrow keys the handle used
    onMove(next);
  });
}

/** One small bar chart of the seven-class figure. */
export function drawFigureCell(svg: SVGSVGElement, values: readonly number[], color: string) {
  drawCategoryBars(svg, {
    width: 104,
    height: 78,
    margin: { top: 4, right: 4, bottom: 6, left: 27 },
    categories: values.map(() => ''),
    series: [{ name: 'y', values, color }],
    yDomain: [0, 1],
  });
}
