/** d3 drawing for the lab, each function handed its own <svg>. */
import { clearSvg } from '../../plots/frame';
import { axisBottom, bin, scaleLinear } from 'd3';
import { drawLineChart } from '../../plots/lineChart';
import type { LabLineSnapshot } from './labRun';
import { lineColors } from '../shared/estimatorLines';
import type { Distribution, SweepPoint } from './probe';
import type { Moments } from '../../ml/toyEstimates';
import { formatSignificant, formatStatistic, hasNoSpread } from '../shared/precision';

/** Room under a strip for its axis' tick labels. */
export const STRIP_AXIS = 26;

/**
 * A small histogram of one estimator's estimates, with the exact value (black)
 * and their mean (dashed). Every strip shares one domain, so only the last
 * draws the axis (`withAxis`), in the `STRIP_AXIS` below its bars.
 */
export function drawEstimateStrip(
  svg: SVGSVGElement,
  d: Distribution,
  exactValue: number,
  domain: [number, number],
  width: number,
  barsHeight: number,
  withAxis: boolean,
) {
  const height = barsHeight + (withAxis ? STRIP_AXIS : 2);
  const s = clearSvg(svg, width, height);
  const x = scaleLinear()
    .domain(domain)
    .range([16, width - 16])
    .clamp(true);
  const bins = bin().domain(domain).thresholds(30)(
    d.component.map((v) => Math.min(domain[1], Math.max(domain[0], v))),
  );
  const most = Math.max(...bins.map((b) => b.length), 1);
  const y = scaleLinear().domain([0, most]).range([barsHeight, 2]);
  s.append('g')
    .selectAll('rect')
    .data(bins)
    .join('rect')
    .attr('x', (b) => x(b.x0!))
    .attr('width', (b) => Math.max(0, x(b.x1!) - x(b.x0!) - 0.5))
    .attr('y', (b) => y(b.length))
    .attr('height', (b) => y(0) - y(b.length))
    .attr('fill', lineColors[d.name]);
  const mean = d.component.reduce((a, b) => a + b, 0) / d.component.length;
  s.append('line')
    .attr('class', 'strip-exact')
    .attr('x1', x(exactValue))
    .attr('x2', x(exactValue))
    .attr('y1', 0)
    .attr('y2', barsHeight);
  s.append('line')
    .attr('class', 'strip-mean')
    .attr('x1', x(mean))
    .attr('x2', x(mean))
    .attr('y1', 0)
    .attr('y2', barsHeight);
  const baseline = s
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${barsHeight})`);
  // A tick label every 90 px or so: 17 px labels like “−0.25” need about 50.
  if (withAxis)
    baseline.call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(width / 90)))
        .tickSizeOuter(0),
    );
  else baseline.call(axisBottom(x).tickValues([]).tickSizeOuter(0));
}

export function drawTraining(
  svg: SVGSVGElement,
  lines: readonly LabLineSnapshot[],
  which: 'objective' | 'best',
  width: number,
  height: number,
  /** Each line's evaluations of f per step: given, the x axis counts evaluations instead of steps. */
  perStep?: (name: LabLineSnapshot['name']) => number,
) {
  drawLineChart(svg, {
    width,
    height,
    series: lines.map((l) => {
      const ys = which === 'objective' ? l.objective : l.best;
      return {
        name: l.name,
        color: lineColors[l.name],
        xs: perStep ? l.steps.map((t) => t * perStep(l.name)) : l.steps,
        ys,
        dashed: l.name === 'exact',
      };
    }),
    yLabel: which === 'objective' ? 'E f' : 'p(best)',
    xLabel: perStep ? 'evaluations of f' : 'step',
    ...(which === 'best' ? { yDomain: [0, 1] as [number, number] } : {}),
  });
}

export function drawSweep(
  svg: SVGSVGElement,
  points: readonly SweepPoint[],
  width: number,
  height: number,
) {
  const taus = points.map((p) => p.tau);
  drawLineChart(svg, {
    width,
    height,
    logX: true,
    xLabel: 'T',
    yLabel: 'bias, sd',
    series: [
      {
        name: 'GS bias',
        color: lineColors['gumbel-softmax'],
        xs: taus,
        ys: points.map((p) => p.gumbel.bias),
      },
      {
        name: 'GS sd',
        color: lineColors['gumbel-softmax'],
        xs: taus,
        ys: points.map((p) => p.gumbel.sd),
        dashed: true,
      },
      {
        name: 'ST-GS bias',
        color: lineColors['st-gumbel-softmax'],
        xs: taus,
        ys: points.map((p) => p.straightThrough.bias),
      },
      {
        name: 'ST-GS sd',
        color: lineColors['st-gumbel-softmax'],
        xs: taus,
        ys: points.map((p) => p.straightThrough.sd),
        dashed: true,
      },
    ],
  });
}

/**
 * Bias, sd and SNR of one estimator's estimates, as shown beside its strip.
 * A bias or sd at float32 round-off of the estimates' size is shown as 0, and
 * when every estimate is the same the SNR, a ratio of round-off, is “—”.
 */
export function formatMoments(m: Moments, separator: string): string {
  const size = Math.hypot(...m.mean);
  const noSpread = hasNoSpread(m.sd, size);
  return [
    `bias ${hasNoSpread(m.bias, size) ? '0' : formatStatistic(m.bias)}`,
    `sd ${noSpread ? '0' : formatStatistic(m.sd)}`,
    `SNR ${noSpread ? '—' : formatSignificant(m.snr)}`,
  ].join(separator);
}

/** The sd alone, as a compact strip shows it (see `formatMoments`). */
export function formatSd(m: Moments): string {
  return `sd ${hasNoSpread(m.sd, Math.hypot(...m.mean)) ? '0' : formatStatistic(m.sd)}`;
}
