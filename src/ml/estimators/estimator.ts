/**
 * What a gradient estimator is, in the one form that the toy problems
 * (`estimatorSurrogate`) and the stacked VAE race (`raceObjective`, per copy)
 * both use. An estimator acts in two steps around a downstream loss that it
 * does not know:
 *   1. `forward`: from the logits and the step's Gumbel noise, the value fed
 *      downstream (one-hot or relaxed), carrying the estimator's gradient path;
 *   2. `surrogate`: from the downstream loss at that value, one number per row
 *      whose autodiff gradient is the estimator's gradient (pathwise estimators
 *      return the loss itself; score-function ones add (f − b)·log q(z)).
 * Splitting at the downstream lets the race run one batched decoder pass for
 * all copies. Shapes: logits and noise [B, ..., K] (B rows: samples or
 * examples, any number of categorical variables, K classes); loss [B].
 */
import type * as tf from '../tfjs';
import type { Seed, Temperature } from '../types';

export interface SampleInput {
  /** Unnormalized log-probabilities [B, ..., K]. */
  logits: tf.Tensor;
  /**
   * Gumbel noise of the same shape. Every estimator of a step gets the same,
   * so all that feed a one-hot sample see the same z = onehot(argmax(l + g)).
   */
  noise: tf.Tensor;
  /** τ of the relaxation (ignored by estimators that do not relax). */
  temperature: Temperature;
  /**
   * The step's seed, for estimators that need randomness beyond the shared
   * noise (e.g. Gumbel-Rao's conditional draws): derive a stream of your own
   * from it with `deriveSeed(seed, <a constant of your module>)`.
   */
  seed: Seed;
  /**
   * The estimator's own learned parameters (estimators that declare `learned`
   * only): the caller's variables for this line or copy, by name.
   */
  own?: Readonly<Record<string, tf.Tensor>>;
  /**
   * The slope a of slope-annealed straight-through's backward proxy
   * softmax(a·l) (Chung et al. 2016), set by the caller's schedule
   * (`annealedSlope`); absent means 1. Ignored by every other estimator.
   */
  slope?: number;
  /**
   * Variance normalization (Mnih & Gregor 2014, NVIL, Sec. 3): a positive
   * divisor of the learning signal, a number or one per row [B], e.g.
   * max(1, √v) for v a running variance of the signal (varianceNormalization.ts).
   * Read only by estimators that declare `normalization` (in `forward` or
   * `surrogate`, wherever their signal meets ∇log q); absent means off.
   */
  scale?: tf.Tensor | number;
  /**
   * The caller's own log softmax(logits), when it computed it for a whole
   * stack of copies at once (the race on webgl): the same values, with its
   * gradient path to the logits. Absent: estimators compute it themselves.
   * Read through `logSoftmaxOf`.
   */
  logQ?: tf.Tensor;
  /**
   * The Gumbel-max sample onehot(argmax(logits + noise)) when the caller
   * computed it for a whole stack (the race): the very value `oneHotSample`
   * would compute, with no gradient. Read through `oneHotSample`.
   */
  oneHot?: tf.Tensor;
}

export interface SurrogateInput extends SampleInput {
  /** What `forward` returned for these logits and noise. */
  sample: tf.Tensor;
  /** The downstream loss at `sample`, [B]; its gradient reaches the sample and the downstream's own parameters. */
  loss: tf.Tensor;
  /** The baseline b, a number or one per row [B]; read only by estimators that declare `baseline`. */
  baseline: tf.Tensor | number;
  /**
   * The same downstream loss at another value fed forward ([B, ..., K] → [B]),
   * for estimators that evaluate it more than once (ARM's antithetic sample,
   * MuProp's and REBAR's control variates). Each call counts as one evaluation
   * (declare the total in `evaluations`). Wrap it in `stopGradient` where only
   * its value may enter the estimate.
   */
  downstream: (value: tf.Tensor) => tf.Tensor;
}

/**
 * Parameters that an estimator learns beside the model (REBAR's scale and
 * temperature, RELAX's control-variate network). The caller makes one set per
 * line (lab) or copy (race) with `create`, passes it back as `own` in every
 * input, and after each step takes one Adam step on `variance` in them
 * (`LearnedState` in learnedState.ts does both).
 */
