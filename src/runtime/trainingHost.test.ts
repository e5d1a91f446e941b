/**
 * The worker's host of training runs, in node on tfjs's cpu backend, with the
 * toy lab as its run: play and pause, a pause between a step's gradients and
 * their application, snapshots only when taken, and no tensor growth.
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../ml/tfjs';
import { runOnCpuBackend } from '../ml/testSupport';
import { seed } from '../ml/types';
import { createLabRun, type LabRunParams, type LabSnapshot } from '../widgets/estimator-lab/labRun';
import type { Report } from './protocol';
import { TrainingHost } from './trainingHost';
import type { TrainingRun } from './trainingRun';
import { temperature as asTemperature } from '../ml/types';

runOnCpuBackend();

const params: LabRunParams = {
  preset: 'categorical',
  k: 4,
  tau: asTemperature(0.5),
  learningRate: 1,
  samples: 4,
  withBaseline: true,
  seed: seed(5),
};

/** A host whose view takes every snapshot at once (acknowledges it), unless `view.taking` is false. */
function harness(kinds = { race: createLabRun, lab: createLabRun } as never) {
  const reports: Report[] = [];
  const view = { taking: true };
  const host: TrainingHost = new TrainingHost({
    post: (r) => {
      reports.push(r);
      if (r.type === 'snapshot' && view.taking)
        setTimeout(() => host.handle({ type: 'ack', key: r.key }), 1);
    },
    kinds,
    ready: async () => {},
  });
  const snapshots = () =>
    reports.filter((r): r is Extract<Report, { type: 'snapshot' }> => r.type === 'snapshot');
  const last = () => snapshots().at(-1)?.snapshot as LabSnapshot | undefined;
  return { host, reports, snapshots, last, view };
}
const until = async (condition: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('the training host', () => {
  test('opens a run, plays, pauses, steps, and a reopened key finds the run as it was', async () => {
    const { host, snapshots, last, view } = harness();
    host.handle({ type: 'open', kind: 'lab', key: 'a', params });
    await until(() => (last()?.sweep ?? null) !== null);
    expect(last()!.step).toBe(0);
    view.taking = false;
    host.handle({ type: 'play', key: 'a', playing: true, stepsPerSecond: 6000 });
    // A view that takes none gets at most one a frame (16 ms), not one a step.
    const from = snapshots().length;
    const startedAt = Date.now();
    await until(() => host.entry('a')!.run.step > 60);
    const frames = (Date.now() - startedAt) / 16;
    expect(snapshots().length - from).toBeLessThanOrEqual(Math.ceil(frames) + 1);
    view.taking = true;
    host.handle({ type: 'play', key: 'a', playing: false, stepsPerSecond: 6000 });
    await until(() => snapshots().at(-1)!.playing === false);
    const paused = host.entry('a')!.run.step;
    await new Promise((r) => setTimeout(r, 100));
    expect(host.entry('a')!.run.step).toBe(paused);
    host.handle({ type: 'step', key: 'a' });
    await until(() => host.entry('a')!.run.step === paused + 1);
    // The view goes away and comes back: the same run, the same step.
    host.handle({ type: 'open', kind: 'lab', key: 'a', params });
    expect(host.entry('a')!.run.step).toBe(paused + 1);
  });

  test('a pause that arrives while a step computes its gradients applies nothing', async () => {
    const { host } = harness();
    host.handle({ type: 'open', kind: 'lab', key: 'b', params });
    await until(() => host.entry('b')?.run !== undefined && host.entry('b')!.run !== null);
    const run = host.entry('b')!.run as TrainingRun<LabSnapshot>;
    // Wrap advance: pause as soon as the first gradient is computed (before proceed() answers).
    const original = run.advance.bind(run);
    let calls = 0;
    run.advance = (proceed) =>
      original(async () => {
        calls++;
        host.handle({ type: 'play', key: 'b', playing: false, stepsPerSecond: 60 });
        return proceed();
      });
    host.handle({ type: 'play', key: 'b', playing: true, stepsPerSecond: 60 });
    await until(() => calls > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(run.step).toBe(0);
  });

  test('one run per kind: a new key drops the old run; no tensors are left behind', async () => {
    const { host, last } = harness();
    host.handle({ type: 'open', kind: 'lab', key: 'c', params });
    await until(() => last()?.sweep != null);
    const before = tf.memory().numTensors;
    host.handle({ type: 'play', key: 'c', playing: true, stepsPerSecond: 6000 });
    await until(() => host.entry('c')!.run.step > 200);
    host.handle({ type: 'play', key: 'c', playing: false, stepsPerSecond: 6000 });
    host.handle({ type: 'open', kind: 'lab', key: 'd', params: { ...params, seed: seed(6) } });
    expect(host.entry('c')).toBeUndefined();
    await until(() => (last() as LabSnapshot | undefined)?.step === 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(tf.memory().numTensors).toBe(before);
  });

  test('an error in a run is reported and stops it', async () => {
    const failing = () => {
      throw new Error('no such data');
    };
    const { host, reports } = harness({ race: failing, lab: createLabRun } as never);
    host.handle({ type: 'open', kind: 'race', key: 'e', params: {} });
    await until(() => reports.some((r) => r.type === 'error'));
    expect(reports.find((r) => r.type === 'error')).toEqual({
      type: 'error',
      key: 'e',
      message: 'no such data',
    });
  });
});
