/** Drawing for the race: d3 inside its <svg>, pixels inside its <canvas>; each handed its element. */
import { extent } from 'd3';
import { drawLineChart, type LineSeries } from '../../plots/lineChart';
import { lineColors, lineLabels } from '../shared/estimatorLines';
import type { LineHistory } from './raceRun';

/** Held-out −ELBO (solid) and training −ELBO (dashed) of every line against the step. */
export function drawCurves(
  svg: SVGSVGElement,
  lines: readonly LineHistory[],
  width: number,
  height: number,
) {
  const series: LineSeries[] = lines.flatMap((l) => [
    {
      name: `${l.name}-train`,
      color: lineColors[l.name],
      xs: l.train.steps,
      ys: l.train.values,
      dashed: true,
    },
    {
      name: `${l.name}-held-out`,
      color: lineColors[l.name],
      xs: l.heldOut.steps,
      ys: l.heldOut.values,
    },
  ]);
  // Extents by loops (d3): spreading 1e5 values into Math.min would overflow the call stack;
  // each history on its own, not copied into one array each frame.
  const finite = (v: number) => (Number.isFinite(v) ? v : NaN);
  const histories = lines.flatMap((l) => [l.heldOut.values, l.train.values]);
  const [low = 0, high = 1] = extent(
    histories.flatMap((values) => extent(values, finite)),
    (v) => v ?? NaN,
  );
  const pad = Math.max(0.5, 0.05 * (high - low));
  drawLineChart(svg, {
    width,
    height,
    series: series.filter((s) => s.xs.length > 0),
    yDomain: [Math.max(0, low - pad), high + pad],
    yLabel: '−ELBO (nats)',
    xLabel: 'step',
  });
}

/**
 * Draws images (pixel probabilities in [0, 1], [count × w·h]) side by side into
 * a canvas, ink dark on light, each `scale` canvas pixels per image pixel.
 */
export function drawImageRow(
  canvas: HTMLCanvasElement,
  pixels: Float32Array | null,
  count: number,
  w: number,
  h: number,
  scale: number,
) {
  const gap = 2;
  canvas.width = count * (w * scale + gap) - gap;
  canvas.height = h * scale;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(canvas.width, canvas.height);
  const data = image.data; // starts transparent
  if (pixels) {
    for (let n = 0; n < count; n++)
      for (let y = 0; y < h * scale; y++)
        for (let x = 0; x < w * scale; x++) {
          const p = pixels[n * w * h + Math.floor(y / scale) * w + Math.floor(x / scale)] ?? 0;
          const shade = Number.isFinite(p) ? Math.round(255 * (1 - p)) : 128;
          const at = 4 * (y * canvas.width + n * (w * scale + gap) + x);
          // Written one channel at a time: no array per pixel for the collector.
          data[at] = data[at + 1] = data[at + 2] = shade;
          data[at + 3] = 255;
        }
  }
  context.putImageData(image, 0, 0);
}

/** The curves in words, for screen readers and the reading view. */
export function curvesText(lines: readonly LineHistory[], step: number): string {
  const parts = lines.map((l) => {
    const last = l.heldOut.values.at(-1);
    const value = last === undefined ? 'not evaluated yet' : `${last.toFixed(2)} nats`;
    return `${lineLabels[l.name]}: held-out −ELBO ${value}${l.stopped ? ' (stopped)' : ''}`;
  });
  return `Step ${step}. ${parts.join('; ')}.`;
}
