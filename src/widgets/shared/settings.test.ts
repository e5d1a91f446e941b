import { describe, expect, it } from 'vitest';
import {
  echo,
  ECHO_LIMIT,
  formatSettings,
  parseSettings,
  readChoiceText,
  readFlagText,
  readNumberText,
  splitIsolates,
  type Schema,
} from './settings';
import { labSchema, parseLabSettings } from '../estimator-lab/model';
import { parseRaceSettings } from '../vae-race/model';
import { parseSweepState } from '../temperature-sweep/model';
import { parseGumbelMaxState } from '../gumbel-max/model';

const count = {
  kind: 'number',
  key: 't.n',
  label: 'N',
  min: 1,
  max: 30,
  integer: true,
  default: 8,
  doc: 'a whole number',
} as const;
const rate = {
  kind: 'number',
  key: 't.r',
  label: 'rate',
  min: 0.001,
  max: 100,
  digits: 4,
  default: 1,
  doc: 'a real number',
} as const;

describe('the rule for numbers', () => {
  it('takes a valid value as it is, with no message', () => {
    expect(readNumberText(count, '10', 4)).toEqual({ value: 10, problem: null });
    expect(readNumberText(count, ' 12 ', 4)).toEqual({ value: 12, problem: null });
    expect(readNumberText(rate, '2.5e-2', 1)).toEqual({ value: 0.025, problem: null });
  });

  it('clamps out-of-range values and says so, naming the value used', () => {
    expect(readNumberText(count, '1e9', 4)).toEqual({
      value: 30,
      problem: 'N must be a whole number from 1 to 30; using 30.',
    });
    expect(readNumberText(count, '-1', 4)).toEqual({
      value: 1,
      problem: 'N must be a whole number from 1 to 30; using 1.',
    });
    expect(readNumberText(rate, '-1', 1).value).toBe(0.001);
    expect(readNumberText(rate, '-1', 1).problem).toMatch(
      /Rate must be from 0.001 to 100; using 0.001/,
    );
    expect(readNumberText(rate, '1e400', 1).value).toBe(100);
  });

  it('rounds a fraction for a whole-number setting and says so', () => {
    expect(readNumberText(count, '2.5', 4)).toEqual({
      value: 3,
      problem: 'N must be a whole number from 1 to 30; using 3.',
    });
    // −0.4 rounds to −0 and is clamped to 1: no “−0” anywhere.
    expect(readNumberText({ ...count, min: 0 }, '-0.4', 4).value).toBe(0);
    expect(Object.is(readNumberText({ ...count, min: 0 }, '-0.4', 4).value, 0)).toBe(true);
  });

  it('refuses what is not a number, keeps the fallback and says so', () => {
    for (const text of ['abc', '0x10', 'Infinity', 'NaN', '1,5', '--1', '1e', '\u202E123']) {
      const reading = readNumberText(count, text, 4);
      expect(reading.value, text).toBe(4);
      expect(reading.problem, text).toMatch(/is not a number; using 4\.$/);
    }
    // Empty is refused, not read as 0 (as Number('') would).
    expect(readNumberText(rate, '', 0.5)).toEqual({
      value: 0.5,
      problem: 'Rate: is empty; using 0.5.',
    });
    expect(readNumberText(rate, '   ', 0.5).value).toBe(0.5);
  });
});

describe('choices and flags', () => {
  it('refuse what is not allowed', () => {
    expect(readChoiceText(labSchema.preset, 'relax', 'rebar')).toEqual({
      value: 'relax',
      problem: null,
    });
    const junk = readChoiceText(labSchema.preset, 'magic', 'rebar');
    expect(junk.value).toBe('rebar');
    expect(junk.problem).toMatch(
      /is not a toy problem \(rebar, relax, categorical, linear\); using rebar/,
    );
    expect(readFlagText(labSchema.withBaseline, '0', true)).toEqual({
      value: false,
      problem: null,
    });
    expect(readFlagText(labSchema.withBaseline, 'true', false).value).toBe(true);
    const flag = readFlagText(labSchema.withBaseline, 'maybe', true);
    expect(flag).toEqual({
      value: true,
      problem: 'The baseline is 1 (on) or 0 (off), not “\u2068maybe\u2069”; using 1.',
    });
    expect(readFlagText(labSchema.withBaseline, '', true).problem).not.toBeNull();
  });
});

