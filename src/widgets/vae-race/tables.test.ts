import { describe, expect, it } from 'vitest';
import { raceCurvesTable } from './tables';

describe('the race table', () => {
  it('lists the training curves, then the held-out ones, ending with the last held-out value', () => {
    const history = (name: 'reinforce' | 'gumbel-softmax', v: number) => ({
      name,
      train: { steps: [10, 20], values: [v, v + 1] },
      heldOut: { steps: [0, 100], values: [v + 2, v + 3] },
      stopped: null,
    });
    const rows = raceCurvesTable([history('reinforce', 1), history('gumbel-softmax', 5)]);
    expect(rows.map((r) => r.curve)).toEqual([
      ...Array(4).fill('training'),
      ...Array(4).fill('held-out'),
    ]);
    expect(rows.at(-1)).toEqual({
      step: 100,
      estimator: 'Gumbel-Softmax',
      curve: 'held-out',
      neg_elbo: 8,
    });
    expect(rows[0]).toEqual({ step: 10, estimator: 'REINFORCE', curve: 'training', neg_elbo: 1 });
  });
});
