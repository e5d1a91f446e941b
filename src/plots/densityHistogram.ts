/** A histogram of counts over equal bins with a density curve on top (both as densities). */
import { axisBottom, axisLeft, line, scaleLinear } from 'd3';
import { frameWithYAxis, labelRoom, tickCount } from './frame';

export interface DensityHistogramOptions {
  width: number;
  height: number;
  low: number;
  high: number;
  counts: readonly number[];
  /** Number of values in all, including those outside [low, high). */
  total: number;
  density: (x: number) => number;
  xLabel?: string;
}

export function drawDensityHistogram(svg: SVGSVGElement, o: DensityHistogramOptions) {
  const room = labelRoom({ xLabel: !!o.xLabel });
  const binWidth = (o.high - o.low) / o.counts.length;
  const heights = o.counts.map((c) => c / (Math.max(o.total, 1) * binWidth));
  const curve = Array.from({ length: 121 }, (_, i) => o.low + ((o.high - o.low) * i) / 120);
  let y = scaleLinear()
    .domain([0, Math.max(...heights, ...curve.map(o.density)) * 1.08 || 1])
    .nice();
  const { root, width, height } = frameWithYAxis(
    svg,
    o.width,
    o.height,
    { top: room.top, right: 12, bottom: room.bottom },
    (axis, plotHeight) => {
      y = y.range([plotHeight, 0]);
      axis.call(axisLeft(y).ticks(tickCount(plotHeight, 36)));
    },
  );
  const x = scaleLinear().domain([o.low, o.high]).range([0, width]);
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height})`)
    .call(axisBottom(x).ticks(tickCount(width, 50)));
  root
    .append('g')
    .selectAll('rect')
    .data(heights)
    .join('rect')
    .attr('class', 'histogram-bar')
    .attr('x', (_, i) => x(o.low + i * binWidth) + 0.5)
    .attr('width', Math.max(0, x(o.low + binWidth) - x(o.low) - 1))
    .attr('y', (h) => y(h))
    .attr('height', (h) => height - y(h));
  root
    .append('path')
    .attr('class', 'density-curve')
    .attr(
      'd',
      line<number>()
        .x((v) => x(v))
        .y((v) => y(o.density(v)))(curve),
    );
  if (o.xLabel) {
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', width)
      .attr('y', height + room.bottom - 6)
      .attr('text-anchor', 'end')
      .text(o.xLabel);
  }
}
