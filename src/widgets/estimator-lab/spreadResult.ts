import type { FigureResult } from '../../deck/stores/figureResults';
import type { Probe } from './probe';

/**
 * The lab's answer to "whose one-sample estimates spread least": the sd beside
 * each strip (the shown component's), at the probe's step and the lab's T.
 */
export function spreadResult(probe: Probe & { step: number }, tau: number): FigureResult {
  return {
    measure: 'standard deviation of one-sample estimates',
    best: 'lowest',
    format: { digits: 3 },
    context: `(the strips' sd at step ${probe.step}, T = ${tau})`,
    points: [
      {
        step: probe.step,
        values: Object.fromEntries(probe.distributions.map((d) => [d.name, d.shown.sd])),
      },
    ],
  };
}
