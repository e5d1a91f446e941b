import { describe, expect, it } from 'vitest';
import { graphs, viewAt } from './model';

describe('estimator graphs', () => {
  it('connect only nodes that exist, and label every backward edge', () => {
    for (const g of graphs) {
      const ids = new Set(g.nodes.map((n) => n.id));
      for (const [a, b] of g.forward)
        expect(ids.has(a) && ids.has(b), `${g.id}: ${a}→${b}`).toBe(true);
      for (const e of g.backward) {
        expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
        expect(e.label.length).toBeGreaterThan(0);
      }
    }
  });

  it('show what each estimator does at the sample', () => {
    const byId = Object.fromEntries(graphs.map((g) => [g.id, g]));
    expect(byId.stochastic!.backward.some((e) => e.blocked)).toBe(true);
    expect(byId['straight-through']!.backward.find((e) => e.from === 'z')).toMatchObject({
      label: '1',
      replaced: true,
    });
    expect(byId['st-gumbel-softmax']!.backward.find((e) => e.from === 'z')).toMatchObject({
      label: '1',
      replaced: true,
    });
    // In Gumbel-Softmax the only stochastic node is the noise, and nothing is blocked or replaced.
    const gs = byId['gumbel-softmax']!;
    expect(gs.nodes.filter((n) => n.kind === 'stochastic').map((n) => n.id)).toEqual(['g']);
    expect(gs.backward.some((e) => e.blocked || e.replaced)).toBe(false);
    // The score function never differentiates through z.
    expect(byId['score-function']!.backward.some((e) => e.from === 'z' || e.to === 'z')).toBe(
      false,
    );
  });

  it('step through structure, forward and backward; the gumbel variant adds ST-GS at step 3', () => {
    expect([0, 1, 2, 7].map((s) => viewAt(s, undefined).phase)).toEqual([
      'structure',
      'forward',
      'backward',
      'backward',
    ]);
    expect(viewAt(0, undefined).graphs).toHaveLength(6);
    expect(viewAt(0, 'gumbel').graphs.map((g) => g.id)).toEqual(['gumbel-softmax']);
    expect(viewAt(3, 'gumbel').graphs.map((g) => g.id)).toEqual([
      'gumbel-softmax',
      'st-gumbel-softmax',
    ]);
  });
});
