import { describe, expect, it } from 'vitest';
import { cellText, notRunText, paperText, tableColumns } from './cells';
import type { TableCell } from './tableJob';

const cell = (patch: Partial<TableCell>): TableCell => ({
  task: 'vae-categorical',
  estimator: 'gumbel-softmax',
  values: [],
  mean: null,
  spread: null,
  steps: 2000,
  seeds: 3,
  stopped: 0,
  learningRate: 3e-3,
  optimizer: 'Adam',
  ...patch,
});

describe('a cell of ours', () => {
  it('of a binary-only estimator on a categorical task is empty and says why', () => {
    for (const task of ['vae-categorical', 'sbn-categorical'] as const)
      for (const e of ['arm', 'disarm'] as const) {
        const text = notRunText(task, e)!;
        expect(text.value).toBe('—');
        expect(text.full).toMatch(/binary latents only \(K = 2\).*K = 4/);
      }
    expect(notRunText('vae-bernoulli', 'arm')).toBeNull();
    expect(notRunText('vae-categorical', 'gumbel-softmax')).toBeNull();
  });

  it('shows the mean ± spread over its seeds, and says everything behind it in one sentence', () => {
    const text = cellText(cell({ values: [60, 62, 64], mean: 62, spread: 2 }), 3e-3);
    expect(text.value).toBe('62.0 ± 2.0');
    expect(text.detail).toBe('');
    expect(text.full).toBe(
      'VAE, categorical, Gumbel-Softmax: held-out −ELBO 62.00 nats, mean of 3 seeds, standard deviation 2.00; 2000 steps each, Adam, learning rate 0.003.',
    );
  });

  it('names what is particular to it: seeds so far, stopped copies, a learning rate a grid chose', () => {
    expect(cellText(cell({ values: [61], mean: 61 }), 3e-3)).toMatchObject({
      value: '61.0',
      detail: '1 of 3 seeds',
    });
    expect(cellText(cell({ values: [61], mean: 61, stopped: 1 }), null).detail).toBe(
      '2 of 3 seeds · 1 stopped · lr 0.003',
    );
    expect(cellText(cell({ stopped: 3 }), 3e-3)).toMatchObject({ value: 'stopped' });
    expect(cellText(cell({}), null).detail).toBe('');
    expect(cellText(cell({}), 3e-3).value).toBe('…');
    expect(cellText(undefined, 3e-3).value).toBe('—');
  });

  it('before any seed finished, shows the first seed’s held-out value so far, named as such', () => {
    const text = cellText(cell({}), 3e-3, { step: 100, value: 71.234 });
    expect(text).toMatchObject({ value: '71.2', detail: 'after 100 steps', provisional: true });
    expect(text.full).toContain(
      '71.23 nats after 100 of 2000 steps (the first seed, no seed finished yet)',
    );
    // The start's point (step 0) is no value of training; a finished seed's mean wins.
    expect(cellText(cell({}), 3e-3, { step: 0, value: 80 }).value).toBe('…');
    expect(cellText(cell({ values: [61], mean: 61 }), 3e-3, { step: 100, value: 70 }).value).toBe(
      '61.0',
    );
    expect(cellText(cell({ stopped: 1 }), 3e-3, { step: 100, value: 70 }).value).toBe('stopped');
  });
});

describe('the columns', () => {
  it('are the paper’s in its order, then ours the paper has not (‡)', () => {
    const columns = tableColumns(['reinforce', 'rloo']);
    expect(columns.slice(0, 8).map((c) => c.label)).toEqual([
      'SF',
      'SF + baseline†',
      'DARN',
      'MuProp',
      'ST',
      'Annealed ST',
      'Gumbel-S.',
      'ST Gumbel-S.',
    ]);
    expect(columns[0]!.estimator).toBe('reinforce');
    expect(columns.at(-1)).toMatchObject({ estimator: 'rloo', paper: null });
    expect(columns.at(-1)!.label).toMatch(/‡$/);
  });

  it('carry the paper’s numbers, the starred ST Gumbel-Softmax VAE cells included', () => {
    const columns = tableColumns([]);
    expect(paperText('sbn-bernoulli', columns[0]!)).toBe('72.0');
    expect(paperText('vae-categorical', columns[7]!)).toBe('107.8*');
    expect(paperText('vae-bernoulli', columns[1]!)).toBe('—');
  });
});
