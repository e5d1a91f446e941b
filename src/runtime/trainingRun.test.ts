import { describe, expect, test } from 'vitest';
import { advanceWithin, isFinished } from './trainingRun';

describe('isFinished', () => {
  const running = { name: 'a', stopped: null };
  const stopped = { name: 'b', stopped: 'stopped at step 3' };

  test('a run goes on below its step limit while a line runs', () => {
    expect(isFinished(9, 10, [running, stopped])).toBe(false);
  });

  test('a run ends at its step limit, or once every line stopped', () => {
    expect(isFinished(10, 10, [running])).toBe(true);
    expect(isFinished(3, 10, [stopped, stopped])).toBe(true);
  });
});

describe('advanceWithin', () => {
  /** A run whose every step takes 4 ms of a fake clock; it applies a step when proceed() says so. */
  function fakeRun() {
    const clock = { t: 0 };
    const run = {
      step: 0,
      async advance(proceed: () => Promise<boolean>) {
        clock.t += 4;
        if (!(await proceed())) return false;
        run.step++;
        return true;
      },
    };
    return { run, clock, now: () => clock.t };
  }
  const yes = async () => true;

  test('takes the steps asked for when the budget allows', async () => {
    const { run, now } = fakeRun();
    const budget = { steps: 3, until: 100, now, going: () => true, proceed: yes };
    expect(await advanceWithin(run, budget)).toBe(3);
    expect(run.step).toBe(3);
  });

  test('stops once the clock passes the budget: 4 ms steps in 10 ms are 3 steps', async () => {
    const { run, now } = fakeRun();
    const budget = { steps: 100, until: 10, now, going: () => true, proceed: yes };
    expect(await advanceWithin(run, budget)).toBe(3);
  });

  test('stops before a step once going() is false, and when proceed() says no', async () => {
    const { run, now } = fakeRun();
    let changes = 0;
    const going = () => run.step < 2;
    const beforeStep = () => void changes++;
    const budget = { steps: 10, until: 1000, now, going, proceed: yes, beforeStep };
    expect(await advanceWithin(run, budget)).toBe(2);
    expect(changes).toBe(2);
    const refused = { steps: 10, until: 1000, now, going: () => true, proceed: async () => false };
    expect(await advanceWithin(run, refused)).toBe(0);
    expect(run.step).toBe(2);
  });
});
