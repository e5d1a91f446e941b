/** Lines over a shared x axis (linear or log), e.g. training curves or a τ sweep. */
import { axisBottom, axisLeft, extent, line, max, min, scaleLinear, scaleLog } from 'd3';
import { chartFrame } from './frame';

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
}

export function drawLineChart(svg: SVGSVGElement, o: LineChartOptions) {
  const { root, width, height } = chartFrame(svg, o.width, o.height, {
    top: 10,
    right: 10,
    bottom: 26,
    left: 46,
  });
  // d3's reductions loop: a training curve can have 1e5 points, too many to spread into Math.max.
  const [xMin = 0, xMax = xMin + 1] = extent(
    o.series.flatMap((s) => extent(s.xs)),
    (v) => v ?? NaN,
  );
  const x = (o.logX ? scaleLog() : scaleLinear())
    .domain([xMin, Math.max(xMax, xMin + 1)])
    .range([0, width]);
  const finite = (v: number) => (Number.isFinite(v) ? v : NaN); // d3 skips NaN, not ±∞
  const yLow = min(o.series, (s) => min(s.ys, finite));
  const yHigh = max(o.series, (s) => max(s.ys, finite));
  const yDomain = o.yDomain ?? [Math.min(0, yLow ?? 0), Math.max(yHigh ?? 1e-9, 1e-9) * 1.05];
  const y = scaleLinear().domain(yDomain).nice().range([height, 0]);
  root.append('g').attr('class', 'axis').call(axisLeft(y).ticks(4));
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height})`)
    .call(axisBottom(x).ticks(4, o.logX ? '~g' : undefined));
  if (o.yLabel)
    root.append('text').attr('class', 'axis-label').attr('x', -42).attr('y', -2).text(o.yLabel);
  if (o.xLabel)
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', width)
      .attr('y', height - 4)
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
