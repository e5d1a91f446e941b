import { select, type Selection } from 'd3';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Frame {
  root: Selection<SVGGElement, unknown, null, undefined>;
  width: number;
  height: number;
}

/**
 * Sizes `svg` (which React owns) to width × height and empties it, for a fresh
 * drawing. Children marked `data-persistent` stay: a drag handle must outlive
 * redraws, or removing it would end its pointer capture and its focus.
 */
export function clearSvg(svg: SVGSVGElement, width: number, height: number) {
  const s = select(svg)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height);
  s.selectChildren(':not([data-persistent])').remove();
  return s;
}

/**
 * Clears `svg` and returns an inner group inset by `margin`: every chart draws
 * into the element it is handed, never into the document.
 */
export function chartFrame(
  svg: SVGSVGElement,
  width: number,
  height: number,
  margin: Margin,
): Frame {
  const root = clearSvg(svg, width, height)
    .append('g')
    .attr('transform', `translate(${margin.left},${margin.top})`);
  return {
    root,
    width: width - margin.left - margin.right,
    height: height - margin.top - margin.bottom,
  };
}

/**
 * The room a chart leaves around its plot for labels of `fontPx` (the figures'
 * text size): tick lines of 6 px, 3 px of padding, and a line of text. The top
 * holds the y axis' name above the top tick label; the bottom the tick labels
 * and, below them, the x axis' name.
 */
export function labelRoom(options: { yLabel?: boolean; xLabel?: boolean; fontPx?: number }) {
  const line = Math.ceil((options.fontPx ?? FIGURE_TEXT_PX) * 1.25);
  return {
    top: options.yLabel ? line + 14 : 12,
    bottom: 9 + line + (options.xLabel ? line : 2),
  };
}

/** The smallest text of the figures in CSS px (widget.css's --figure-text). */
export const FIGURE_TEXT_PX = 17;

/**
 * The width of a tick label at the figures' text size, estimated from its
 * characters (digits are about 0.64 em wide in the sans-serif fonts the deck
 * uses, a point 0.32 em, a minus 0.84 em) rather than measured: measuring
 * (getBBox) forces a layout of the page on every redraw, which slowed the
 * training figures' step-by-step redraws, and an estimate gives the same
 * drawing in every browser.
 */
export function labelWidth(text: string, fontPx = FIGURE_TEXT_PX): number {
  let em = 0;
  for (const c of text)
    em += /[0-9]/.test(c)
      ? 0.64
      : c === '.' || c === ','
        ? 0.32
        : c === '−' || c === '-'
          ? 0.84
          : 0.7;
  return em * fontPx;
}

/**
 * Clears `svg` and frames a plot whose left margin is what its y axis needs:
 * `drawYAxis` draws the axis (given the plot's height) into a group, and the
 * margin is made from its longest tick label, so that longer labels ("−0.25",
 * "1000") get more room and none is cut off or runs into the axis' name.
 */
export function frameWithYAxis(
  svg: SVGSVGElement,
  width: number,
  height: number,
  margin: Omit<Margin, 'left'>,
  drawYAxis: (axis: Selection<SVGGElement, unknown, null, undefined>, plotHeight: number) => void,
  /** Keep the frame this function drew into `svg` last time, if it is still all there is (see `keptFrames`). */
  reuse = false,
): Frame & { left: number; reused: boolean } {
  const kept = reuse ? keptFrames.get(svg) : undefined;
  const reused = kept !== undefined && svg.childElementCount === 1 && kept.parentNode === svg;
  let root: Selection<SVGGElement, unknown, null, undefined>;
  let axis: Selection<SVGGElement, unknown, null, undefined>;
  if (reused) {
    select(svg)
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('width', width)
      .attr('height', height);
    root = select(kept);
    axis = root.select<SVGGElement>(':scope > g.axis--y');
  } else {
    root = clearSvg(svg, width, height).append('g');
    axis = root.append('g').attr('class', 'axis axis--y');
    keptFrames.set(svg, root.node()!);
  }
  const plotHeight = height - margin.top - margin.bottom;
  drawYAxis(axis, plotHeight);
  const widest = Math.max(
    0,
    ...axis
      .selectAll<SVGTextElement, unknown>('.tick text')
      .nodes()
      .map((t) => labelWidth(t.textContent ?? '')),
  );
  // Tick line 6 px, padding 3 px (d3's defaults), and 3 px to the svg's edge.
  const left = Math.ceil(widest + 12);
  root.attr('transform', `translate(${left},${margin.top})`);
  return { root, width: width - left - margin.right, height: plotHeight, left, reused };
}

/**
 * The frame each svg was last given by `frameWithYAxis`: a chart redrawn with
 * every training snapshot updates its elements in place (d3's axes join their
 * ticks) instead of building them anew, which spares the page a style and
 * layout pass over every element of the chart each frame.
 */
const keptFrames = new WeakMap<SVGSVGElement, SVGGElement>();

/** Tick counts that leave about `spacing` px per label along an axis of `length` px. */
export const tickCount = (length: number, spacing: number) =>
  Math.max(2, Math.floor(length / spacing));
