/**
 * A widget's settings as one typed schema (key in the link, label, limits,
 * default, a line of doc), and the one rule by which every link value and
 * every typed field is read:
 * - a number out of range is clamped, and the message says so;
 * - a whole-number setting given a fraction is rounded, and the message says so;
 * - text that is not a number (or not one of the allowed choices) is refused:
 *   the fallback (the default for a link, the previous value for a field) is
 *   used, and the message says so.
 * Every message names the value actually used. User text echoed in a message
 * is made safe by `echo`.
 */

import { echo } from '../../deck/echo';
import { seed, temperature, type Seed, type Temperature } from '../../ml/types';
import { stepsPerSecondAt } from '../../runtime/pacing';

export { echo, ECHO_LIMIT, splitIsolates } from '../../deck/echo';

interface SettingBase<T> {
  /** The parameter's name in the link, e.g. `lab.k`. */
  key: string;
  /** The control's label, and the subject of messages unless `name` is given. */
  label: string;
  /** How messages name the setting when the label is too short (“The number of draws”). */
  name?: string;
  default: T;
  /** One line for people reading the schema: what the setting does. */
  doc: string;
}

interface NumberSettingBase<T extends number> extends SettingBase<T> {
  kind: 'number';
  min: number;
  max: number;
  /** Whole numbers only; a fraction is rounded, with a message. */
  integer?: boolean;
  /** Significant digits kept in a link (default: all). */
  digits?: number;
  /** How a field shows the value, and so how messages name it (default: as a link writes it). */
  show?: (value: number) => string;
  /**
   * The values the control offers as a list (a select) instead of a typed
   * field; a link may still hold any value within the limits, which the list
   * then shows too.
   */
  options?: readonly number[];
  /** How an entry of that list reads (default: the value as a field shows it). */
  optionText?: (value: number) => string;
}

/**
 * A number setting. A branded number (a `Seed`, a `Temperature`) names its
 * validating constructor in `of`, which every value read passes through.
 */
export type NumberSetting<T extends number = number> = NumberSettingBase<T> &
  (number extends T ? { of?: (value: number) => T } : { of: (value: number) => T });

export interface ChoiceSetting<T extends string = string> extends SettingBase<T> {
  kind: 'choice';
  choices: readonly T[];
  /** How a choice reads in the control (default: as a link writes it). */
  choiceText?(choice: T): string;
}

/** On or off, written `1` or `0` in a link. */
export interface FlagSetting extends SettingBase<boolean> {
  kind: 'flag';
}

/**
 * Some of a list of choices (e.g. the estimators a figure shows), written
 * comma-separated in a link (`lab.est=reinforce,rloo`), kept in the order of
 * `choices`; an empty link value is the empty set.
 */
export interface SetSetting<T extends string = string> extends SettingBase<readonly T[]> {
  kind: 'set';
  choices: readonly T[];
  /** How a choice reads in the control (default: as a link writes it). */
  choiceText?(choice: T): string;
}

/** Any setting (a branded number setting is a number setting too). */
export type Setting = NumberSetting | ChoiceSetting | FlagSetting | SetSetting;

/** One setting per field of the state S, of the kind its type asks for. */
export type Schema<S> = {
  [K in keyof S]: S[K] extends boolean
    ? FlagSetting
    : S[K] extends readonly (infer T extends string)[]
      ? SetSetting<T>
      : S[K] extends number
        ? NumberSetting<S[K]>
        : S[K] extends string
          ? ChoiceSetting<S[K]>
          : never;
};

/** Messages for the user, by the link key they are about (one message a key). */
export type Problems = Readonly<Record<string, string>>;

export interface Parsed<T> {
  state: T;
  problems: Problems;
}

/** The value to use, and the message that explains it (null when the input was fine). */
export interface Reading<T> {
  value: T;
  problem: string | null;
}

/** Plain decimal notation only: no hex, no "Infinity", no empty string (which Number reads as 0). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** The number written in `text` in plain decimal notation, or null. */
export const parseDecimal = (text: string): number | null =>
  DECIMAL.test(text.trim()) ? Number(text.trim()) : null;

