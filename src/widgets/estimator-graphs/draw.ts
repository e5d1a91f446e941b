/** d3 drawing of the estimator graphs into the <svg> React hands over. */
import { clearSvg } from '../../plots/frame';
import type { Graph, GraphNode, Phase } from './model';

/**
 * Text sizes in SVG units; the figure is drawn at its container's width, so
 * one unit is one CSS pixel. 17 px stays ≥ 16 px on a 1280×720 stage (scale
 * 0.96) and is the phone page's body size.
 */
const TEXT = 17;
const TITLE = 19;
const LINE = 23;
/** Width of a text in SVG units, estimated at 0.6 em a character (DejaVu Sans, the widest usual font). */
const textWidth = (text: string, size = TEXT) => text.length * size * 0.6;
const NODE_HEIGHT = 32;
/** A forward and a backward arrow run side by side, this far from the nodes' centre line. */
const LANE = 6;
/** Gap between an arrow and its label. */
const LABEL_GAP = 8;

/** Where each graph goes: panels in one row (a slide) or stacked (a narrow screen). */
export interface GraphLayout {
  width: number;
  height: number;
  panels: { x: number; y: number; width: number; height: number; titleLines: string[] }[];
  /** Height of the title block (title lines and note), the same in every panel of a row. */
  header: number;
}

/** A title split at a space or hyphen into lines that fit `width`. */
function titleLines(title: string, width: number): string[] {
  if (textWidth(title, TITLE) <= width) return [title];
  const cut = Math.max(title.lastIndexOf(' '), title.lastIndexOf('-') + 1 || -1);
  return cut > 0 ? [title.slice(0, cut).trim(), title.slice(cut).trim()] : [title];
}

/**
 * One row of panels, each as wide as its `weight` asks, when `width` gives
 * every graph room; otherwise one panel under another, each as wide as the
 * figure and as tall as its rows of nodes need.
 */
export function layoutGraphs(
  graphs: readonly Graph[],
  width: number,
  rowHeight: number,
): GraphLayout {
  const total = graphs.reduce((sum, g) => sum + g.weight, 0);
  const unit = width / total;
  if (unit >= 150 || graphs.length === 1) {
    let x = 0;
    const lines = graphs.map((g) => titleLines(g.title, g.weight * unit - 24));
    const header = Math.max(...graphs.map((g, i) => lines[i]!.length + (g.note ? 1 : 0))) * LINE;
    const panels = graphs.map((g, i) => {
      const panel = { x, y: 0, width: g.weight * unit, height: rowHeight, titleLines: lines[i]! };
      x += panel.width;
      return panel;
    });
    return { width, height: rowHeight, panels, header };
  }
  let y = 0;
  const header = 2 * LINE;
  const panels = graphs.map((g) => {
    const rows = new Set(g.nodes.map((node) => node.y)).size;
    const height = header + rows * 72 + 28;
    const panel = { x: 0, y, width, height, titleLines: titleLines(g.title, width - 24) };
    y += height;
    return panel;
  });
  return { width, height: y, panels, header };
}

/** A node as wide as its label, within the panel. */
const nodeWidth = (label: string, panelWidth: number) =>
  Math.min(panelWidth - 4, Math.max(44, textWidth(label) + 16));

