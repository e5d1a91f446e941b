/** d3 drawing for the Gumbel-max widget; each function is handed its own <svg>. */
import { drag, pointer } from 'd3';
import { drawCategoryBars } from '../../plots/categoryBars';
import { drawDensityHistogram } from '../../plots/densityHistogram';
import { gumbelPdf } from '../../ml/densities';
import type { Probabilities } from '../../ml/types';
import type { ManyDraws, OneDraw } from './compute';
import { NOISE_HIGH, NOISE_LOW } from './compute';
import { frequencyBand } from './model';

const labels = (k: number) => Array.from({ length: k }, (_, i) => String(i + 1));

/** Bars of π that can be dragged up and down; `onSet(i, value)` gets the new value. */
export function drawProbabilityEditor(
  svg: SVGSVGElement,
  p: Probabilities,
  onSet: (i: number, value: number) => void,
  width: number,
  height: number,
) {
  const chart = drawCategoryBars(svg, {
    width,
    height,
    categories: labels(p.length),
    series: [{ name: 'π', values: p, color: 'var(--series-1)' }],
    yDomain: [0, 1],
    yLabel: 'π',
  });
  // Transparent handles over each column: dragging or clicking sets that class's probability.
  chart.root
    .append('g')
    .selectAll<SVGRectElement, number>('rect')
    .data(p.map((_, i) => i))
    .join('rect')
    .attr('class', 'drag-handle')
    .attr('x', (i) => chart.x(i))
    .attr('width', chart.bandwidth)
    .attr('y', 0)
    .attr('height', chart.height)
    .call(
      drag<SVGRectElement, number>().on('drag', (event, i) => onSet(i, chart.y.invert(event.y))),
    )
    .on('click', function (event: MouseEvent, i) {
      onSet(i, chart.y.invert(pointer(event, this)[1]));
    });
}

export function drawOneDraw(svg: SVGSVGElement, draw: OneDraw, width: number, height: number) {
  drawCategoryBars(svg, {
    width,
    height,
    categories: labels(draw.logP.length),
    series: [
      { name: 'log π', values: draw.logP, color: 'var(--series-1)' },
      { name: 'g', values: draw.noise, color: 'var(--series-2)' },
      { name: 'log π + g', values: draw.perturbed, color: 'var(--series-3)' },
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
    reference: { values: p, band: p.map((x) => frequencyBand(x, result.n)), label: 'π ± 2 SE' },
    yLabel: 'freq.',
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
    xLabel: 'g',
  });
}
