/**
 * Records what a VaeRace's steps see, through its test hooks: each copy's
 * weights and learned parameters before the step, and the gradients applied.
 */
import * as tf from '../tfjs';
import { paramNames, type ParamName } from '../categoricalVae';
import type { VaeRace } from '../vaeRace';
import { readStacked, type Stacked } from './oneExampleVae';

/** One step as the race saw it: its copies' weights and learned parameters before, its applied gradients. */
export interface StepRecord {
  step: number;
  weights: Record<ParamName, Stacked>;
  own: (Record<string, Stacked> | null)[];
  grads?: Record<ParamName, Stacked>;
}

export function recordSteps(race: VaeRace): StepRecord[] {
  const records: StepRecord[] = [];
  race.onInputs = (step) => {
    // Learned parameters are one copy's: read as a stack of one.
    const readOne = (t: tf.Tensor): Stacked => ({ ...readStacked(t), shape: [1, ...t.shape] });
    records.push({
      step,
      weights: Object.fromEntries(
        paramNames.map((n) => [n, readStacked(race.params[n])]),
      ) as Record<ParamName, Stacked>,
      own: race.learned.map((s) =>
        s ? Object.fromEntries(Object.entries(s.own).map(([n, t]) => [n, readOne(t)])) : null,
      ),
    });
  };
  race.onGradients = (step, grads) => {
    const record = records.at(-1)!;
    if (record.step !== step)
      throw new Error(`Gradients of step ${step} after inputs of ${record.step}.`);
    record.grads = Object.fromEntries(
      paramNames.map((n, i) => [n, readStacked(grads[i]!)]),
    ) as Record<ParamName, Stacked>;
  };
  return records;
}
