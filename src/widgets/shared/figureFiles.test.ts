import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { figureFileName, tableToCsv } from './figureFiles';

describe('figureFileName', () => {
  it('is made of the slide and the settings, in the lecture notation', () => {
    expect(figureFileName('temperature', { 'ts.tau': '0.5', 'ts.seed': '7' }, 'png')).toBe(
      'temperature_T-0.5_seed-7.png',
    );
  });

  it('keeps only safe characters', () => {
    const name = figureFileName(
      'toy lab/2',
      { 'lab.preset': 'E[(b − 0.45)²]', p: '0.2,0.3' },
      'csv',
    );
    expect(name).toBe('toy-lab-2_preset-E-b-0.45_p-0.2-0.3.csv');
    expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('leaves out empty settings and stays short', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'value']));
    const name = figureFileName('', { empty: '', ...many }, 'svg');
    expect(name.startsWith('figure_k0-value')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(154);
    expect(name).not.toMatch(/[-_]\.svg$/);
  });
});

describe('tableToCsv', () => {
  it('writes a header, quotes what needs quoting and keeps every digit', () => {
    const rows = [
      { step: 0, estimator: 'REINFORCE, with "baseline"', value: 0.1 + 0.2 },
      { step: 1, estimator: 'ST', value: 1e-20 },
    ];
    const csv = tableToCsv(rows, ['step', 'estimator', 'value']);
    expect(csv.split('\n')[0]).toBe('step,estimator,value');
    expect(csv).toContain('"REINFORCE, with ""baseline"""');
    const back = csvParse(csv);
    expect(back.map((r) => Number(r.value))).toEqual([0.30000000000000004, 1e-20]);
    expect(back[0]!.estimator).toBe(rows[0]!.estimator);
  });
});
