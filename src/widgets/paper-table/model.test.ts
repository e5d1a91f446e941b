import { describe, expect, it } from 'vitest';
import { taskIds } from '../../ml/tasks';
import {
  defaultTableSettings,
  durationText,
  formatTableSettings,
  gridCostText,
  jobSettings,
  LEARNING_RATE_GRID,
  parseTableSettings,
  runKey,
  tableSchema,
  totalSteps,
} from './model';

const parse = (query: string) => parseTableSettings(new URLSearchParams(query));

describe('the live table settings', () => {
  it('default to the whole table of the issue: every task, 2,000 steps, 3 seeds, one learning rate', () => {
    const s = { ...defaultTableSettings(), scope: 'table' as const };
    const job = jobSettings(s);
    expect(job.tasks).toEqual(taskIds);
    expect(job).toMatchObject({ steps: 2000, seeds: 3, learningRates: [3e-3] });
    expect(totalSteps(s)).toBe(4 * 3 * 2000);
  });

  it('train the shown task alone with one seed, and never a grid, in scope task', () => {
    const s = { ...parse('table.task=vae-bernoulli&table.grid=1&table.seeds=5').state };
    expect(jobSettings(s)).toMatchObject({
      tasks: ['vae-bernoulli'],
      seeds: 1,
      learningRates: [3e-3],
    });
    expect(jobSettings({ ...s, scope: 'table' }).learningRates).toEqual(LEARNING_RATE_GRID);
  });

  it('read a link, refuse what is out of range with a message, and write back what they used', () => {
    const { state, problems } = parse('table.steps=5&table.task=mlp&table.tasks=vae-categorical');
    expect(state.steps).toBe(10);
    expect(state.task).toBe('vae-categorical');
    expect(state.tasks).toEqual(['vae-categorical']);
    expect(problems['table.steps']).toMatch(/10 to 20000; using 10/);
    expect(problems['table.task']).toMatch(/not a task/);
    expect(parse(new URLSearchParams(formatTableSettings(state)).toString()).state).toEqual(state);
  });

  it('clamp a too large learning rate to the list’s largest choice, and name the rows once', () => {
    const { state, problems } = parse('table.lr=7&table.tasks=vae-categorical,mlp');
    expect(state.learningRate).toBe(Math.max(...tableSchema.learningRate.options!));
    expect(tableSchema.learningRate.options).toContain(state.learningRate);
    expect(problems['table.tasks']).toMatch(/not among the rows/);
    expect(problems['table.tasks']).not.toMatch(/the the/);
  });

  it('start a new job when what it computes changes, not when the shown task changes in the whole table', () => {
    const s = { ...defaultTableSettings(), scope: 'table' as const };
    expect(runKey({ ...s, task: 'sbn-bernoulli' }, 'wasm')).toBe(runKey(s, 'wasm'));
    expect(runKey({ ...s, steps: 100 }, 'wasm')).not.toBe(runKey(s, 'wasm'));
    expect(runKey(s, 'cpu')).not.toBe(runKey(s, 'wasm'));
    const one = defaultTableSettings();
    expect(runKey({ ...one, task: 'sbn-bernoulli' }, 'wasm')).not.toBe(runKey(one, 'wasm'));
  });

  it('say what the grid costs: its factor, and the time at a measured speed', () => {
    const s = defaultTableSettings();
    expect(gridCostText(s, null)).toBe('tries 0.001, 0.003, 0.01: 3 times the training');
    // 24,000 steps at 20 steps/s: 20 min; three times that: 60 min.
    expect(gridCostText(s, 20)).toMatch(/\(about 60 min instead of about 20 min at 20 steps\/s\)$/);
    expect(durationText(42)).toBe('about 40 s');
    expect(durationText(3 * 3600)).toBe('about 3.0 h');
    expect(durationText(Number.NaN)).toBe('unknown');
  });
});
