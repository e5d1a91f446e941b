/** The cases of tests/inputs.e2e.ts: every link parameter and number field of every widget, with its limits. */

export interface NumberParam {
  key: string;
  min: number;
  max: number;
  fallback: number;
  integer?: boolean;
  /** A valid value to end with (default: halfway between the limits). */
  valid?: number;
  /** How the messages name the setting, when the test checks it. */
  subject?: string;
}

export interface WidgetCase {
  /** The widget's class name and its slide. */
  widget: string;
  slide: string;
  /** Parameters kept in every case (e.g. a preset in which K is used). */
  base?: string;
  numbers: NumberParam[];
  /** Link values that are not numbers: junk → the value used, and a valid value. */
  others: { key: string; junk: string; used: string | null; message: RegExp; valid: string }[];
}

const SEED = { min: 0, max: 2 ** 32 - 1, integer: true };
/** The speed in a link is in sixtieths of the steps per second the control shows: messages say so. */
const SPEED = 'The speed (× 60 steps/s)';

export const widgets: WidgetCase[] = [
  {
    widget: 'gumbel-max',
    slide: '#/gumbel-max/4',
    numbers: [
      { key: 'gm.n', min: 1, max: 1_000_000, fallback: 10_000, integer: true, valid: 2000 },
      { key: 'gm.seed', ...SEED, fallback: 1954 },
      { key: 'gm.draw', min: 0, max: 1e9, fallback: 0, integer: true },
    ],
    others: [
      {
        key: 'gm.p',
        junk: '0.5,x',
        used: null,
        message:
          /probabilities “0.5,x” are not a comma-separated list of numbers; using the defaults/,
        valid: '0.5,0.5',
      },
      {
        key: 'gm.p',
        junk: 'abc',
        used: null,
        message:
          /probabilities “abc” are not a comma-separated list of numbers; using the defaults/,
        valid: '0.5,0.5',
      },
      {
        key: 'gm.p',
        junk: '1',
        used: null,
        message: /lists 1 class; 2 to 10/,
        valid: '0.25,0.75',
      },
      {
        key: 'gm.p',
        junk: '-1,2',
        used: null,
        message: /“-1,2” are not non-negative numbers with a positive sum/,
        valid: '0.25,0.75',
      },
    ],
  },
  {
    widget: 'temperature-sweep',
    slide: '#/temperature/2',
    numbers: [
      { key: 'ts.tau', min: 0.05, max: 10, fallback: 1 },
      { key: 'ts.n', min: 100, max: 20_000, fallback: 3000, integer: true },
      { key: 'ts.seed', ...SEED, fallback: 2016 },
    ],
    others: [
      {
        key: 'ts.pi',
        junk: '1,2',
        used: null,
        message: /three non-negative probabilities, not “1,2”; using the defaults/,
        valid: '0.5,0.25,0.25',
      },
    ],
  },
  {
    widget: 'estimator-lab',
    slide: '#/toy-lab',
    base: 'lab.preset=categorical',
    numbers: [
      { key: 'lab.k', min: 2, max: 10, fallback: 4, integer: true },
      { key: 'lab.tau', min: 0.05, max: 10, fallback: 0.5 },
      { key: 'lab.lr', min: 0.001, max: 100, fallback: 1 },
      { key: 'lab.samples', min: 1, max: 256, fallback: 1, integer: true },
      { key: 'lab.seed', ...SEED, fallback: 2017 },
      { key: 'lab.speed', min: 1, max: 50, fallback: 2, integer: true, subject: SPEED },
    ],
    others: [
      {
        key: 'lab.baseline',
        junk: 'junk',
        used: null,
        message: /baseline is 1 \(on\) or 0 \(off\), not “junk”; using 1/,
        valid: '0',
      },
      {
        key: 'lab.preset',
        junk: 'magic',
        used: null,
        message: /“magic” is not a toy problem .*; using rebar/,
        valid: 'linear',
      },
    ],
  },
  {
    widget: 'vae-race',
    slide: '#/results',
    numbers: [
      { key: 'vae.n', min: 1, max: 30, fallback: 8, integer: true },
      { key: 'vae.k', min: 2, max: 10, fallback: 4, integer: true },
      { key: 'vae.lr', min: 1e-5, max: 0.03, fallback: 0.003 },
      { key: 'vae.seed', ...SEED, fallback: 2017 },
      { key: 'vae.speed', min: 1, max: 50, fallback: 5, integer: true, subject: SPEED },
    ],
    others: [
      {
        key: 'vae.exact',
        junk: 'junk',
        used: null,
        message: /Exact marginalization is 1 \(on\) or 0 \(off\), not “junk”; using 0/,
        valid: '0',
      },
      {
        key: 'vae.exact',
        junk: '1',
        used: null,
        message: /K\^N = 4\^8 values; it runs only up to 256/,
        valid: '0',
      },
      {
        key: 'vae.data',
        junk: 'cats',
        used: null,
        message: /“cats” is not a data set .*; using digits/,
        valid: 'digits',
      },
      {
        key: 'vae.tau',
        junk: 'hot',
        used: null,
        message: /“hot” is not a T schedule .*; using fast/,
        valid: 'paper',
      },
    ],
  },
];