export interface LearnedParameters {
  /** Fresh parameters for rows of shape `row` ([..., K], no batch axis); `seed` for random initial weights. */
  create(row: readonly number[], seed: Seed): Record<string, tf.Variable>;
  /** Adam's step size for them. */
  readonly learningRate: number;
  /**
   * Per row [B], ‖ĝ‖²: the squared norm of the row's single-sample estimate of
   * the gradient in the logits. E ĝ does not depend on the parameters (the
   * estimator is unbiased for all of them), so the gradient of this in `own`
   * is an unbiased estimate of the gradient of the estimator's variance.
   */
  variance(input: SurrogateInput): tf.Tensor;
}

/** The colour of an estimator's lines: a series colour of the themes (--series-N in src/styles/deck.css). */
export type SeriesColor =
  `series-${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15}`;

/** The columns of Jang, Gu & Poole (2017), Table 1 (the estimators they compare). */
export type PaperColumn =
  'SF' | 'SF + baseline†' | 'DARN' | 'MuProp' | 'ST' | 'Annealed ST' | 'Gumbel-S.' | 'ST Gumbel-S.';

export interface Estimator<Id extends string = string> {
  /** Stable id, used in links, tests and as the key of a line. */
  readonly id: Id;
  /** Its name in legends, tables and messages. */
  readonly label: string;
  /** The theme colour of its lines. */
  readonly color: SeriesColor;
  /** Whether E[estimate] is the exact gradient (the registry test holds it to that). */
  readonly unbiased: boolean;
  /** What the downstream sees in the forward pass. */
  readonly feeds: 'one-hot' | 'relaxed';
  /** How the gradient reaches the logits, in one line of words. */
  readonly gradient: string;
  /** Its column in Jang et al. (2017), Table 1, if the paper has one. */
  readonly paperColumn?: PaperColumn;
  /**
   * Where the deck has it: taught in the 2017 lecture; compared in Jang et
   * al.'s Table 1 but not taught ('paper': DARN, MuProp, slope-annealed ST);
   * or in the appendix of estimators since 2017.
   */
  readonly era: 'lecture' | 'paper' | 'since-2017';
  /** The paper (and equation) it comes from, for its module comment and the appendix. */
  readonly reference: string;
  /** Evaluations of the downstream loss per estimate (per example): 1 for most, 2 for ARM, S for RLOO. */
  readonly evaluations: number;
  /** The variables it is defined for: any number of classes, or binary ones only (K = 2; ARM, DisARM). */
  readonly classes: 'any' | 'binary';
  /** Keeps a moving average of the loss, b ← decay·b + (1 − decay)·mean loss, fed back as `baseline`. */
  readonly baseline?: { readonly decay: number };
  /**
   * A score-function estimator that can divide its learning signal by the
   * caller's `scale` (variance normalization). `signal` is the signal before
   * the scale, [B] or per variable [B, ...], for the caller's running
   * variance; `inPaper`: Jang et al. (2017, Sec. 4) normalize it (SF, DARN, MuProp).
   */
  readonly normalization?: {
    readonly inPaper: boolean;
    signal(input: SurrogateInput): tf.Tensor;
  };
  /** An advanced option (RELAX): offered after the others, marked as such. */
  readonly advanced?: boolean;
  /** Learned parameters of its own, trained by the caller to minimize the estimator's variance. */
  readonly learned?: LearnedParameters;
  /** The value fed downstream, [B, ..., K], with this estimator's gradient path to the logits. */
  forward(input: SampleInput): tf.Tensor;
  /** One number per row, [B], whose gradient summed over rows is this estimator's gradient of Σ loss. */
  surrogate(input: SurrogateInput): tf.Tensor;
}

/** Declares an estimator, keeping its id as a literal type for the registry. */
export const defineEstimator = <const Id extends string>(e: Estimator<Id>): Estimator<Id> => e;

/** Whether `e` is defined for categorical variables of `classes` classes (binary-only ones need K = 2). */
export const appliesTo = (e: Pick<Estimator, 'classes'>, classes: number): boolean =>
  e.classes === 'any' || classes === 2;
