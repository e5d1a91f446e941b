/** d3 drawing for the Gumbel-max widget; each function is handed its own <svg>. */
import { select } from 'd3';
import { drawCategoryBars } from '../../plots/categoryBars';
import { drawDensityHistogram } from '../../plots/densityHistogram';
import { pointerDrag } from '../../plots/pointerDrag';
import { gumbelPdf } from '../../ml/densities';
import type { Probabilities } from '../../ml/types';
import type { ManyDraws, OneDraw } from '../../ml/gumbelMaxDraws';
import { NOISE_HIGH, NOISE_LOW } from '../../ml/gumbelMaxDraws';
import {
  dragProbability,
  frequencyBand,
  maxProbability,
  MIN_P,
  probabilityAfterKey,
} from './model';

const labels = (k: number) => Array.from({ length: k }, (_, i) => String(i + 1));

/**
 * Bars of p that can be dragged (mouse, touch, pen) or moved with the arrow
 * keys; each column is a slider. `onChange` gets the new p. The sliders are
 * kept across redraws (data-persistent), so a drag or the keyboard focus
 * survives the redraw that each move causes.
 */
export function drawProbabilityEditor(
  svg: SVGSVGElement,
  p: Probabilities,
  onChange: (next: Probabilities) => void,
  width: number,
  height: number,
) {
  const chart = drawCategoryBars(svg, {
    width,
    height,
    categories: labels(p.length),
    series: [{ name: 'p', values: p, color: 'var(--series-1)' }],
    yDomain: [0, 1],
  });
  chart.root.lower(); // under the sliders, which stay where they are (and keep the focus)
  const axis = { zeroAt: chart.y(0), oneAt: chart.y(1) };
  const layer = select(svg)
    .selectChildren<SVGGElement, null>('g.bar-sliders')
    .data([null])
    .join((enter) => enter.append('g').attr('class', 'bar-sliders').attr('data-persistent', ''))
    .attr('transform', `translate(${chart.offset.left},${chart.offset.top})`);
  const sliders = layer
    .selectChildren<SVGGElement, number>('g.bar-slider')
    .data(
      p.map((_, i) => i),
      (i) => i,
    )
    .join((enter) => {
      const g = enter.append('g').attr('class', 'bar-slider').attr('tabindex', 0);
      g.attr('role', 'slider').attr('aria-orientation', 'vertical');
      g.append('rect').attr('class', 'bar-slider__hit');
      g.append('rect').attr('class', 'bar-slider__grip').attr('rx', 3);
      return g;
    })
    .attr('aria-label', (i) => `Class ${i + 1} bar`)
    .attr('aria-valuemin', MIN_P)
    .attr('aria-valuemax', maxProbability(p.length))
    .attr('aria-valuenow', (i) => Number(p[i]!.toPrecision(4)))
    .attr('aria-valuetext', (i) => `p${i + 1} = ${p[i]!.toFixed(3)}`);
  sliders
    .select('.bar-slider__hit')
    .attr('x', (i) => chart.x(i))
    .attr('width', chart.bandwidth)
    .attr('y', 0)
    .attr('height', chart.height);
  const gripWidth = Math.min(36, chart.bandwidth * 0.6);
  sliders
    .select('.bar-slider__grip')
    .attr('x', (i) => chart.x(i) + (chart.bandwidth - gripWidth) / 2)
    .attr('width', gripWidth)
    .attr('y', (i) => chart.y(p[i]!) - 4)
    .attr('height', 8);
  pointerDrag(sliders, () => layer.node()!, {
    start: (_, i) => ({ i, start: p }),
    move: ([, y], { i, start }) => {
      const next = dragProbability(start, i, y, axis);
      if (next) onChange(next);
    },
  });
  sliders.on('keydown.slider', (event: KeyboardEvent, i) => {
    const next = probabilityAfterKey(p, i, event.key, event.shiftKey);
    if (!next) return;
    event.preventDefault(); // the deck does not see the arrow keys a slider used
    onChange(next);
  });
}

export function drawOneDraw(svg: SVGSVGElement, draw: OneDraw, width: number, height: number) {
  drawCategoryBars(svg, {
    width,
    height,
    categories: labels(draw.logP.length),
    series: [
      { name: 'log p', values: draw.logP, color: 'var(--series-1)' },
      { name: 'g', values: draw.noise, color: 'var(--series-2)' },
      { name: 'log p + g', values: draw.perturbed, color: 'var(--series-3)' },
    ],
    highlight: draw.winner,
  });
}

export function drawClassFrequencies(
  svg: SVGSVGElement,
  result: ManyDraws,
  p: Probabilities,
  width: number,
  height: number,
) {
  drawCategoryBars(svg, {
    width,
    height,
    categories: labels(p.length),
    series: [
      {
        name: 'frequency',
        values: result.counts.map((c) => c / result.n),
        color: 'var(--series-3)',
      },
    ],
    reference: { values: p, band: p.map((x) => frequencyBand(x, result.n)), label: 'p ± 2 SE' },
  });
}

export function drawNoiseHistogram(
  svg: SVGSVGElement,
  result: ManyDraws,
  k: number,
  width: number,
  height: number,
) {
  drawDensityHistogram(svg, {
    width,
    height,
    low: NOISE_LOW,
    high: NOISE_HIGH,
    counts: result.noiseCounts,
    total: result.n * k,
    density: gumbelPdf,
  });
}
