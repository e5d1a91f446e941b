/** The lab's settings as one schema, and their URL form (prefix `lab.`). */
import { temperature, type Seed, type Temperature } from '../../ml/types';
import {
  defaultsOf,
  formatSettings,
  parseSettings,
  seedSetting,
  speedSetting,
  temperatureSetting,
  type Parsed,
  type Schema,
} from '../shared/settings';
import { presets, type PresetName } from '../../ml/toyProblems';
import type { EstimatorId } from '../../ml/estimators/registry';
import { estimatorSetSetting, lectureIds, registered } from '../shared/estimatorChoice';

export interface LabSettings {
  preset: PresetName;
  /** Classes for the categorical presets (the binary ones always have 2). */
  k: number;
  tau: Temperature;
  learningRate: number;
  /** Samples per training step. */
  samples: number;
  withBaseline: boolean;
  /** The estimators whose lines are shown (those that apply to the problem run). */
  estimators: readonly EstimatorId[];
  /**
   * Compare at equal evaluations of f: curves against evaluations instead of
   * steps, and each strip an estimate that costs the same number of them.
   */
  equalEvaluations: boolean;
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
    choiceText: (name) => presets[name].label,
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
  tau: temperatureSetting(
    'lab.tau',
    0.5,
    'Temperature of the relaxed estimators.',
    [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10],
  ),
  learningRate: {
    kind: 'number',
    key: 'lab.lr',
    label: 'learning rate',
    min: 0.001,
    max: 100,
    digits: 4,
    default: 1,
    options: [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30],
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
    options: [1, 2, 4, 8, 16, 64, 256],
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
  estimators: estimatorSetSetting(
    'lab.est',
    lectureIds,
    'The estimators whose lines are shown; binary-only ones run only on a K = 2 problem.',
  ),
  equalEvaluations: {
    kind: 'flag',
    key: 'lab.evals',
    label: 'equal evaluations',
    name: 'Equal evaluations',
    default: false,
    doc: 'Curves against evaluations of f, and each strip an estimate of equal cost (S single-sample estimates averaged against one S-evaluation estimate).',
  },
  seed: seedSetting('lab.seed', 2017),
  speed: speedSetting('lab.speed', 2),
};

/**
 * The lab of the appendix slide (`@widget estimator-lab(beyond)`): the same
 * settings, but by default a mix of the lecture's estimators and those since
 * 2017 (those of them the registry holds), at T = 1: ReinMax's temperature
 * (Liu et al. 2023 tune τ ≥ 1); at T = 0.5 its expected gradient on the REBAR
 * problem points away from the optimum for any p(b = 1) > ½.
 */
export const beyondLabSchema: Schema<LabSettings> = {
  ...labSchema,
  tau: { ...labSchema.tau, default: temperature(1) },
  estimators: {
    ...labSchema.estimators,
    default: registered([
      'reinforce',
      'st-gumbel-softmax',
      'rloo',
      'gumbel-rao',
      'reinmax',
      'disarm',
    ]),
  },
};

/** The schema of a variant of the lab (`beyond`: the appendix slide's; otherwise the lecture's). */
export const labSchemaOf = (variant?: string): Schema<LabSettings> =>
  variant === 'beyond' ? beyondLabSchema : labSchema;

export const defaultLabSettings = (schema = labSchema): LabSettings => defaultsOf(schema);

export const parseLabSettings = (
  params: URLSearchParams,
  schema = labSchema,
): Parsed<LabSettings> => parseSettings(schema, params);

export const formatLabSettings = (s: LabSettings, schema = labSchema): Record<string, string> =>
  formatSettings(schema, s);

/** The parse/format/defaults of a lab variant, for useWidgetState. */
export const labModelOf = (variant?: string) => {
  const schema = labSchemaOf(variant);
  return {
    parse: (params: URLSearchParams) => parseLabSettings(params, schema),
    format: (s: LabSettings) => formatLabSettings(s, schema),
    defaults: () => defaultLabSettings(schema),
  };
};
