import { describe, expect, it } from 'vitest';
import { layoutGraphs } from './draw';
import { graphs, viewAt } from './model';

/** 17 px text at 0.6 em a character, as the drawing estimates it, plus the box's padding. */
const labelWidth = (label: string) => label.length * 17 * 0.6 + 16;

describe('graph layout', () => {
  it('puts the six graphs in one row on the stage, each panel wide enough for its nodes', () => {
    const layout = layoutGraphs(graphs, 1168, 410);
    expect(layout.panels.map((p) => p.y)).toEqual([0, 0, 0, 0, 0, 0]);
    const total = layout.panels.reduce((sum, p) => sum + p.width, 0);
    expect(total).toBeCloseTo(1168, 6);
    graphs.forEach((g, i) => {
      const panel = layout.panels[i]!;
      for (const node of g.nodes) {
        // The node's box, centred at x of the panel's inner width, stays inside the panel.
        const centre = 6 + node.x * (panel.width - 12);
        const half = labelWidth(node.label) / 2;
        expect(centre - half, `${g.id} ${node.id}`).toBeGreaterThanOrEqual(0);
        expect(centre + half, `${g.id} ${node.id}`).toBeLessThanOrEqual(panel.width);
      }
    });
  });

  it('stacks the graphs on a phone, one under another, at the full width', () => {
    const layout = layoutGraphs(graphs, 366, 410);
    expect(layout.panels.every((p) => p.width === 366 && p.x === 0)).toBe(true);
    const ys = layout.panels.map((p) => p.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(layout.height).toBe(ys.at(-1)! + layout.panels.at(-1)!.height);
  });

  it('keeps the two Gumbel-Softmax graphs side by side in the split slide’s column', () => {
    const layout = layoutGraphs(viewAt(3, 'gumbel').graphs, 564, 430);
    expect(layout.panels.map((p) => p.y)).toEqual([0, 0]);
  });
});
