/** Grouped bars over categories, optionally with a reference mark and a ± band per category. */
import { axisBottom, axisLeft, scaleBand, scaleLinear, type ScaleLinear } from 'd3';
import { chartFrame, frameWithYAxis, labelRoom, tickCount, type Frame, type Margin } from './frame';

export interface BarSeries {
  name: string;
  values: readonly number[];
  /** A CSS colour or variable. */
  color: string;
}

export interface CategoryBarsOptions {
  width: number;
  height: number;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Reference values drawn as a horizontal tick over each category (e.g. the true π). */
  reference?: { values: readonly number[]; band?: readonly number[]; label: string };
  /** Category to outline (e.g. the argmax). */
  highlight?: number;
  yDomain?: [number, number];
  /** The y axis' name, above its top tick label. */
  yLabel?: string;
  /** False: no y axis (a small multiple whose scale the caption gives). */
  yAxis?: boolean;
  /** Room around the plot; the left is measured from the y axis' labels. */
  margin?: Partial<Omit<Margin, 'left'>>;
}

export function drawCategoryBars(
  svg: SVGSVGElement,
  o: CategoryBarsOptions,
): Frame & {
  x: (i: number) => number;
  bandwidth: number;
  y: ScaleLinear<number, number>;
  /** Where the plot starts inside the svg. */
  offset: { left: number; top: number };
} {
  const room = labelRoom({ yLabel: !!o.yLabel });
  const all = o.series.flatMap((s) => s.values).concat(o.reference?.values ?? []);
  const domain = o.yDomain ?? [Math.min(0, ...all), Math.max(...all, 0) * 1.08 || 1];
  let y = scaleLinear().domain(domain).nice();
  const hasLabels = o.categories.some((c) => c !== '');
  const margin = {
    top: room.top,
    right: 8,
    bottom: hasLabels ? room.bottom : 2,
    ...o.margin,
  };
  const frame: Frame & { left: number } =
    o.yAxis === false
      ? { ...chartFrame(svg, o.width, o.height, { ...margin, left: 2 }), left: 2 }
      : frameWithYAxis(svg, o.width, o.height, margin, (axis, plotHeight) => {
          y = y.range([plotHeight, 0]);
          axis.call(axisLeft(y).ticks(tickCount(plotHeight, 36)));
        });
  const { root, width, height } = frame;
  y = y.range([height, 0]);
  const x = scaleBand<number>()
    .domain(o.categories.map((_, i) => i))
    .range([0, width])
    .padding(0.2);
  const inner = scaleBand<number>()
    .domain(o.series.map((_, i) => i))
    .range([0, x.bandwidth()])
    .padding(0.08);
  /** y(v) kept inside the plot: a band or bar beyond the axis stops at its end. */
  const yIn = (v: number) => Math.min(height, Math.max(0, y(v)));
  // The categories along the bottom, under every bar (also under negative
  // ones), without tick marks (the bars mark them, and a bar's drag grip at
  // zero would sit on one), and a line at zero when bars go both ways.
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${height})`)
    .call(
      axisBottom(x)
        .tickFormat((i) => o.categories[i] ?? '')
        .tickSize(0)
        .tickPadding(8),
    );
  if (y(0) < height - 0.5) {
    root
      .append('line')
      .attr('class', 'zero-line')
      .attr('x1', 0)
      .attr('x2', width)
      .attr('y1', y(0))
      .attr('y2', y(0));
  }
  if (o.yLabel)
    root
      .append('text')
      .attr('class', 'axis-label')
      .attr('x', 2 - frame.left)
      .attr('y', -15)
      .text(o.yLabel);
  if (o.highlight !== undefined) {
    root
      .append('rect')
      .attr('class', 'highlight')
      .attr('x', (x(o.highlight) ?? 0) - 3)
      .attr('width', x.bandwidth() + 6)
      .attr('y', 0)
      .attr('height', height);
  }
  o.series.forEach((s, si) => {
    root
      .append('g')
      .selectAll('rect')
      .data(s.values)
      .join('rect')
      .attr('x', (_, i) => (x(i) ?? 0) + (inner(si) ?? 0))
      .attr('width', inner.bandwidth())
      .attr('y', (v) => yIn(Math.max(0, v)))
      .attr('height', (v) => Math.abs(yIn(v) - yIn(0)))
      .attr('fill', s.color);
  });
  if (o.reference) {
    const ref = o.reference;
    const g = root.append('g').attr('class', 'reference');
    if (ref.band) {
      g.selectAll('rect')
        .data(ref.values)
        .join('rect')
        .attr('class', 'band')
        .attr('x', (_, i) => x(i) ?? 0)
        .attr('width', x.bandwidth())
        .attr('y', (v, i) => yIn(v + ref.band![i]!))
        .attr('height', (v, i) =>
          Math.max(1, yIn(Math.max(0, v - ref.band![i]!)) - yIn(v + ref.band![i]!)),
        );
    }
    g.selectAll('line')
      .data(ref.values)
      .join('line')
      .attr('x1', (_, i) => x(i) ?? 0)
      .attr('x2', (_, i) => (x(i) ?? 0) + x.bandwidth())
      .attr('y1', (v) => yIn(v))
      .attr('y2', (v) => yIn(v));
  }
  return {
    ...frame,
    x: (i) => x(i) ?? 0,
    bandwidth: x.bandwidth(),
    y,
    offset: { left: frame.left, top: margin.top },
  };
}
