/** Plot helpers driven inside the page by the browser tests (re-exported by mlTestApi). */
import { drawLineChart } from '../plots/lineChart';

/**
 * Draws one line of `n` points (x = i, y = sin i) into a detached <svg>; returns
 * how many points its path has, the lowest and highest y of its points (px),
 * and the y axis' tick labels with their y (px), or the error's name.
 */
export function longLineChart(
  n: number,
):
  | { points: number; pathY: [number, number]; ticks: string[]; tickY: Record<string, number> }
  | { error: string } {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const xs = Array.from({ length: n }, (_, i) => i);
  const ys = xs.map((i) => Math.sin(i));
  try {
    drawLineChart(svg, {
      width: 400,
      height: 200,
      series: [{ name: 'long', color: 'red', xs, ys }],
    });
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  const d = svg.querySelector('path.line-series')?.getAttribute('d') ?? '';
  const pathYs = [...d.matchAll(/[ML][^,]+,([-\d.e]+)/g)].map((m) => Number(m[1]));
  const tickY: Record<string, number> = {};
  for (const tick of svg.querySelectorAll('.axis--y .tick')) {
    const at = /translate\(0,([-\d.e]+)\)/.exec(tick.getAttribute('transform') ?? '');
    tickY[tick.textContent ?? ''] = Number(at?.[1]);
  }
  return {
    points: (d.match(/[ML]/g) ?? []).length,
    pathY: [Math.min(...pathYs), Math.max(...pathYs)],
    ticks: [...svg.querySelectorAll('.axis text')].map((t) => t.textContent ?? ''),
    tickY,
  };
}
