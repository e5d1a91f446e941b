import { describe, expect, it } from 'vitest';
import { lowTemperatureResult } from '../../widgets/temperature-sweep/lowTemperatureResult';
import { heldOutResult } from '../../widgets/vae-race/heldOutResult';
import { spreadResult } from '../../widgets/estimator-lab/spreadResult';
import { judge } from './verdict';
import type { LineHistory } from '../../widgets/vae-race/raceRun';
import type { Probe } from '../../widgets/estimator-lab/probe';

const moments = (sd: number) => ({ mean: [0], bias: 0, sd, snr: 0 });

describe('what the figures publish for their questions', () => {
  it('the sweep counts where its own samples lie at T = 0.1', () => {
    // Zero noise and equal p: every relaxed sample is the centre (1/3, 1/3, 1/3), at any T.
    const centre = lowTemperatureResult([1 / 3, 1 / 3, 1 / 3].map(Math.log), new Float32Array(30));
    expect(centre.points[0]!.values).toEqual({ vertices: 0, centre: 1, between: 0 });
    // Noise that puts one class 1 ahead: at T = 0.1 its weight is e^10 times the others'.
    const ahead = new Float32Array([1, 0, 0, 0, 1, 0]);
    const vertices = lowTemperatureResult([0, 0, 0], ahead);
    expect(vertices.points[0]!.values).toEqual({ vertices: 1, centre: 0, between: 0 });
    expect(
      judge(
        {
          choices: [
            { key: 'vertices', text: 'V' },
            { key: 'centre', text: 'C' },
          ],
        },
        vertices,
        'centre',
      ),
    ).toMatchObject({ right: false, winners: ['vertices'] });
  });

  it('the lab publishes the sd printed beside each strip, at the probe’s step', () => {
    const probe = {
      step: 40,
      logits: [0, 0],
      exactGradient: [0.1, -0.1],
      distributions: [
        { name: 'reinforce', component: [], moments: moments(9), shown: moments(0.126) },
        { name: 'gumbel-softmax', component: [], moments: moments(9), shown: moments(0.032) },
      ],
    } as Probe & { step: number };
    const result = spreadResult(probe, 2);
    expect(result.points).toEqual([
      { step: 40, values: { reinforce: 0.126, 'gumbel-softmax': 0.032 } },
    ]);
    expect(result.best).toBe('lowest');
  });

  it('the race publishes every evaluation, so "at step N" judges that step', () => {
    const line = (name: string, values: number[]): LineHistory =>
      ({
        name,
        train: { steps: [], values: [] },
        heldOut: { steps: [0, 100, 200].slice(0, values.length), values },
        stopped: null,
      }) as LineHistory;
    const result = heldOutResult([
      line('reinforce', [26, 24, 23]),
      line('gumbel-softmax', [26, 25, 21]),
      line('straight-through', [26, 22]),
    ]);
    expect(result.points).toEqual([
      { step: 0, values: { reinforce: 26, 'gumbel-softmax': 26, 'straight-through': 26 } },
      { step: 100, values: { reinforce: 24, 'gumbel-softmax': 25, 'straight-through': 22 } },
      { step: 200, values: { reinforce: 23, 'gumbel-softmax': 21 } },
    ]);
  });
});
