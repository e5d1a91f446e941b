/** The lab's settings as one schema, and their URL form (prefix `lab.`). */
import { seed as asSeed, type Seed } from '../../ml/types';
import {
  defaultsOf,
  formatSettings,
  parseSettings,
  seedSetting,
  speedSetting,
  type Parsed,
  type Schema,
} from '../shared/settings';
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

export const labSchema: Schema<LabSettings> = {
  preset: {
    kind: 'choice',
    key: 'lab.preset',
    label: 'toy problem',
    choices: Object.keys(presets) as PresetName[],
    default: 'rebar',
    doc: 'Which toy objective the estimators are compared on.',
  },
  k: {
    kind: 'number',
    key: 'lab.k',
    label: 'K',
    name: 'The number of classes K',
    min: 2,
    max: 10,
    integer: true,
    default: 4,
    doc: 'Classes of the categorical presets (the binary ones always have 2).',
  },
  tau: {
    kind: 'number',
    key: 'lab.tau',
    label: 'T',
    name: 'The temperature T',
    min: 0.05,
    max: 10,
    digits: 4,
    default: 0.5,
    doc: 'Temperature of the relaxed estimators; must be positive.',
  },
  learningRate: {
    kind: 'number',
    key: 'lab.lr',
    label: 'learning rate',
    min: 0.001,
    max: 100,
    digits: 4,
    default: 1,
    doc: 'Step size of plain gradient ascent on the logits.',
  },
  samples: {
    kind: 'number',
    key: 'lab.samples',
    label: 'samples/step',
    name: 'Samples per step',
    min: 1,
    max: 256,
    integer: true,
    default: 1,
    doc: 'Samples averaged into one gradient estimate.',
  },
  withBaseline: {
    kind: 'flag',
    key: 'lab.baseline',
    label: 'baseline',
    name: 'The baseline',
    default: true,
    doc: 'Whether REINFORCE subtracts a moving-average baseline.',
  },
  seed: seedSetting('lab.seed', 2017),
  speed: speedSetting('lab.speed', 2),
};

export const defaultLabSettings = (): LabSettings => {
  const d = defaultsOf(labSchema);
  return { ...d, seed: asSeed(d.seed) };
};

/** The number limits, as [min, max]. */
export const LIMITS = {
  k: [labSchema.k.min, labSchema.k.max],
  tau: [labSchema.tau.min, labSchema.tau.max],
  learningRate: [labSchema.learningRate.min, labSchema.learningRate.max],
  samples: [labSchema.samples.min, labSchema.samples.max],
  speed: [labSchema.speed.min, labSchema.speed.max],
} as const;

export function parseLabSettings(params: URLSearchParams): Parsed<LabSettings> {
  const parsed = parseSettings(labSchema, params, defaultLabSettings());
  return { ...parsed, state: { ...parsed.state, seed: asSeed(parsed.state.seed) } };
}

export const formatLabSettings = (s: LabSettings): Record<string, string> =>
  formatSettings(labSchema, s);
