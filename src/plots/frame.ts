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
