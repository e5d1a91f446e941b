import { describe, expect, test } from 'vitest';
import { pairsInOrder, tableMarkdown } from './paperTableMarkdown';
import { paperTable1 } from '../../src/widgets/paper-table/paperNumbers';

const cell = (
  estimator: 'reinforce' | 'gumbel-softmax',
  mean: number | null,
  values: number[],
) => ({
  task: 'vae-categorical' as const,
  estimator,
  values,
  mean,
  spread: values.length > 1 ? 1 : null,
  steps: 2000,
  seeds: 3,
  stopped: 3 - values.length,
  learningRate: 3e-3,
  optimizer: 'Adam' as const,
});

describe('the paper-table Markdown', () => {
  test('counts the pairs in the same order, ties in the paper left out', () => {
    expect(pairsInOrder([1, 2, 3], [10, 30, 20])).toEqual({ same: 2, pairs: 3 });
    expect(pairsInOrder([1, 1, 3], [5, 4, 6])).toEqual({ same: 2, pairs: 2 });
  });

  test('puts the paper and the browser row by row, with spread, stopped seeds and the ranking', () => {
    const md = tableMarkdown({
      snapshot: { cells: [cell('reinforce', 40, [39, 40, 41]), cell('gumbel-softmax', 42, [42])] },
      facts: {
        estimators: [
          { id: 'reinforce', label: 'REINFORCE', column: 'SF' },
          { id: 'gumbel-softmax', label: 'Gumbel-Softmax', column: 'Gumbel-S.' },
        ],
        paper: paperTable1,
        tasks: {
          'vae-categorical': {
            label: 'VAE, categorical',
            objective: '−ELBO',
            latents: 8,
            classes: 4,
          },
          'sbn-bernoulli': { label: 'SBN, Bernoulli', objective: 'NLL', latents: 32, classes: 2 },
        } as never,
      },
      settings: { tasks: ['vae-categorical'], seeds: 3, steps: 2000, learningRates: [3e-3] },
      left: [{ task: 'sbn-bernoulli', error: 'not yet' }],
      backend: 'wasm',
      machine: '2 × CPU',
      wallSeconds: 600,
    });
    expect(md).toContain('| Task | | SF | Gumbel-S. |');
    expect(md).toContain('| VAE, categorical (−ELBO) | paper | 110.6 | 101.5 |');
    expect(md).toContain('| | browser | 40.0 ± 1.0 | 42.0 (2 of 3 stopped) |');
    expect(md).toContain('wall time 10.0 min');
    expect(md).toContain('Not run: not yet');
    expect(md).toContain('paper Gumbel-S. < SF; browser SF < Gumbel-S. (0 of 1 pairs');
  });
});
