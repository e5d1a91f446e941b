import { describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { runOnCpuBackend } from '../../ml/testSupport';
import { decodeImageSet } from '../../ml/imageSet';
import { createTaskRace, type TaskId } from '../../ml/tasks';
import { seed as asSeed } from '../../ml/types';
import type { EstimatorId } from '../../ml/estimators/registry';
import { TrainingHost } from '../../runtime/trainingHost';
import type { Report } from '../../runtime/protocol';
import {
  createTableRun,
  TableJob,
  TABLE_SCHEDULE,
  type TableJobSettings,
  type TableSnapshot,
} from './tableJob';
import { CELL_NLL_SAMPLES, CURVE_NLL_SAMPLES, modelFor, plannedSteps } from './tableSettings';
import { SbnRace } from '../../ml/sbnRace';

runOnCpuBackend();
const digits = decodeImageSet(readFileSync('public/data/digits.bin'));

/** A tiny job: two VAE tasks, two estimators, two seeds, a few steps (curve points at 0 and the end). */
const tiny = (patch: Partial<TableJobSettings> = {}): TableJobSettings => ({
  tasks: ['vae-categorical', 'vae-bernoulli'],
  estimators: ['reinforce-baseline', 'gumbel-softmax'],
  seeds: 2,
  steps: 4,
  learningRates: [3e-3],
  varianceNormalization: false,
  seed: asSeed(11),
  ...patch,
});

/** Held-out values per line of one TaskRace trained alone, as the job's unit (task, rate, seed i) should. */
async function alone(s: TableJobSettings, task: TaskId, rate: number, i: number) {
  const race = createTaskRace(
    {
      task,
      lines: s.estimators as EstimatorId[],
      pixels: 64,
      ...modelFor(64),
      learningRate: rate,
      seed: asSeed(s.seed + i),
      schedule: TABLE_SCHEDULE,
      varianceNormalization: s.varianceNormalization,
    },
    digits,
  );
  await race.trainSteps(s.steps);
  const values = await race.heldOut();
  race.dispose();
  return values;
}

const yes = () => Promise.resolve(true);
const no = () => Promise.resolve(false);

describe('the table job', () => {
  test('fills each cell with the held-out values its TaskRaces computed, seed by seed, with mean and spread', async () => {
    const s = tiny();
    const job = new TableJob('t', s, digits);
    const first = job.snapshot();
    expect(first.progress).toEqual({ done: 0, total: 2 * 2 * 4, secondsLeft: null });
    expect(first.cells.map((c) => c.values)).toEqual([[], [], [], []]);
    expect(first.cells.every((c) => c.mean === null && c.spread === null)).toBe(true);
    while (await job.advance(yes));
    const snap = job.snapshot();
    expect(snap.finished).toBe(true);
    expect(snap.current).toBeNull();
    expect(snap.progress.done).toBe(snap.progress.total);
    expect(snap.progress.secondsLeft).toBe(0);
    for (const task of s.tasks) {
      const seeds = [await alone(s, task, 3e-3, 0), await alone(s, task, 3e-3, 1)];
      s.estimators.forEach((estimator, l) => {
        const cell = snap.cells.find((c) => c.task === task && c.estimator === estimator)!;
        const values = seeds.map((v) => v[l]!);
        // The same computation on the same backend: equal to float32 rounding of the readback.
        expect(cell.values).toEqual(values);
        expect(cell.mean).toBeCloseTo((values[0]! + values[1]!) / 2, 10);
        expect(cell.spread).toBeCloseTo(Math.abs(values[0]! - values[1]!) / Math.SQRT2, 10);
        expect(cell).toMatchObject({ steps: 4, seeds: 2, stopped: 0, learningRate: 3e-3 });
        const curve = snap.curves.find((c) => c.task === task && c.estimator === estimator)!;
        expect(curve.steps).toEqual([0, 4]);
        expect(curve.values[1]).toBe(values[0]);
      });
    }
    job.dispose();
  }, 120_000);

  test('a binary-only estimator (ARM) runs no copy on a categorical task: the job runs, its cell there is absent', async () => {
    const s = tiny({
      tasks: ['vae-categorical', 'sbn-categorical', 'vae-bernoulli'],
      estimators: ['arm', 'gumbel-softmax'],
      seeds: 1,
      steps: 2,
    });
    const job = new TableJob('t', s, digits);
    while (await job.advance(yes));
    const snap = job.snapshot();
    expect(snap.finished).toBe(true);
    const cell = (task: TaskId, e: EstimatorId) =>
      snap.cells.find((c) => c.task === task && c.estimator === e);
    expect(cell('vae-categorical', 'arm')).toBeUndefined();
    expect(cell('sbn-categorical', 'arm')).toBeUndefined();
    expect(cell('sbn-categorical', 'gumbel-softmax')?.values).toHaveLength(1);
    expect(cell('vae-categorical', 'gumbel-softmax')?.values).toHaveLength(1);
    expect(cell('vae-bernoulli', 'arm')?.values).toHaveLength(1);
    expect(Number.isFinite(cell('vae-bernoulli', 'arm')!.mean)).toBe(true);
    job.dispose();
  }, 120_000);

  test('a step refused by proceed() is not applied; pausing midway changes no number', async () => {
    const s = tiny({ tasks: ['vae-categorical'], seeds: 1, steps: 3 });
    const paused = new TableJob('p', s, digits);
    expect(await paused.advance(yes)).toBe(true);
    const before = paused.snapshot();
    expect(await paused.advance(no)).toBe(false);
    expect(await paused.advance(no)).toBe(false);
    const after = paused.snapshot();
    expect(after.step).toBe(1);
    expect(after.current).toEqual(before.current);
    expect(after.current).toMatchObject({ task: 'vae-categorical', seed: 0, step: 1 });
    expect(after.progress.secondsLeft).toBeGreaterThan(0);
    paused.resumeTiming();
    while (await paused.advance(yes));
    const straight = new TableJob('s', s, digits);
    expect(await straight.trainSteps(100)).toBe(3);
    expect(paused.snapshot().cells).toEqual(straight.snapshot().cells);
    expect(paused.snapshot().curves).toEqual(straight.snapshot().curves);
    paused.dispose();
    straight.dispose();
  }, 60_000);

  test('with a grid of learning rates, each estimator shows the rate whose mean held-out value is lowest', async () => {
    const s = tiny({ tasks: ['vae-categorical'], seeds: 1, steps: 6, learningRates: [1e-4, 3e-2] });
    const job = new TableJob('g', s, digits);
    expect(plannedSteps(s)).toBe(1 * 2 * 1 * 6);
    await job.trainSteps(plannedSteps(s));
    const snap = job.snapshot();
    expect(snap.finished).toBe(true);
    const byRate = await Promise.all(
      s.learningRates.map(async (rate) => [await alone(s, 'vae-categorical', rate, 0)]),
    );
    const chosen = s.estimators.map((estimator, l) => {
      const means = byRate.map(([a]) => a![l]!);
      const best = means[0]! <= means[1]! ? 0 : 1;
      const cell = snap.cells.find((c) => c.estimator === estimator)!;
      expect(cell.learningRate).toBe(s.learningRates[best]);
      expect(cell.values).toEqual(byRate[best]!.map((v) => v[l]));
      return best;
    });
    // The grid is a real choice here: the large rate wins on 6 steps (it would not if bestRate took the maximum).
    expect(chosen).toContain(1);
    job.dispose();
  }, 120_000);

  test('in the training host, a whole-table job and a single-task view live side by side and play to the end', async () => {
    const reports: Report[] = [];
    const host: TrainingHost = new TrainingHost({
      post: (r) => {
        reports.push(r);
        if (r.type === 'snapshot') setTimeout(() => host.handle({ type: 'ack', key: r.key }), 1);
      },
      kinds: {
        race: createTableRun,
        lab: createTableRun,
        table: createTableRun,
        task: createTableRun,
      } as never,
      ready: async () => {},
    });
    const last = (key: string) =>
      reports.findLast((r) => r.type === 'snapshot' && r.key === key) as
        { snapshot: TableSnapshot } | undefined;
    const small = tiny({ tasks: ['vae-categorical'], seeds: 1, steps: 2 });
    host.handle({
      type: 'open',
      kind: 'table',
      key: 'whole',
      params: { key: 'whole', settings: small, data: digits },
    });
    host.handle({
      type: 'open',
      kind: 'task',
      key: 'view',
      params: { key: 'view', settings: small, data: digits },
    });
    for (const key of ['whole', 'view'])
      host.handle({ type: 'play', key, playing: true, stepsPerSecond: 1000 });
    const end = Date.now() + 60_000;
    while (!(last('whole')?.snapshot.finished && last('view')?.snapshot.finished)) {
      if (Date.now() > end)
        throw new Error(`timed out: ${JSON.stringify(reports.filter((r) => r.type === 'error'))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(reports.filter((r) => r.type === 'error')).toEqual([]);
    // The same settings, so the same numbers, whichever kind ran them.
    expect(last('whole')!.snapshot.cells).toEqual(last('view')!.snapshot.cells);
    expect(last('whole')!.snapshot.cells.every((c) => c.values.length === 1)).toBe(true);
    host.handle({ type: 'close', key: 'whole' });
    host.handle({ type: 'close', key: 'view' });
  }, 90_000);

  test('passes variance normalization to its runs', async () => {
    // SF and DARN with normalization on: the job's cells are a run with it on, not one without.
    const s = tiny({
      tasks: ['vae-bernoulli'],
      estimators: ['reinforce', 'darn'],
      seeds: 1,
      varianceNormalization: true,
    });
    const job = new TableJob('vn', s, digits);
    while (await job.advance(yes));
    const values = job.snapshot().cells.map((c) => c.values[0]);
    expect(values).toEqual(await alone(s, 'vae-bernoulli', 3e-3, 0));
    expect(values).not.toEqual(
      await alone({ ...s, varianceNormalization: false }, 'vae-bernoulli', 3e-3, 0),
    );
    job.dispose();
  }, 60_000);

  test("SBN: the curve points before the end use fewer samples, the cells the paper's 1,000", async () => {
    // The evaluation itself is sbnEvaluation's (tested there); here only how many samples the job asks.
    const asked: { step: number; samples: number }[] = [];
    const spy = vi.spyOn(SbnRace.prototype, 'heldOut').mockImplementation(function (
      this: SbnRace,
      samples?: number,
    ) {
      asked.push({ step: this.step, samples: samples ?? this.config.nllSamples! });
      return Promise.resolve(this.lines.map(() => 60 + asked.length));
    });
    try {
      // One estimator: only the samples asked matter here (the steps cost on the cpu backend).
      const s = tiny({ tasks: ['sbn-bernoulli'], estimators: ['gumbel-softmax'], steps: 200 });
      const job = new TableJob('sbn', s, digits);
      while ((await job.trainSteps(100)) > 0);
      const { cells, curves } = job.snapshot();
      expect(asked).toEqual([
        { step: 0, samples: CURVE_NLL_SAMPLES },
        { step: 100, samples: CURVE_NLL_SAMPLES },
        { step: 200, samples: CELL_NLL_SAMPLES }, // seed 0's cell value and the curve's last point
        { step: 200, samples: CELL_NLL_SAMPLES }, // seed 1's cell value
      ]);
      expect(cells[0]!.values).toEqual([63, 64]);
      expect(curves[0]!.values).toEqual([61, 62, 63]);
      job.dispose();
    } finally {
      spy.mockRestore();
    }
  }, 60_000);

  test('refuses settings it cannot run, in words', () => {
    expect(() => new TableJob('x', tiny({ tasks: [] }), digits)).toThrow(
      /choose one or more tasks/,
    );
    expect(() => new TableJob('x', tiny({ seeds: 0 }), digits)).toThrow(/seeds/);
    expect(() => new TableJob('x', tiny({ learningRates: [-1] }), digits)).toThrow(/learning/);
  });
});
