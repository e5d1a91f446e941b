/** d3 drawing of the estimator graphs into the <svg> React hands over. */
import { clearSvg } from '../../plots/frame';
import type { Graph, GraphNode, Phase } from './model';

/** A node as wide as its label (12 px text is about 6.6 px a character), within the panel. */
const nodeWidth = (label: string, panelWidth: number) =>
  Math.min(panelWidth - 4, Math.max(44, label.length * 6.6 + 14));

/** Draws the graphs side by side in a `width` × `height` box. */
export function drawGraphs(
  svg: SVGSVGElement,
  graphs: readonly Graph[],
  phase: Phase,
  width: number,
  height: number,
) {
  const s = clearSvg(svg, width, height);
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
  const panelW = width / graphs.length;
  graphs.forEach((graph, gi) => {
    const panel = s
      .append('g')
      .attr('class', 'graph-panel')
      .attr('data-graph', graph.id)
      .attr('transform', `translate(${gi * panelW},0)`);
    const pw = panelW - 12;
    const ph = height - 28;
    const at = (node: GraphNode) => ({ x: 6 + node.x * pw, y: 28 + node.y * ph });
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    panel
      .append('text')
      .attr('class', 'graph-title')
      .attr('x', panelW / 2)
      .attr('y', 16)
      .attr('text-anchor', 'middle')
      .text(graph.title);

    const edge = (fromId: string, toId: string, offset: number) => {
      const a = at(byId.get(fromId)!);
      const b = at(byId.get(toId)!);
      const dy = b.y - a.y;
      const gap = 15;
      const sign = Math.sign(dy) || 1;
      return { x1: a.x + offset, y1: a.y + sign * gap, x2: b.x + offset, y2: b.y - sign * gap };
    };
    if (phase !== 'structure') {
      for (const [from, to] of graph.forward) {
        const e = edge(from, to, phase === 'backward' ? -6 : 0);
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
        const e = edge(b.from, b.to, 6);
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
        const label = panel
          .append('text')
          .attr(
            'class',
            `edge-label${b.replaced ? ' edge-label--replaced' : ''}${b.blocked ? ' edge-label--blocked' : ''}`,
          )
          .attr('x', (e.x1 + e.x2) / 2 + 9)
          .attr('y', (e.y1 + e.y2) / 2 + 4)
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
          .attr('ry', 14);
      else
        g.append('rect')
          .attr('x', -nodeW / 2)
          .attr('y', -14)
          .attr('width', nodeW)
          .attr('height', 28)
          .attr('rx', node.kind === 'parameter' ? 14 : 3);
      g.append('text').attr('text-anchor', 'middle').attr('y', 5).text(node.label);
    }
  });
}
