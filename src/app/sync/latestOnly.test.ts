import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly';

/** A schedule the test runs by hand: `tick()` is the next frame. */
function manualFrames() {
  let queued: (() => void)[] = [];
  return {
    schedule: (run: () => void) => {
      queued.push(run);
      return () => (queued = queued.filter((r) => r !== run));
    },
    tick: () => {
      const runs = queued;
      queued = [];
      for (const run of runs) run();
    },
    get queued() {
      return queued.length;
    },
  };
}

describe('latestOnly', () => {
  it('applies only the last of a burst, once, in the next frame', () => {
    const frames = manualFrames();
    const applied: number[] = [];
    const coalesced = latestOnly((v: number) => applied.push(v), frames.schedule);
    for (let i = 0; i < 10_000; i++) coalesced.push(i);
    expect(applied).toEqual([]);
    expect(frames.queued).toBe(1);
    frames.tick();
    expect(applied).toEqual([9999]);
    frames.tick();
    expect(applied).toEqual([9999]);
  });

  it('schedules again for values pushed after a frame, and applies at most one per frame', () => {
    const frames = manualFrames();
    const applied: string[] = [];
    const coalesced = latestOnly((v: string) => applied.push(v), frames.schedule);
    coalesced.push('a');
    frames.tick();
    coalesced.push('b');
    coalesced.push('c');
    frames.tick();
    coalesced.push('d');
    frames.tick();
    expect(applied).toEqual(['a', 'c', 'd']);
  });

  it('applies nothing after dispose', () => {
    const frames = manualFrames();
    const applied: number[] = [];
    const coalesced = latestOnly((v: number) => applied.push(v), frames.schedule);
    coalesced.push(1);
    coalesced.dispose();
    frames.tick();
    expect(applied).toEqual([]);
    expect(frames.queued).toBe(0);
  });
});
