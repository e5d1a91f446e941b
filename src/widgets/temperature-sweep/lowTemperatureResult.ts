import type { FigureResult } from '../../deck/stores/figureResults';
import { relaxedSamples } from '../../ml/fixedNoiseSamples';
import { temperature } from '../../ml/types';

/** The temperature the question asks about: the first column of Jang et al.'s Fig. 1. */
export const LOW_T = 0.1;
/** A sample is near a vertex when its largest component is at least this… */
export const NEAR_VERTEX = 0.9;
/** …and near the centre (1/3, 1/3, 1/3) when its largest component is at most this. */
export const NEAR_CENTRE = 0.5;

/**
 * Where the simplex's samples lie at T = 0.1: the figure's own noise and p,
 * relaxed at LOW_T (the points the simplex draws when its slider is there).
 */
export function lowTemperatureResult(logP: readonly number[], noise: Float32Array): FigureResult {
  const samples = relaxedSamples(logP, noise, temperature(LOW_T), new Float32Array(noise.length));
  const n = samples.length / 3;
  let vertices = 0;
  let centre = 0;
  for (let r = 0; r < n; r++) {
    const top = Math.max(samples[3 * r]!, samples[3 * r + 1]!, samples[3 * r + 2]!);
    if (top >= NEAR_VERTEX) vertices += 1;
    else if (top <= NEAR_CENTRE) centre += 1;
  }
  return {
    measure: `share of the ${n.toLocaleString('en')} samples at T = ${LOW_T}`,
    best: 'highest',
    format: 'percent',
    context: `(a vertex: largest component ≥ ${NEAR_VERTEX}; the centre: ≤ ${NEAR_CENTRE})`,
    points: [
      {
        step: 0,
        values: {
          vertices: vertices / n,
          centre: centre / n,
          between: (n - vertices - centre) / n,
        },
      },
    ],
  };
}
