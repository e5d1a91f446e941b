import { describe, expect, test } from 'vitest';
import {
  achievedSpeed,
  FRAME_MS,
  RateMeter,
  SLICE_MS,
  SnapshotGate,
  StepPacer,
  stepsPerSecondAt,
} from './pacing';

describe('the step pacer', () => {
  test('lets steps through at its rate', () => {
    const pacer = new StepPacer(120, 0); // 120 steps/s: 0.12 a ms
    expect(pacer.due(0)).toBe(1); // the first step at once
    pacer.spend(1);
    expect(pacer.due(5)).toBe(0);
    expect(pacer.waitMs()).toBeCloseTo((1 - 0.6) / 0.12, 6);
    expect(pacer.due(10)).toBe(1);
  });

  test('never saves up more than a slice: a slow run does not burst, a pause is not spent', () => {
    const rate = 3000;
    const pacer = new StepPacer(rate, 0);
    const cap = 1 + (rate * SLICE_MS) / 1000;
    expect(pacer.due(60_000)).toBe(Math.floor(cap));
    pacer.spend(2); // the run managed only two
    expect(pacer.due(60_016)).toBe(Math.floor(cap));
  });

  test('follows a change of speed', () => {
    const pacer = new StepPacer(60, 0);
    pacer.spend(1);
    pacer.setRate(600);
    expect(pacer.due(10)).toBe(6);
  });

  test('a speed setting is the old steps per frame at 60 frames per second', () => {
    expect(stepsPerSecondAt(5)).toBe(300);
    expect(stepsPerSecondAt(50)).toBe(3000);
  });
});

describe('the snapshot gate', () => {
  test('posts only news', () => {
    const gate = new SnapshotGate();
    expect(gate.shouldPost(0, false)).toBe(false);
    gate.changed();
    expect(gate.shouldPost(0, false)).toBe(true);
    expect(gate.shouldPost(1, false)).toBe(false);
  });

  test('while playing: after the view took the last one, or a frame after it was posted', () => {
    const gate = new SnapshotGate();
    gate.changed();
    expect(gate.shouldPost(0, true)).toBe(true);
    gate.changed();
    expect(gate.shouldPost(FRAME_MS - 1, true)).toBe(false); // not taken, not a frame old
    expect(gate.shouldPost(FRAME_MS, true)).toBe(true); // a frame old
    gate.changed();
    gate.acknowledged();
    expect(gate.shouldPost(FRAME_MS + 1, true)).toBe(true); // taken
  });

  test('at rest, news goes out at once, taken or not', () => {
    const gate = new SnapshotGate();
    gate.changed();
    gate.shouldPost(0, true);
    gate.changed();
    expect(gate.shouldPost(1, false)).toBe(true);
  });

  test('a view that comes back gets the run again', () => {
    const gate = new SnapshotGate();
    gate.changed();
    gate.shouldPost(0, false);
    gate.reset();
    expect(gate.shouldPost(1, true)).toBe(true);
  });
});

describe('RateMeter', () => {
  test('measures steps per second over its window, and ignores the time before a restart', () => {
    const meter = new RateMeter(1000);
    expect(meter.stepsPerSecond).toBeNull();
    meter.record(0, 0);
    meter.record(10, 100);
    expect(meter.stepsPerSecond).toBeCloseTo(100);
    // Marks older than the window drop out: 20 steps in the last ~1 s.
    for (let t = 200; t <= 2000; t += 100) meter.record(10 + (t - 100) / 50, t);
    expect(meter.stepsPerSecond).toBeCloseTo(20);
    // Paused for 10 s: after a restart, only the time playing counts.
    meter.restart();
    meter.record(100, 12_000);
    meter.record(150, 12_500);
    expect(meter.stepsPerSecond).toBeCloseTo(100);
  });
});

test('the status line says what a run achieves against its cap', () => {
  expect(achievedSpeed(false, 42, 5)).toBe('paused');
  expect(achievedSpeed(true, null, 5)).toBe('… steps/s (at most 300)');
  expect(achievedSpeed(true, 41.6, 5)).toBe('42 steps/s (at most 300)');
});
