/** The lab's settings as plain data, and their URL form (prefix `lab.`). */
import { seed as asSeed, type Seed } from '../../ml/types';
import { readInteger, readNumber, type Parsed } from '../shared/urlState';
import { presets, type PresetName } from './problems';

export interface LabSettings {
  preset: PresetName;
  /** Classes for the categorical presets (the binary ones always have 2). */
  k: number;
  tau: number;
  learningRate: number;
  /** Samples per training step. */
  samples: number;
  withBaseline: boolean;
  seed: Seed;
  /**
   * The training speed, in sixtieths of a second's steps: `speed` × 60 steps
   * per second (the old "steps per frame" at 60 frames per second, so old
   * links keep their meaning). A step too slow for it lowers the rate, never
   * the page's frame rate: training runs in a worker.
   */
  speed: number;
}

export const defaultLabSettings = (): LabSettings => ({
  preset: 'rebar',
  k: 4,
  tau: 0.5,
  learningRate: 1,
  samples: 1,
  withBaseline: true,
  seed: asSeed(2017),
  speed: 2,
});

export const LIMITS = {
  k: [2, 10],
  tau: [0.05, 10],
  learningRate: [0.001, 100],
  samples: [1, 256],
  speed: [1, 50],
} as const;

export function parseLabSettings(params: URLSearchParams): Parsed<LabSettings> {
  const problems: string[] = [];
  const d = defaultLabSettings();
  const rawPreset = params.get('lab.preset');
  let preset = d.preset;
  if (rawPreset !== null) {
    if (rawPreset in presets) preset = rawPreset as PresetName;
    else problems.push(`“${rawPreset.slice(0, 20)}” is not a toy problem; using ${d.preset}.`);
  }
  const rawTau = params.get('lab.tau');
  if (rawTau !== null && Number(rawTau) <= 0)
    problems.push(
      `A temperature must be positive; “${rawTau.slice(0, 12)}” was raised to ${LIMITS.tau[0]}.`,
    );
  const quiet: string[] = [];
  return {
    state: {
      preset,
      k: readInteger(params, 'lab.k', 'The number of classes', d.k, ...LIMITS.k, problems),
      tau: readNumber(
        params,
        'lab.tau',
        'The temperature',
        d.tau,
        ...LIMITS.tau,
        rawTau !== null && Number(rawTau) <= 0 ? quiet : problems,
      ),
      learningRate: readNumber(
        params,
        'lab.lr',
        'The learning rate',
        d.learningRate,
        ...LIMITS.learningRate,
        problems,
      ),
      samples: readInteger(
        params,
        'lab.samples',
        'Samples per step',
        d.samples,
        ...LIMITS.samples,
        problems,
      ),
      withBaseline: params.get('lab.baseline') !== '0',
      seed: asSeed(readInteger(params, 'lab.seed', 'The seed', d.seed, 0, 2 ** 32 - 1, problems)),
      speed: readInteger(params, 'lab.speed', 'The speed', d.speed, ...LIMITS.speed, problems),
    },
    problems,
  };
}

export function formatLabSettings(s: LabSettings): Record<string, string> {
  return {
    'lab.preset': s.preset,
    'lab.k': String(s.k),
    'lab.tau': String(Number(s.tau.toPrecision(4))),
    'lab.lr': String(s.learningRate),
    'lab.samples': String(s.samples),
    'lab.baseline': s.withBaseline ? '1' : '0',
    'lab.seed': String(s.seed),
    'lab.speed': String(s.speed),
  };
}