/** Draws the graphs as `layout` places them. */
export function drawGraphs(
  svg: SVGSVGElement,
  graphs: readonly Graph[],
  phase: Phase,
  layout: GraphLayout,
) {
  const s = clearSvg(svg, layout.width, layout.height);
  const defs = s.append('defs');
  for (const [id, cls] of [
    ['arrow-forward', 'edge-forward'],
    ['arrow-backward', 'edge-backward'],
  ] as const) {
    defs
      .append('marker')
      .attr('id', id)
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 9)
      .attr('refY', 5)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('class', `${cls}-head`)
      .attr('d', 'M0,0 L10,5 L0,10 z');
  }
  graphs.forEach((graph, gi) => {
    const box = layout.panels[gi]!;
    const panel = s
      .append('g')
      .attr('class', 'graph-panel')
      .attr('data-graph', graph.id)
      .attr('transform', `translate(${box.x},${box.y})`);
    const pw = box.width - 12;
    const top = layout.header + 8 + NODE_HEIGHT / 2;
    const ph = box.height - top - NODE_HEIGHT / 2 - 4;
    const at = (node: GraphNode) => ({ x: 6 + node.x * pw, y: top + node.y * ph });
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    box.titleLines.forEach((line, i) =>
      panel
        .append('text')
        .attr('class', 'graph-title')
        .attr('x', box.width / 2)
        .attr('y', TITLE + i * LINE)
        .attr('text-anchor', 'middle')
        .text(line),
    );
    if (graph.note)
      panel
        .append('text')
        .attr('class', 'graph-note')
        .attr('x', box.width / 2)
        .attr('y', TITLE - 2 + box.titleLines.length * LINE)
        .attr('text-anchor', 'middle')
        .text(graph.note);
    const edge = (fromId: string, toId: string, offset: number) => {
      const a = at(byId.get(fromId)!);
      const b = at(byId.get(toId)!);
      const dy = b.y - a.y;
      const gap = NODE_HEIGHT / 2 + 1;
      const sign = Math.sign(dy) || 1;
      return { x1: a.x + offset, y1: a.y + sign * gap, x2: b.x + offset, y2: b.y - sign * gap };
    };
    if (phase !== 'structure') {
      for (const [from, to] of graph.forward) {
        const e = edge(from, to, phase === 'backward' ? -LANE : 0);
        panel
          .append('line')
          .attr('class', 'edge-forward')
          .attr('x1', e.x1)
          .attr('y1', e.y1)
          .attr('x2', e.x2)
          .attr('y2', e.y2)
          .attr('marker-end', 'url(#arrow-forward)');
      }
    }
    if (phase === 'backward') {
      for (const b of graph.backward) {
        const e = edge(b.from, b.to, LANE);
        const cls = b.blocked
          ? 'edge-backward edge-blocked'
          : b.replaced
            ? 'edge-backward edge-replaced'
            : 'edge-backward';
        panel
          .append('line')
          .attr('class', cls)
          .attr('x1', e.x1)
          .attr('y1', e.y1)
          .attr('x2', e.x2)
          .attr('y2', e.y2)
          .attr('marker-end', b.blocked ? null : 'url(#arrow-backward)');
        // Left labels clear the forward arrow, which runs 2 × LANE to the left.
        const left = b.side === 'left';
        const label = panel
          .append('text')
          .attr(
            'class',
            `edge-label${b.replaced ? ' edge-label--replaced' : ''}${b.blocked ? ' edge-label--blocked' : ''}`,
          )
          .attr('x', (e.x1 + e.x2) / 2 + (left ? -2 * LANE - LABEL_GAP : LABEL_GAP))
          .attr('y', (e.y1 + e.y2) / 2 + TEXT * 0.35)
          .attr('text-anchor', left ? 'end' : 'start')
          .text(b.blocked ? `✕ ${b.label}` : b.label);
        label
          .append('title')
          .text(b.replaced ? `${b.label}: the true derivative is replaced` : b.label);
      }
    }
    for (const node of graph.nodes) {
      const { x, y } = at(node);
      const g = panel
        .append('g')
        .attr('class', `graph-node graph-node--${node.kind}`)
        .attr('transform', `translate(${x},${y})`);
      const nodeW = nodeWidth(node.label, pw);
      if (node.kind === 'stochastic')
        g.append('ellipse')
          .attr('rx', nodeW / 2 + 4)
          .attr('ry', NODE_HEIGHT / 2);
      else
        g.append('rect')
          .attr('x', -nodeW / 2)
          .attr('y', -NODE_HEIGHT / 2)
          .attr('width', nodeW)
          .attr('height', NODE_HEIGHT)
          .attr('rx', node.kind === 'parameter' ? NODE_HEIGHT / 2 : 3);
      g.append('text')
        .attr('text-anchor', 'middle')
        .attr('y', TEXT * 0.35)
        .text(node.label);
    }
  });
}
