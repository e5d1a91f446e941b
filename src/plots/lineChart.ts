/** Lines over a shared x axis (linear or log), e.g. training curves or a τ sweep. */
import { axisBottom, axisLeft, extent, line, max, min, scaleLinear, scaleLog, select } from 'd3';
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
  const { root, width, height, left, reused } = frameWithYAxis(
    svg,
    o.width,
    o.height,
    { top: room.top, right: 14, bottom: room.bottom },
    (axis, plotHeight) => {
      y = y.range([plotHeight, 0]);
      axis.call(axisLeft(y).ticks(tickCount(plotHeight, 36)));
    },
    true,
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
  // Redrawn into the chart it drew before (the same labels), its elements are updated in place.
  const labels = root.selectChildren<SVGTextElement, unknown>('text.axis-label');
  const again = reused && labels.size() === Number(!!o.yLabel) + Number(!!o.xLabel);
  if (reused && !again) root.selectChildren(':not(.axis--y)').remove();
  const xAxis = again
    ? root.select<SVGGElement>(':scope > g.axis:not(.axis--y)')
    : root.append('g').attr('class', 'axis');
  xAxis
    .attr('transform', `translate(0,${height})`)
    // Steps or evaluations past 10,000 as 20k, 1.5M: "100,000" labels at 17 px crowd each other.
    .call(axisBottom(x).ticks(tickCount(width, 70), o.logX ? '~g' : xMax >= 1e4 ? '~s' : undefined))
    // The first x label starts at the corner instead of centring on it, clear of
    // the lowest y label, which ends just left of the same corner.
    .call((axis) =>
      axis
        .selectAll<SVGTextElement, number>('.tick text')
        .attr('text-anchor', (d) => (x(d) <= 0.5 ? 'start' : null)),
    );
  // The axes' names sit outside the plot, where no curve runs: the y axis'
  // above its top tick label, the x axis' under the tick labels at the right end.
  const [yName, xName] = again ? labels.nodes().map((n) => select(n)) : [];
  if (o.yLabel)
    (yName ?? root.append('text').attr('class', 'axis-label'))
      .attr('x', 2 - left)
      .attr('y', -15)
      .text(o.yLabel);
  if (o.xLabel)
    ((o.yLabel ? xName : yName) ?? root.append('text').attr('class', 'axis-label'))
      .attr('x', width)
      .attr('y', height + room.bottom - 6)
      .attr('text-anchor', 'end')
      .text(o.xLabel);
  const path = line();
  root
    .selectChildren<SVGPathElement, LineSeries>('path.line-series')
    .data(o.series, (s) => s.name)
    .join('path')
    .order()
    .attr('class', 'line-series')
    .attr('data-series', (s) => s.name)
    .attr('fill', 'none')
    .attr('stroke', (s) => s.color)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', (s) => (s.dashed ? '5 3' : null))
    .attr('d', (s) => path(screenPoints(s, x, y, width)));
}

/**
 * A series' points on screen, its non-finite values left out. A series with
 * more points than twice the plot's width (a long training curve) keeps, in
 * each pixel column, only its first, lowest, highest and last point, in their
 * order: the same picture at the screen's resolution, with at most four
 * points a column for d3 to turn into a path each frame.
 */
export function screenPoints(
  s: Pick<LineSeries, 'xs' | 'ys'>,
  x: (v: number) => number,
  y: (v: number) => number,
  width: number,
): [number, number][] {
  const points: [number, number][] = [];
  const n = s.xs.length;
  const add = (i: number) => points.push([x(s.xs[i]!), y(s.ys[i]!)]);
  if (n <= 2 * width) {
    for (let i = 0; i < n; i++) if (Number.isFinite(s.ys[i])) add(i);
    return points;
  }
  let column = NaN;
  let first = -1;
  let low = -1;
  let high = -1;
  let last = -1;
  const flush = () => {
    if (first < 0) return;
    add(first);
    // The lowest and the highest in the order they came; each point once.
    const [a, b] = low < high ? [low, high] : [high, low];
    if (a !== first) add(a);
    if (b !== a && b !== first) add(b);
    if (last !== b && last !== a && last !== first) add(last);
  };
  for (let i = 0; i < n; i++) {
    const v = s.ys[i]!;
    if (!Number.isFinite(v)) continue;
    const c = Math.floor(x(s.xs[i]!));
    if (c !== column) {
      flush();
      column = c;
      first = low = high = last = i;
      continue;
    }
    if (v < s.ys[low]!) low = i;
    if (v > s.ys[high]!) high = i;
    last = i;
  }
  flush();
  return points;
}
