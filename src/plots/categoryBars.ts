/** Grouped bars over categories, optionally with a reference mark and a ± band per category. */
import { axisBottom, axisLeft, scaleBand, scaleLinear, type ScaleLinear } from 'd3';
import { chartFrame, type Frame, type Margin } from './frame';

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
  yLabel?: string;
  margin?: Margin;
}

export function drawCategoryBars(
  svg: SVGSVGElement,
  o: CategoryBarsOptions,
): Frame & { x: (i: number) => number; bandwidth: number; y: ScaleLinear<number, number> } {
  const frame = chartFrame(
    svg,
    o.width,
    o.height,
    o.margin ?? { top: 8, right: 8, bottom: 22, left: 40 },
  );
  const { root, width, height } = frame;
  const all = o.series.flatMap((s) => s.values).concat(o.reference?.values ?? []);
  const domain = o.yDomain ?? [Math.min(0, ...all), Math.max(...all, 0) * 1.08 || 1];
  const x = scaleBand<number>()
    .domain(o.categories.map((_, i) => i))
    .range([0, width])
    .padding(0.2);
  const inner = scaleBand<number>()
    .domain(o.series.map((_, i) => i))
    .range([0, x.bandwidth()])
    .padding(0.08);
  const y = scaleLinear().domain(domain).nice().range([height, 0]);
  /** y(v) kept inside the plot: a band or bar beyond the axis stops at its end. */
  const yIn = (v: number) => Math.min(height, Math.max(0, y(v)));
  root.append('g').attr('class', 'axis').call(axisLeft(y).ticks(4));
  root
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${y(0)})`)
    .call(
      axisBottom(x)
        .tickFormat((i) => o.categories[i] ?? '')
        .tickSizeOuter(0),
    );
  if (o.yLabel)
    root.append('text').attr('class', 'axis-label').attr('x', -36).attr('y', -1).text(o.yLabel);
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
  return { ...frame, x: (i) => x(i) ?? 0, bandwidth: x.bandwidth(), y };
}
