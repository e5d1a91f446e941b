/** Lines over a shared x axis (linear or log), e.g. training curves or a τ sweep. */
import { axisBottom, axisLeft, extent, line, max, min, scaleLinear, scaleLog } from 'd3';
import { frameWithYAxis, labelRoom, tickCount } from './frame';

export interface LineSeries {
  name: string;
  /** A CSS colour or variable. */
  color: string;
  xs: readonly number[];
  ys: readonly number[];
  dashed?: boolean;
}

export interface LineChartOptions {
  width: number;
  height: number;
  series: readonly LineSeries[];
  logX?: boolean;
  yLabel?: string;
  xLabel?: string;
  yDomain?: [number, number];
  /** The x axis' range; default the series' extent (a chart still empty shows its run's length). */
  xDomain?: [number, number];
}

export function drawLineChart(svg: SVGSVGElement, o: LineChartOptions) {
  const room = labelRoom({ yLabel: !!o.yLabel, xLabel: !!o.xLabel });
  // d3's reductions loop: a training curve can have 1e5 points, too many to spread into Math.max.
  const finite = (v: number) => (Number.isFinite(v) ? v : NaN); // d3 skips NaN, not ±∞
  const yLow = min(o.series, (s) => min(s.ys, finite));
  const yHigh = max(o.series, (s) => max(s.ys, finite));
  const yDomain = o.yDomain ?? [Math.min(0, yLow ?? 0), Math.max(yHigh ?? 1e-9, 1e-9) * 1.05];
  let y = scaleLinear().domain(yDomain).nice();
  const { root, width, height, left } = frameWithYAxis(
    svg,
    o.width,
    o.height,
    { top: room.top, right: 14, bottom: room.bottom },
    (axis, plotHeight) => {
      y = y.range([plotHeight, 0]);
      axis.call(axisLeft(y).ticks(tickCount(plotHeight, 36)));
    },
  );
  const [xMin = 0, xMax = xMin + 1] =
    o.xDomain ??
    extent(
      o.series.flatMap((s) => extent(s.xs)),
      (v) => v ?? NaN,
    );
  const x = (o.logX ? scaleLog() : scaleLinear())
    .domain([xMin, Math.max(xMax, xMin + 1)])
    .range([0, width]);
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height})`)
    // Steps or evaluations past 10,000 as 20k, 1.5M: "100,000" labels at 17 px crowd each other.
    .call(axisBottom(x).ticks(tickCount(width, 70), o.logX ? '~g' : xMax >= 1e4 ? '~s' : undefined))
    // The first x label starts at the corner instead of centring on it, clear of
    // the lowest y label, which ends just left of the same corner.
    .call((axis) =>
      axis
        .selectAll<SVGTextElement, number>('.tick text')
        .filter((d) => x(d) <= 0.5)
        .attr('text-anchor', 'start'),
    );
  // The axes' names sit outside the plot, where no curve runs: the y axis'
  // above its top tick label, the x axis' under the tick labels at the right end.
  if (o.yLabel)
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', 2 - left)
      .attr('y', -15)
      .text(o.yLabel);
  if (o.xLabel)
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', width)
      .attr('y', height + room.bottom - 6)
      .attr('text-anchor', 'end')
      .text(o.xLabel);
  for (const s of o.series) {
    const points = s.xs
      .map((xv, i) => [xv, s.ys[i]!] as const)
      .filter(([, yv]) => Number.isFinite(yv));
    root
      .append('path')
      .attr('class', 'line-series')
      .attr('data-series', s.name)
      .attr('fill', 'none')
      .attr('stroke', s.color)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', s.dashed ? '5 3' : null)
      .attr(
        'd',
        line<readonly [number, number]>()
          .x((p) => x(p[0]))
          .y((p) => y(p[1]))(points),
      );
  }
}