const subject = (s: Setting) => {
  const name = s.name ?? s.label;
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** How a number is written in fields and links: whole numbers exactly, others to `digits`. */
export function formatNumber(s: NumberSetting, value: number): string {
  if (s.integer || s.digits === undefined) return String(value);
  return String(Number(value.toPrecision(s.digits)));
}

/** How a field shows a value: the setting's `show`, else as a link writes it. */
export const showNumber = (s: NumberSetting, value: number): string =>
  s.show ? s.show(value) : formatNumber(s, value);

/**
 * The rule for numbers: `text` read against the setting's limits, `fallback`
 * when refused. The message names the value used as the field shows it.
 */
export function readNumberText(
  s: NumberSetting,
  text: string,
  fallback: number,
  show: (value: number) => string = (v) => showNumber(s, v),
): Reading<number> {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) {
    const what = trimmed === '' ? 'is empty' : `${echo(text)} is not a number`;
    return { value: fallback, problem: `${subject(s)}: ${what}; using ${show(fallback)}.` };
  }
  const typed = Number(trimmed);
  const whole = s.integer ? Math.round(typed) : typed;
  const value = Math.min(s.max, Math.max(s.min, whole)) + 0; // + 0 turns −0 into 0
  if (value === typed) return { value, problem: null };
  const kind = s.integer ? 'a whole number from' : 'from';
  return {
    value,
    problem: `${subject(s)} must be ${kind} ${s.min} to ${s.max}; using ${show(value)}.`,
  };
}

/** The rule for choices: one of `choices`, else refused. */
export function readChoiceText<T extends string>(
  s: ChoiceSetting<T>,
  text: string,
  fallback: T,
): Reading<T> {
  if ((s.choices as readonly string[]).includes(text)) return { value: text as T, problem: null };
  return {
    value: fallback,
    problem: `${echo(text)} is not a ${s.name ?? s.label} (${s.choices.join(', ')}); using ${fallback}.`,
  };
}

const FLAG_TEXT: Record<string, boolean> = { '1': true, '0': false, true: true, false: false };

/** The rule for on/off: `1` or `0` (also `true`, `false`), else refused. */
export function readFlagText(s: FlagSetting, text: string, fallback: boolean): Reading<boolean> {
  const value = FLAG_TEXT[text.trim().toLowerCase()];
  if (value !== undefined) return { value, problem: null };
  return {
    value: fallback,
    problem: `${subject(s)} is 1 (on) or 0 (off), not ${echo(text)}; using ${fallback ? 1 : 0}.`,
  };
}

/**
 * The rule for sets: the comma-separated names that are `choices` (in their
 * order, each once); a name that is not one is refused and left out, and the
 * message names the set used.
 */
export function readSetText<T extends string>(
  s: SetSetting<T>,
  text: string,
): Reading<readonly T[]> {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const known = new Set<string>(s.choices);
  const refused = names.filter((n) => !known.has(n));
  const value = s.choices.filter((c) => names.includes(c));
  if (refused.length === 0) return { value, problem: null };
  return {
    value,
    problem: `${refused.map(echo).join(', ')} ${refused.length === 1 ? 'is' : 'are'} not among the ${s.name ?? s.label} (${s.choices.join(', ')}); using ${value.join(', ') || 'none'}.`,
  };
}

/** A number as the setting's type: through its constructor when it is branded. */
export const numberValue = <T extends number>(s: NumberSetting<T>, value: number): T =>
  s.of ? s.of(value) : (value as T);

/** Reads one setting from its link text. */
export function readSetting<S extends Setting>(
  s: S,
  text: string,
  fallback: S['default'],
): Reading<S['default']> {
  switch (s.kind) {
    case 'number': {
      const reading = readNumberText(s, text, fallback as number);
      return { ...reading, value: numberValue(s, reading.value) } as Reading<S['default']>;
    }
    case 'choice':
      return readChoiceText(s, text, fallback as string) as Reading<S['default']>;
    case 'flag':
      return readFlagText(s, text, fallback as boolean) as Reading<S['default']>;
    case 'set':
      return readSetText(s, text) as Reading<S['default']>;
  }
}

