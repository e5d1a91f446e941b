import type { FigureResult, ResultPoint } from '../../deck/stores/figureResults';
import type { LineHistory } from './raceRun';

/** The race's held-out −ELBO of every line at every evaluation so far (the curves' points). */
export function heldOutResult(lines: readonly LineHistory[]): FigureResult {
  const byStep = new Map<number, ResultPoint>();
  for (const line of lines) {
    line.heldOut.steps.forEach((step, i) => {
      const point = byStep.get(step) ?? { step, values: {} };
      point.values[line.name] = line.heldOut.values[i]!;
      byStep.set(step, point);
    });
  }
  return {
    measure: 'held-out −ELBO (nats)',
    best: 'lowest',
    format: { digits: 2 },
    points: [...byStep.values()].sort((a, b) => a.step - b.step),
  };
}
