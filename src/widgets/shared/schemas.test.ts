/**
 * What every widget's settings schema promises, checked on all of them at
 * once: the link parser, the formatter and the controls are made from the
 * schema, so a schema that breaks one of these breaks all three.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultsOf,
  formatSettings,
  numberValue,
  parseSettings,
  readSetting,
  seedSetting,
  temperatureSetting,
  type NumberSetting,
  type Schema,
  type Setting,
} from './settings';
import { labSchema } from '../estimator-lab/model';
import { raceSchema } from '../vae-race/model';
import { sweepSchema } from '../temperature-sweep/model';
import { gumbelMaxSchema } from '../gumbel-max/model';
import { tableSchema } from '../paper-table/model';

type AnySchema = Schema<Record<string, unknown>>;
const schemas: Record<string, { prefix: string; schema: Record<string, Setting> }> = {
  lab: { prefix: 'lab.', schema: labSchema },
  race: { prefix: 'vae.', schema: raceSchema },
  sweep: { prefix: 'ts.', schema: sweepSchema },
  gumbelMax: { prefix: 'gm.', schema: gumbelMaxSchema },
  table: { prefix: 'table.', schema: tableSchema },
};
const settingsOf = (schema: Record<string, Setting>) => Object.values(schema);

describe.each(Object.entries(schemas))('the %s schema', (_, { prefix, schema }) => {
  it('gives every setting a key of its widget, a label and a line of doc', () => {
    for (const s of settingsOf(schema)) {
      expect(s.key.startsWith(prefix), s.key).toBe(true);
      expect(s.label.length, s.key).toBeGreaterThan(0);
      expect(s.doc.length, s.key).toBeGreaterThan(10);
      expect(s.doc, s.key).not.toContain('\n');
    }
  });

  it('has defaults, list options and choices that its own rule takes as they are', () => {
    for (const s of settingsOf(schema)) {
      if (s.kind === 'number') {
        expect(s.min, s.key).toBeLessThan(s.max);
        const values = [s.default, ...(s.options ?? [])];
        for (const v of values) {
          expect(v, s.key).toBeGreaterThanOrEqual(s.min);
          expect(v, s.key).toBeLessThanOrEqual(s.max);
          if (s.integer) expect(Number.isInteger(v), `${s.key} ${v}`).toBe(true);
          // What a list offers reads back unchanged from a link.
          expect(readSetting(s, String(v), s.default), `${s.key} ${v}`).toEqual({
            value: v,
            problem: null,
          });
        }
      } else if (s.kind === 'choice') {
        expect(s.choices, s.key).toContain(s.default);
        for (const c of s.choices) expect(readSetting(s, c, s.default).problem).toBeNull();
      }
    }
  });

  it('round-trips its defaults and its limits through a link with no message', () => {
    const any = schema as AnySchema;
    const defaults = defaultsOf(any);
    expect(parseSettings(any, new URLSearchParams(formatSettings(any, defaults)))).toEqual({
      state: defaults,
      problems: {},
    });
    for (const end of ['min', 'max'] as const) {
      const state: Record<string, unknown> = { ...defaults };
      for (const [field, s] of Object.entries(schema))
        if (s.kind === 'number') state[field] = s[end];
      const link = new URLSearchParams(formatSettings(any, state));
      expect(parseSettings(any, link), end).toEqual({ state, problems: {} });
    }
  });
});

describe('keys', () => {
  it('are unique across every widget, so one link holds them all', () => {
    const keys = Object.values(schemas).flatMap(({ schema }) =>
      settingsOf(schema).map((s) => s.key),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('branded settings', () => {
  it('pass every value read through the brand’s constructor', () => {
    const made: number[] = [];
    const tagged: NumberSetting<number> = {
      kind: 'number',
      key: 't.x',
      label: 'x',
      min: 0,
      max: 10,
      default: 1,
      of: (v) => (made.push(v), v),
      doc: 'a number that counts its constructions',
    };
    expect(readSetting(tagged, '12', 1)).toEqual({
      value: 10,
      problem: 'X must be from 0 to 10; using 10.',
    });
    expect(numberValue(tagged, 3)).toBe(3);
    expect(made).toEqual([10, 3]);
  });

  it('make seeds and temperatures valid by construction, defaults included', () => {
    const s = seedSetting('t.seed', 7);
    expect(s.default).toBe(7);
    expect(s.of(2 ** 32 + 5)).toBe(5); // folded to 32 bits by the constructor
    const tau = temperatureSetting('t.tau', 0.5, 'a temperature');
    expect(tau.min).toBeGreaterThan(0);
    expect(() => tau.of(0)).toThrow(/positive/);
    const zero = readSetting(tau, '0', tau.default);
    expect(zero).toEqual({
      value: 0.05,
      problem: 'The temperature T must be from 0.05 to 10; using 0.05.',
    });
  });

  it('use one rule for τ in the lab and the sweep', () => {
    const rule = (s: NumberSetting) => [s.min, s.max, s.digits, s.integer, s.name, s.label, s.of];
    expect(rule(labSchema.tau)).toEqual(rule(sweepSchema.tau));
  });
});
