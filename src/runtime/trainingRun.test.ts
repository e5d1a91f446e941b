import { describe, expect, test } from 'vitest';
import { isFinished } from './trainingRun';

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
