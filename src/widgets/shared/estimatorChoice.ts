/**
 * Which estimators a figure may show, read from the registry: the set setting
 * the lab and the race share, which of them apply to a problem with K
 * classes (the binary-only ones need K = 2), and the word why the others are
 * not offered.
 */
import {
  estimatorById,
  estimatorIds,
  estimators,
  isEstimatorId,
  lectureEstimators,
  paperEstimators,
  type EstimatorId,
} from '../../ml/estimators/registry';
import { appliesTo as estimatorAppliesTo } from '../../ml/estimators/estimator';
import type { SetSetting } from './settings';

/** The lecture's estimators (era 'lecture'), the default of the lecture's figures. */
export const lectureIds: readonly EstimatorId[] = lectureEstimators.map((e) => e.id);

/** The paper's other columns (era 'paper': DARN, MuProp, slope-annealed ST), in registry order: offered, never a default of the lecture's figures. */
export const paperIds: readonly EstimatorId[] = paperEstimators.map((e) => e.id);

/** The estimators since 2017 that the registry holds, in its order. */
export const since2017Ids: readonly EstimatorId[] = estimators
  .filter((e) => e.era === 'since-2017')
  .map((e) => e.id);

/** Those of `names` the registry holds, in its order (a default may name estimators not yet there). */
export const registered = (names: readonly string[]): EstimatorId[] =>
  estimatorIds.filter((id) => names.includes(id) && isEstimatorId(id));

/** A figure's set of estimators, in the link as `key=reinforce,rloo,…`. */
export const estimatorSetSetting = (
  key: string,
  fallback: readonly EstimatorId[],
  doc: string,
): SetSetting<EstimatorId> => ({
  kind: 'set',
  key,
  label: 'estimators',
  name: 'estimators',
  choices: estimatorIds,
  choiceText: (id) => estimatorById(id).label,
  default: fallback,
  doc,
});

/** Whether an estimator is defined for categorical variables with k classes (the ml layer's rule). */
export const appliesTo = (id: EstimatorId, k: number): boolean =>
  estimatorAppliesTo(estimatorById(id), k);

/** The estimators offered for k classes (all of the registry that apply). */
export const offeredFor = (k: number): EstimatorId[] =>
  estimatorIds.filter((id) => appliesTo(id, k));

/** Why some estimators are not offered for k classes, or undefined when all are. */
export function notOfferedNote(k: number): string | undefined {
  const absent = estimatorIds.filter((id) => !appliesTo(id, k));
  if (absent.length === 0) return undefined;
  const names = absent.map((id) => estimatorById(id).label).join(', ');
  return `${names}: for binary variables only (K = 2), so not offered for K = ${k}.`;
}

/** Evaluations of the downstream f per step of an estimator drawing `samples` estimates a step. */
export const evaluationsPerStep = (id: EstimatorId, samples = 1): number =>
  estimatorById(id).evaluations * samples;
