import { describe, expect, test } from 'vitest';
import { parseCommand, parseReport } from './protocol';

describe('the training messages', () => {
  test('well-formed commands pass as they are', () => {
    const commands = [
      { type: 'init', backend: null },
      { type: 'init', backend: 'wasm' },
      { type: 'open', kind: 'lab', key: 'k', params: { a: 1 } },
      { type: 'open', kind: 'table', key: 'k', params: { a: 1 } },
      { type: 'open', kind: 'task', key: 'k', params: { a: 1 } },
      { type: 'play', key: 'k', playing: true, stepsPerSecond: 300 },
      { type: 'step', key: 'k' },
      { type: 'ack', key: 'k' },
      { type: 'fault', key: 'k', line: 'gumbel-softmax' },
      { type: 'close', key: 'k' },
      { type: 'memory', id: 3 },
    ];
    for (const command of commands) expect(parseCommand(command)).toEqual(command);
  });

  test.each([
    [null, /object with a type/],
    ['play', /object with a type/],
    [{ type: 'explode' }, /not a command/],
    [{ type: 'init', backend: 'gpu' }, /not a backend/],
    [{ type: 'open', kind: 'gan', key: 'k' }, /not a kind of run/],
    [{ type: 'open', kind: 'race', key: '' }, /needs a key/],
    [{ type: 'play', key: 'k', playing: 'yes', stepsPerSecond: 60 }, /true or false/],
    [{ type: 'play', key: 'k', playing: true, stepsPerSecond: 0 }, /above 0/],
    [{ type: 'play', key: 'k', playing: true, stepsPerSecond: NaN }, /above 0/],
    [{ type: 'step' }, /needs a key/],
    [{ type: 'fault', key: 'k' }, /needs a key and a line/],
    [{ type: 'memory' }, /needs an id/],
  ])('refuses %j with a reason', (data, reason) => {
    expect(parseCommand(data)).toMatch(reason);
  });

  test('reports are checked on the page too', () => {
    expect(
      parseReport({ type: 'snapshot', key: 'k', playing: false, snapshot: { step: 1 } }),
    ).toEqual({ type: 'snapshot', key: 'k', playing: false, snapshot: { step: 1 } });
    expect(parseReport({ type: 'snapshot', key: 'k', snapshot: 3 })).toMatch(/needs/);
    expect(parseReport({ type: 'error', key: null, message: 'x' })).toEqual({
      type: 'error',
      key: null,
      message: 'x',
    });
    expect(parseReport({ type: 'hello' })).toMatch(/not a report/);
  });
});