/** The bad values every number parameter is tried with, and what must happen. */
export function badNumbers(p: NumberParam) {
  const range = `${p.integer ? 'a whole number from' : 'from'} ${p.min} to ${p.max}`;
  // Without a subject to check, a message is checked from its verb on.
  const must = p.subject ? `${p.subject} must be` : 'must be';
  const is = p.subject ? `${p.subject}: ` : '';
  const cases = [
    { text: String(p.min - 1), used: p.min, message: `${must} ${range}; using ${p.min}.` },
    { text: '1e12', used: p.max, message: `${must} ${range}; using ${p.max}.` },
    { text: 'abc', used: p.fallback, message: `${is}“abc” is not a number; using ${p.fallback}.` },
    { text: '', used: p.fallback, message: `${is}is empty; using ${p.fallback}.` },
    {
      text: '\u202E123',
      used: p.fallback,
      message: `${is}“[U+202E]123” is not a number; using ${p.fallback}.`,
    },
  ];
  if (p.integer)
    cases.push({
      text: String(p.min + 0.5),
      used: p.min + 1,
      message: `${must} ${range}; using ${p.min + 1}.`,
    });
  return cases;
}

/** A valid value other than the default and the limits (so the link changes and keeps it). */
export const validNumber = (p: NumberParam) =>
  p.valid ??
  (p.integer ? Math.round((p.min + p.max) / 2) : Number(((p.min + p.max) / 2).toPrecision(3)));

/** Every number field: typed bad values, then a valid one. */
export const fields = [
  {
    slide: '#/gumbel-max/4',
    widget: 'gumbel-max',
    key: 'gm.n',
    label: 'Draws',
    min: 1,
    max: 1_000_000,
    integer: true,
    valid: '500',
  },
  {
    slide: '#/gumbel-max/4',
    widget: 'gumbel-max',
    key: 'gm.p',
    label: 'Probability of class 1',
    min: 0.001,
    max: 0.997,
    valid: '0.6',
  },
  {
    slide: '#/temperature/2',
    widget: 'temperature-sweep',
    key: 'ts.pi',
    label: 'Simplex probability of class 1',
    min: 0.001,
    max: 0.998,
    valid: '0.3',
  },
  {
    slide: '#/toy-lab?lab.preset=categorical',
    widget: 'estimator-lab',
    key: 'lab.k',
    label: 'K',
    min: 2,
    max: 10,
    integer: true,
    valid: '10',
  },
  {
    slide: '#/results',
    widget: 'vae-race',
    key: 'vae.n',
    label: 'N',
    min: 1,
    max: 30,
    integer: true,
    valid: '20',
  },
  {
    slide: '#/results',
    widget: 'vae-race',
    key: 'vae.k',
    label: 'K',
    min: 2,
    max: 10,
    integer: true,
    valid: '10',
  },
  {
    slide: '#/results',
    widget: 'vae-race',
    key: 'vae.seed',
    label: 'seed',
    min: 0,
    max: 2 ** 32 - 1,
    integer: true,
    valid: '12345',
  },
];
