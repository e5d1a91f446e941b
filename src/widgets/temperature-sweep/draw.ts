/** Drawing for the temperature sweep: handed its canvas and svg elements, never the document. */
import { clearSvg } from '../../plots/frame';
import { interpolateBlues, rgb } from 'd3';
import { pointerDrag } from '../../plots/pointerDrag';
import { concreteLogDensity } from '../../ml/densities';
import type { Probabilities, Temperature } from '../../ml/types';
import { drawCategoryBars } from '../../plots/categoryBars';
import { planeToSimplex, simplexAfterKey, simplexToPlane } from './model';

export const SIMPLEX_SIZE = 226;
export const SIMPLEX_HEIGHT = (SIMPLEX_SIZE * Math.sqrt(3)) / 2;
/**
 * Room around the triangle: the handle (radius 9 and its stroke) stays inside
 * it at every vertex, and the vertex names sit below the bottom vertices and
 * beside the top one, out of the handle's reach (its centre keeps every class
 * at least HANDLE_FLOOR, so it never comes nearer the edge than that).
 */
const PAD_X = 14;
const PAD_TOP = 14;
const PAD_BOTTOM = 34;
/** The simplex's box (canvas and svg), in CSS px. */
export const SIMPLEX_BOX = {
  width: SIMPLEX_SIZE + 2 * PAD_X,
  height: SIMPLEX_HEIGHT + PAD_TOP + PAD_BOTTOM,
};
const HEAT_STEP = 3; // heat-map cell size in CSS pixels

/** The closed-form density as a heat map (log scale), then the points, on one canvas. */
export function drawSimplexCanvas(
  canvas: HTMLCanvasElement,
  samples: Float32Array,
  heat: ImageData | null,
) {
  const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
  const { width: w, height: h } = SIMPLEX_BOX;
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
    ctx.fillRect(PAD_X + x - 1, PAD_TOP + y - 1, 2.2, 2.2);
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
  ctx.drawImage(scratch, PAD_X, PAD_TOP, heat.width * HEAT_STEP, heat.height * HEAT_STEP);
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
 * Triangle edges, vertex labels and the handle for p. The triangle with its
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
  const s = clearSvg(svg, SIMPLEX_BOX.width, SIMPLEX_BOX.height);
  const g = s.append('g').attr('transform', `translate(${PAD_X},${PAD_TOP})`).lower();
  const corners = [
    simplexToPlane(1, 0, 0, SIMPLEX_SIZE),
    simplexToPlane(0, 1, 0, SIMPLEX_SIZE),
    simplexToPlane(0, 0, 1, SIMPLEX_SIZE),
  ];
  const trianglePoints = corners.map((c) => c.join(',')).join(' ');
  g.append('polygon').attr('class', 'simplex-edge').attr('points', trianglePoints);
  const labels = ['class 1', 'class 2', 'class 3'];
  // Labels stay inside the box, out of the handle's reach: under the bottom
  // vertices (below the handle's lowest edge) and right of the top one.
  corners.forEach(([x, y], i) =>
    g
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', i === 2 ? x + 16 : x)
      .attr('y', i === 2 ? y + 12 : y + 27)
      .attr('text-anchor', i === 1 ? 'end' : 'start')
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
        'p on the simplex: class 1 bottom left, class 2 bottom right, class 3 top',
      );
      e.append('polygon').attr('class', 'simplex-area');
      const handle = e.append('g').attr('class', 'simplex-handle');
      handle.append('circle').attr('class', 'simplex-handle__ring').attr('r', 16);
      handle.append('circle').attr('class', 'simplex-handle__dot').attr('r', 9);
      return e;
    })
    .attr('transform', `translate(${PAD_X},${PAD_TOP})`)
    .attr('aria-valuemin', 0)
    .attr('aria-valuemax', 1)
    .attr('aria-valuenow', Number(pi[2]!.toPrecision(4)))
    .attr('aria-valuetext', `p = (${pi.map((x) => x.toFixed(2)).join(', ')})`);
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

/** The size of one small bar chart of the seven-class figure (CSS px). */
export const FIGURE_CELL = { width: 98, height: 78 };

/**
 * One small bar chart of the seven-class figure: no axis (the caption says
 * every box runs from 0 to 1), a faint line at 1 and the baseline at 0.
 */
export function drawFigureCell(svg: SVGSVGElement, values: readonly number[], color: string) {
  const chart = drawCategoryBars(svg, {
    ...FIGURE_CELL,
    margin: { top: 2, right: 2, bottom: 2 },
    categories: values.map(() => ''),
    series: [{ name: 'y', values, color }],
    yDomain: [0, 1],
    yAxis: false,
  });
  chart.root
    .append('line')
    .attr('class', 'figure-cell__one')
    .attr('x1', 0)
    .attr('x2', chart.width)
    .attr('y1', chart.y(1))
    .attr('y2', chart.y(1));
}