/** Every setting's default. */
export function defaultsOf<S>(schema: Schema<S>): S {
  const out: Record<string, unknown> = {};
  for (const [field, s] of Object.entries(schema) as [string, Setting][]) out[field] = s.default;
  return out as S;
}

/**
 * Reads every setting of `schema` from a link's parameters; a missing
 * parameter takes its value from `fallback` (by default the schema's defaults).
 */
export function parseSettings<S>(
  schema: Schema<S>,
  params: URLSearchParams,
  fallback: S = defaultsOf(schema),
): Parsed<S> {
  const state: Record<string, unknown> = { ...(fallback as object) };
  const problems: Record<string, string> = {};
  for (const [field, s] of Object.entries(schema) as [string, Setting][]) {
    const text = params.get(s.key);
    if (text === null) continue;
    const reading = readSetting(s, text, (fallback as Record<string, never>)[field] ?? s.default);
    state[field] = reading.value;
    if (reading.problem) problems[s.key] = reading.problem;
  }
  return { state: state as S, problems };
}

/** The link form of every setting of `schema`. */
export function formatSettings<S>(schema: Schema<S>, state: S): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, s] of Object.entries(schema) as [string, Setting][]) {
    const value = (state as Record<string, unknown>)[field];
    if (s.kind === 'number') out[s.key] = formatNumber(s, value as number);
    else if (s.kind === 'flag') out[s.key] = value ? '1' : '0';
    else if (s.kind === 'set') out[s.key] = (value as readonly string[]).join(',');
    else out[s.key] = String(value);
  }
  return out;
}

/** A seed: any whole number a 32-bit generator takes. */
export const seedSetting = (key: string, fallback: number): NumberSetting<Seed> => ({
  kind: 'number',
  key,
  label: 'seed',
  name: 'The seed',
  min: 0,
  max: 2 ** 32 - 1,
  integer: true,
  default: seed(fallback),
  of: seed,
  doc: 'Seeds every random draw, so that a link reproduces the picture.',
});

/** A new seed for “New seed”: the one place a seed comes from Math.random. */
export const freshSeed = (): Seed => seed(Math.floor(Math.random() * 2 ** 32));

/**
 * Every widget's τ: positive, from 0.05 (float32 softmax of logits/τ still has
 * a usable gradient) to 10 (samples look uniform).
 */
export const TEMPERATURE_LIMITS = { min: 0.05, max: 10 } as const;

/** A temperature τ, the one rule for it in every widget: TEMPERATURE_LIMITS, four significant digits in a link. */
export const temperatureSetting = (
  key: string,
  fallback: number,
  doc: string,
  options?: readonly number[],
): NumberSetting<Temperature> => ({
  kind: 'number',
  key,
  label: 'T',
  name: 'The temperature T',
  ...TEMPERATURE_LIMITS,
  digits: 4,
  default: temperature(fallback),
  of: temperature,
  ...(options ? { options } : {}),
  doc,
});

/**
 * A training figure's speed: the most steps per second it takes, written in
 * the link as sixtieths of that (the old steps per frame at 60 fps), so
 * messages name the unit.
 */
export const speedSetting = (key: string, fallback: number): NumberSetting => ({
  kind: 'number',
  key,
  label: 'speed, at most',
  name: 'The speed (× 60 steps/s)',
  min: 1,
  max: 50,
  integer: true,
  default: fallback,
  options: [1, 2, 5, 10, 20, 50],
  optionText: (speed) => `${stepsPerSecondAt(speed)} steps/s`,
  doc: 'The most steps per second training takes: this value × 60 (the control shows steps/s); a slow machine takes fewer, and the figure shows how many.',
});

/** Compact text for probabilities in a URL: four significant digits. */
export const formatProbabilityList = (p: readonly number[]) =>
  p.map((x) => Number(x.toPrecision(4)).toString()).join(',');
