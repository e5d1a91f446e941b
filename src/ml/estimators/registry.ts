/**
 * Every estimator, in the order of the lab's lines, the race's copies, legends
 * and tables. Adding one: its file beside this one, an import and a line below
 * (src/ml/README.md says what the tests then require).
 */
import { reinforceEstimator } from './reinforce';
import { reinforceBaselineEstimator } from './reinforceBaseline';
import { straightThroughEstimator } from './straightThrough';
import { gumbelSoftmaxEstimator } from './gumbelSoftmax';
import { stGumbelSoftmaxEstimator } from './stGumbelSoftmax';
import { rlooEstimator } from './rloo';
import { gumbelRaoEstimator } from './gumbelRao';
import { reinMaxEstimator } from './reinMax';
import { armEstimator } from './arm';
import { disarmEstimator } from './disarm';
import { rebarEstimator } from './rebar';
import { relaxEstimator } from './relax';
import { darnEstimator } from './darn';
import { muPropEstimator } from './muProp';
import { annealedStraightThroughEstimator } from './annealedStraightThrough';
import type { Estimator } from './estimator';

export const estimators = [
  reinforceEstimator,
  reinforceBaselineEstimator,
  straightThroughEstimator,
  gumbelSoftmaxEstimator,
  stGumbelSoftmaxEstimator,
  darnEstimator,
  muPropEstimator,
  annealedStraightThroughEstimator,
  rlooEstimator,
  gumbelRaoEstimator,
  reinMaxEstimator,
  armEstimator,
  disarmEstimator,
  rebarEstimator,
  relaxEstimator,
] as const;

export type EstimatorId = (typeof estimators)[number]['id'];

/** The estimators the lecture teaches (2017 and before), in registry order: the lecture's lab and race run these. */
export const lectureEstimators = estimators.filter((e) => e.era === 'lecture');

/** The estimators of Jang et al.'s Table 1 that the lecture does not teach (DARN, MuProp, slope-annealed ST). */
export const paperEstimators = estimators.filter((e) => e.era === 'paper');

/** The ids in registry order. */
export const estimatorIds: readonly EstimatorId[] = estimators.map((e) => e.id);

const byId = new Map<string, Estimator<EstimatorId>>(estimators.map((e) => [e.id, e]));

/** The estimator with this id (throws for an unknown one). */
export function estimatorById(id: EstimatorId): Estimator<EstimatorId> {
  const e = byId.get(id);
  if (!e) throw new RangeError(`No estimator '${id}'.`);
  return e;
}

export const isEstimatorId = (name: string): name is EstimatorId => byId.has(name);
