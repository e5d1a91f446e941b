import { describe, expect, it } from 'vitest';
import { labCurvesTable, labEstimatesTable, labSweepTable } from './tables';
import type { LabLineSnapshot } from './labRun';

const line = (name: LabLineSnapshot['name'], offset: number): LabLineSnapshot => ({
  name,
  logits: [0, 0],
  stopped: null,
  steps: [0, 1, 2],
  objective: [0.1 + offset, 0.2 + offset, 0.3 + offset],
  best: [0.5, 0.6, 0.7 + offset],
});

const moments = (bias: number, sd: number) => ({ mean: [0], bias, sd, snr: 0 });

describe('the lab tables', () => {
  it('lists every curve point by step, then estimator, ending with the last line at the last step', () => {
    const rows = labCurvesTable([line('exact', 0), line('reinforce', 1 / 3)]);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.step)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(rows.at(-1)).toEqual({
      step: 2,
      estimator: 'REINFORCE',
      objective: 0.3 + 1 / 3,
      p_best: 0.7 + 1 / 3,
    });
  });

  it('lists every single-sample estimate of the optimal class with the exact value', () => {
    const probe = {
      step: 40,
      logits: [0, 0],
      exactGradient: [0.25, -0.25],
      distributions: [
        {
          name: 'reinforce' as const,
          component: [1, 2],
          moments: moments(0, 0),
          shown: moments(0, 0),
        },
        {
          name: 'gumbel-softmax' as const,
          component: [3],
          moments: moments(0, 0),
          shown: moments(0, 0),
        },
      ],
    };
    const rows = labEstimatesTable(probe, 1);
    expect(rows).toEqual([
      { step: 40, estimator: 'REINFORCE', sample: 0, estimate: 1, exact: -0.25 },
      { step: 40, estimator: 'REINFORCE', sample: 1, estimate: 2, exact: -0.25 },
      { step: 40, estimator: 'Gumbel-Softmax', sample: 0, estimate: 3, exact: -0.25 },
    ]);
  });

  it('lists the T sweep for both relaxed estimators', () => {
    const rows = labSweepTable([
      { tau: 0.5, gumbel: moments(0.1, 0.2), straightThrough: moments(0.3, 0.4) },
    ]);
    expect(rows).toEqual([
      { T: 0.5, estimator: 'Gumbel-Softmax', bias: 0.1, sd: 0.2 },
      { T: 0.5, estimator: 'ST Gumbel-Softmax', bias: 0.3, sd: 0.4 },
    ]);
  });
});