describe('echoed user text', () => {
  it('is isolated, shows control characters as code points and is cut short', () => {
    expect(echo('\u202E123')).toBe('“\u2068[U+202E]123\u2069”');
    expect(echo('a\u2066b\u2069c\u0000d\u200Fe')).toBe(
      '“\u2068a[U+2066]b[U+2069]c[U+0000]d[U+200F]e\u2069”',
    );
    const long = echo('x'.repeat(500));
    expect([...long].length).toBe(ECHO_LIMIT + 5);
    expect(long).toContain('…');
    // Nothing that could reorder text survives inside the isolate.
    const inside = splitIsolates(`Seed ${echo('\u202Eabc\u2066')} is bad`);
    expect(inside).toEqual([
      { text: 'Seed “', isolated: false },
      { text: '[U+202E]abc[U+2066]', isolated: true },
      { text: '” is bad', isolated: false },
    ]);
  });
});

describe('a schema', () => {
  interface Toy {
    n: number;
    r: number;
    on: boolean;
  }
  const schema: Schema<Toy> = {
    n: count,
    r: rate,
    on: { kind: 'flag', key: 't.on', label: 'on', default: true, doc: 'a flag' },
  };

  it('round-trips through a link and keys every problem by its parameter', () => {
    const state = { n: 17, r: 0.123456, on: false };
    const link = formatSettings(schema, state);
    expect(link).toEqual({ 't.n': '17', 't.r': '0.1235', 't.on': '0' });
    expect(parseSettings(schema, new URLSearchParams(link))).toEqual({
      state: { n: 17, r: 0.1235, on: false },
      problems: {},
    });
    const bad = parseSettings(schema, new URLSearchParams('t.n=&t.r=1000&t.on=2'));
    expect(bad.state).toEqual({ n: 8, r: 100, on: true });
    expect(Object.keys(bad.problems)).toEqual(['t.n', 't.r', 't.on']);
    expect(bad.problems['t.n']).toBe('N: is empty; using 8.');
  });
});

describe('every widget follows the rule on its link values', () => {
  it('refuses junk for booleans and enums, and says which value is used', () => {
    const lab = parseLabSettings(new URLSearchParams('lab.baseline=junk&lab.preset=x'));
    expect(lab.state.withBaseline).toBe(true);
    expect(lab.problems['lab.baseline']).toMatch(/using 1/);
    expect(lab.problems['lab.preset']).toMatch(/not a toy problem/);
    const race = parseRaceSettings(new URLSearchParams('vae.exact=junk&vae.data=cats'));
    expect(race.state.exact).toBe(false);
    expect(race.state.dataset).toBe('digits');
    expect(race.problems['vae.exact']).toMatch(/1 \(on\) or 0 \(off\)/);
    expect(race.problems['vae.data']).toMatch(/not a data set/);
  });

  it('fixes the bugs of issue 12', () => {
    // N = "1e9" became 19.
    expect(parseRaceSettings(new URLSearchParams('vae.n=1e9')).state.latents).toBe(30);
    // An empty τ said "raised to 0.05" but used 1.
    const sweep = parseSweepState(new URLSearchParams('ts.tau='));
    expect(sweep.state.tau).toBe(1);
    expect(sweep.problems['ts.tau']).toBe('The temperature T: is empty; using 1.');
    // A negative seed is clamped to 0, and said so.
    const gm = parseGumbelMaxState(new URLSearchParams('gm.seed=-1'));
    expect(gm.state.seed).toBe(0);
    expect(gm.problems['gm.seed']).toMatch(/from 0 to 4294967295; using 0/);
  });

  it('reads N and K against the data set of the link', () => {
    const fashion = parseRaceSettings(new URLSearchParams('vae.data=fashion&vae.k=x'));
    expect(fashion.state).toMatchObject({ latents: 20, classes: 10 });
    expect(fashion.problems['vae.k']).toMatch(/using 10/);
  });
});
