/** The page's training client with a fake worker and a frame clock we advance by hand. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Command } from './protocol';
import { TrainingClient } from './trainingClient';

let frames: (() => void)[] = [];
const runFrame = () => frames.splice(0).forEach((f) => f());

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
});
afterEach(() => vi.unstubAllGlobals());

function fakeWorker() {
  const sent: Command[] = [];
  const worker = {
    postMessage: (c: Command) => sent.push(c),
    onmessage: null as ((e: { data: unknown }) => void) | null,
    onerror: null,
  };
  const client = new TrainingClient(() => worker as unknown as Worker, 'wasm');
  const report = (data: unknown) => worker.onmessage!({ data });
  return { client, sent, report };
}

describe('the training client', () => {
  test('starts the worker with the asked backend, opens a run once, and forwards commands', () => {
    const { client, sent } = fakeWorker();
    client.open('lab', 'a', () => ({ x: 1 }));
    client.open('lab', 'a', () => ({ x: 2 }));
    client.play('a', true, 120);
    expect(sent).toEqual([
      { type: 'init', backend: 'wasm' },
      { type: 'open', kind: 'lab', key: 'a', params: { x: 1 } },
      { type: 'play', key: 'a', playing: true, stepsPerSecond: 120 },
    ]);
  });

  test('hands the views the latest snapshot once a frame, then acknowledges it', () => {
    const { client, sent, report } = fakeWorker();
    client.open('race', 'r', () => null);
    const seen: number[] = [];
    client.subscribe('r', () => seen.push(client.state<{ step: number }>('r').snapshot!.step));
    for (const step of [1, 2, 3])
      report({ type: 'snapshot', key: 'r', playing: true, snapshot: { step } });
    // Readable at once (tests read it), drawn at the next frame, and only the latest.
    expect(client.state<{ step: number }>('r').snapshot!.step).toBe(3);
    expect(seen).toEqual([]);
    expect(sent.filter((c) => c.type === 'ack')).toEqual([]);
    runFrame();
    expect(seen).toEqual([3]);
    expect(sent.filter((c) => c.type === 'ack')).toEqual([{ type: 'ack', key: 'r' }]);
    runFrame();
    expect(seen).toEqual([3]);
  });

  test('a reset shows no run at once, and late snapshots of the closed run are dropped', () => {
    const { client, report } = fakeWorker();
    client.open('lab', 'a', () => null);
    report({ type: 'snapshot', key: 'a', playing: false, snapshot: { step: 5 } });
    client.close('lab', 'a');
    expect(client.state('a').snapshot).toBeNull();
    report({ type: 'snapshot', key: 'a', playing: false, snapshot: { step: 6 } });
    runFrame();
    expect(client.state('a').snapshot).toBeNull();
  });

  test('keeps an error per run and ignores malformed reports', () => {
    const { client, report } = fakeWorker();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    client.open('race', 'r', () => null);
    report({ type: 'error', key: 'r', message: 'NaN everywhere' });
    report({ type: 'snapshot', key: 'r' });
    expect(client.state('r').error).toBe('NaN everywhere');
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/snapshot needs/));
  });

  test('says so when no worker can start', () => {
    const client = new TrainingClient(() => {
      throw new Error('no module workers');
    }, null);
    client.start();
    expect(client.backend()).toEqual({
      state: 'failed',
      error: 'no training worker (Error: no module workers)',
    });
  });
});
