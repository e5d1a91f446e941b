/**
 * The race's numbers as a table a student can plot again (saved as CSV from
 * the figure's Save menu): long format, one value per row, full precision.
 */
import { rowsByStep, type TableRow } from '../shared/figureFiles';
import { lineLabels } from '../shared/estimatorLines';
import type { LineHistory } from './raceRun';

export const RACE_COLUMNS = ['step', 'estimator', 'curve', 'neg_elbo'] as const;

/**
 * Every curve of the race in nats per image: first the training curves (each
 * estimator's own samples), then the held-out curves (one-hot samples), each
 * by step and then by estimator, so the last row is the last held-out value
 * of the last line, the one the results table shows.
 */
export function raceCurvesTable(lines: readonly LineHistory[]): TableRow[] {
  const curve = (kind: 'train' | 'heldOut', label: string) =>
    rowsByStep(
      lines,
      (line) => line[kind].steps,
      (line, i, step) => ({
        step,
        estimator: lineLabels[line.name],
        curve: label,
        neg_elbo: line[kind].values[i]!,
      }),
    );
  return [...curve('train', 'training'), ...curve('heldOut', 'held-out')];
}
