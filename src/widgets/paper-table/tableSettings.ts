/** The table job's settings checked, its planned size, and the model and schedule it trains with. */
import { isEstimatorId } from '../../ml/estimators/registry';
import type { TemperatureSchedule } from '../../ml/minibatches';
import { isTaskId } from '../../ml/tasks';
import type { TableJobSettings } from './tableJob';

/** Seed 0's held-out objective is evaluated every CURVE_EVERY steps for the curves. */
export const CURVE_EVERY = 100;
/**
 * SBN: samples per held-out image of the NLL estimate at the curves' points
 * before the end (M = 1,000 costs about as much as 100 training steps; the
 * curves need the shape, not the last decimal). Every cell's value, and the
 * curve's last point, use the paper's 1,000 (NLL_SAMPLES).
 */
export const CURVE_NLL_SAMPLES = 100;
/** SBN: samples per held-out image behind every cell, as Jang et al. (2017) (sbnEvaluation.ts, NLL_SAMPLES). */
export const CELL_NLL_SAMPLES = 1000;
/** The race's 'fast' schedule: T = max(0.5, exp(−5e-4·t)), every 100 steps, so T reaches 0.5 within 2,000 steps. */
export const TABLE_SCHEDULE: TemperatureSchedule = { rate: 5e-4, every: 100, min: 0.5 };

/** Hidden units and batch as the race uses them per data set (vae-race/datasets.ts): 8×8 digits, else 28×28. */
export const modelFor = (pixels: number) => ({ hidden: 128, batch: pixels <= 64 ? 64 : 32 });

/** Training steps of the whole job. */
export const plannedSteps = (
  s: Pick<TableJobSettings, 'tasks' | 'learningRates' | 'seeds' | 'steps'>,
) => s.tasks.length * s.learningRates.length * s.seeds * s.steps;

/** The settings as they came from the page, checked: a sentence says what is wrong. */
export function checkSettings(s: TableJobSettings): void {
  const wrong = (why: string) => {
    throw new RangeError(`The table cannot run: ${why}.`);
  };
  if (s.tasks.length === 0 || !s.tasks.every((t) => isTaskId(t))) wrong('choose one or more tasks');
  if (s.estimators.length === 0 || !s.estimators.every((e) => isEstimatorId(e)))
    wrong('choose one or more estimators');
  if (!Number.isInteger(s.seeds) || s.seeds < 1 || s.seeds > 100) wrong('seeds must be 1 to 100');
  if (!Number.isInteger(s.steps) || s.steps < 1 || s.steps > 1e6) wrong('steps must be 1 to 10⁶');
  const rates = s.learningRates;
  if (rates.length === 0 || !rates.every((r) => r > 0 && r < 1))
    wrong('learning rates must lie between 0 and 1');
}
