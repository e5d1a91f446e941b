import { describe, expect, it } from 'vitest';
import { estimators } from '../../ml/estimators/registry';
import { parseLabSettings, labSchemaOf, defaultLabSettings } from '../estimator-lab/model';
import { runEstimators } from '../estimator-lab/labRun';
import { equalEvaluationRepeats } from '../estimator-lab/probe';
import { parseRaceSettings, raceEstimators, defaultRaceSettings } from '../vae-race/model';
import { lectureIds, notOfferedNote, offeredFor, paperIds, since2017Ids } from './estimatorChoice';

const binaryOnly = estimators.filter((e) => e.classes === 'binary').map((e) => e.id);

describe('the estimators a figure shows', () => {
  it('are the lecture’s by default on the lecture’s lab and race, a mix on the appendix’s lab', () => {
    expect(defaultLabSettings().estimators).toEqual(lectureIds);
    expect(defaultRaceSettings().estimators).toEqual(lectureIds);
    const beyond = defaultLabSettings(labSchemaOf('beyond')).estimators;
    expect(beyond).toContain('reinforce');
    // Every estimator since 2017 of the mix that the registry holds, nothing unregistered.
    for (const id of beyond) expect(estimators.map((e) => e.id)).toContain(id);
  });

  it('read from a link comma-separated, in the registry’s order, refusing unknown names', () => {
    const ids = estimators.map((e) => e.id);
    const reversed = [...ids].reverse().join(',');
    expect(parseLabSettings(new URLSearchParams(`lab.est=${reversed}`)).state.estimators).toEqual(
      ids,
    );
    const bad = parseLabSettings(new URLSearchParams('lab.est=reinforce,magic'));
    expect(bad.state.estimators).toEqual(['reinforce']);
    expect(bad.problems['lab.est']).toMatch(/magic.*is not among the estimators.*using reinforce/);
    expect(parseLabSettings(new URLSearchParams('lab.est=')).state.estimators).toEqual([]);
  });

  it('leave out the binary-only ones for K > 2, saying why', () => {
    expect(offeredFor(2)).toEqual(estimators.map((e) => e.id));
    expect(offeredFor(3)).toEqual(estimators.filter((e) => e.classes === 'any').map((e) => e.id));
    const all = estimators.map((e) => e.id);
    expect(runEstimators(all, 3, true)).toEqual(offeredFor(3));
    expect(raceEstimators({ estimators: all, classes: 4 })).toEqual(offeredFor(4));
    expect(raceEstimators({ estimators: all, classes: 2 })).toEqual(all);
    // Without the baseline flag, no estimator that keeps a moving average.
    expect(runEstimators(all, 2, false)).not.toContain('reinforce-baseline');
    if (binaryOnly.length > 0) expect(notOfferedNote(3)).toMatch(/binary variables only \(K = 2\)/);
    expect(notOfferedNote(2)).toBeUndefined();
    const race = parseRaceSettings(new URLSearchParams(`vae.est=${all.join(',')}&vae.k=2`));
    expect(race.state.estimators).toEqual(all);
  });

  it('at equal evaluations, average each estimator to the same number of evaluations of f', () => {
    const ids = estimators.map((e) => e.id);
    const repeats = equalEvaluationRepeats(ids);
    const cost = (id: string) => estimators.find((e) => e.id === id)!.evaluations * repeats[id]!;
    const budget = Math.max(...ids.map(cost));
    // Each within one estimate's cost of the most expensive strip (exactly equal when costs divide).
    for (const e of estimators) expect(budget - cost(e.id)).toBeLessThan(e.evaluations);
    // The lecture's estimators alone: one evaluation each, nothing averaged.
    expect(Object.values(equalEvaluationRepeats(lectureIds))).toEqual(lectureIds.map(() => 1));
    expect(
      since2017Ids.every((id) => estimators.find((e) => e.id === id)!.era === 'since-2017'),
    ).toBe(true);
    // The paper's other columns are their own era, apart from the lecture's five and the appendix's.
    expect(paperIds).toEqual(['darn', 'muprop', 'annealed-st']);
    expect(paperIds.some((id) => lectureIds.includes(id) || since2017Ids.includes(id))).toBe(false);
  });
});
