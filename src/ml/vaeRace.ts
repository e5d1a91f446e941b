/**
 * Five (or six) VAEs trained side by side, one per gradient estimator, from
 * the same initial weights, on the same minibatches, with the same Gumbel
 * noise. The copies are stacked along a leading axis, so a step of all of them
 * is one batched pass; Adam runs per element, so the copies never mix. A copy
 * whose loss or gradient is not finite is marked stopped and reported, while
 * the others go on (its own weights may turn NaN; no other copy reads them).
 * Results are read back once per `trainSteps` call, not once per step.
 */
import * as tf from './tfjs';
import { deriveSeed } from './counterHash';
import type { Seed, Temperature } from './types';
import { gumbelNoise } from './noise';
import {
  allLatentValues,
  initStackedVae,
  paramNames,
  type VaeParams,
  type VaeSize,
} from './categoricalVae';
import { checkLines, copyVariance, raceObjective, type RaceLine } from './vaeObjective';
import { LearnedState } from './estimators/learnedState';
import { estimatorById } from './estimators/registry';
import { appliesTo } from './estimators/estimator';
import { annealedSlope } from './estimators/annealedStraightThrough';
import { RunningSignalVariance } from './estimators/varianceNormalization';
import { temperature } from './types';
import { MinibatchSchedule, temperatureAt, type TemperatureSchedule } from './minibatches';
import { evaluateRace, type RaceEvaluation } from './vaeEvaluation';
import {
  adamStep,
  poisonCopy,
  StackedRun,
  updateBaseline,
  type PreparedStep,
  type TrainReport,
} from './stackedTraining';

import { ADAM_DEFAULTS, StackedAdam } from './stackedAdam';
import { unpackedOnWebgl } from './webglLayout';
import { sumOver } from './broadcastGrad';
import { gatherRows } from './rowGather';

export type { PreparedStep, TrainReport };

export interface RaceConfig {
  size: VaeSize;
  /** The copies, in order; 'exact' only last and only for K^N ≤ MAX_EXACT_VALUES. */
  lines: readonly RaceLine[];
  batch: number;
  learningRate: number;
  seed: Seed;
  schedule: TemperatureSchedule;
  /**
   * Variance normalization of the learning signal for the copies whose
   * estimator offers it (SF, DARN, MuProp, REINFORCE + baseline); default off.
   */
  varianceNormalization?: boolean;
}

export interface RaceData {
  /** Training images, 0/1 bytes, [train × D]. */
  train: Uint8Array;
  heldOut: Uint8Array;
}

/** Exact marginalization sums over K^N latent values; beyond this it is too slow to be useful. */
export const MAX_EXACT_VALUES = 256;
/** Separate streams of the run's seed. */
const STREAM = { init: 1, batches: 2, noise: 3, estimators: 4, learned: 5 } as const;

const toFloat = (bytes: Uint8Array, d: number) =>
  tf.tensor2d(Float32Array.from(bytes), [bytes.length / d, d]);

export class VaeRace extends StackedRun {
  readonly params: VaeParams;
  /** Adam on every parameter of every copy at once. */
  private readonly adam: StackedAdam;
  /** Each copy's moving-average baseline b ← decay·b + (1 − decay)·mean(−log p(x|z)). */
  private readonly baseline: tf.Variable;
  /** Per copy, decay and 1 − decay of its estimator's baseline ([E] each; 1 and 0 without one). */
  private readonly baselineDecay: { keep: tf.Tensor; take: tf.Tensor };
  /** 1 while a copy runs, 0 once it stopped. */
  private readonly running: tf.Variable;
  private readonly train: tf.Tensor2D;
  readonly heldOut: tf.Tensor2D;
  private readonly exactValues: tf.Tensor | undefined;
  readonly batches: MinibatchSchedule;
  private prepared: PreparedStep | null = null;
  /** Per copy, its estimator's learned parameters (REBAR, RELAX), trained on that copy's variance; else null. */
  readonly learned: (LearnedState | null)[];
  /** With variance normalization on, each copy's running variance of its learning signal; else null. */
  readonly normalization: RunningSignalVariance | null;
  /** Called with each step's per-copy inputs [E, B, D] and [E, B, N, K], for tests only. */
  onInputs: ((step: number, x: tf.Tensor, noise: tf.Tensor) => void) | null = null;
  /** Called with each step's gradients, [E, ...] per parameter in `paramNames` order, as they are applied, for tests only. */
  onGradients: ((step: number, grads: readonly tf.Tensor[]) => void) | null = null;

  constructor(
    readonly config: RaceConfig,
    data: RaceData,
  ) {
    super(config.lines.length);
    const { size, lines, seed } = config;
    checkLines(lines);
    if (lines.includes('exact') && size.classes ** size.latents > MAX_EXACT_VALUES)
      throw new RangeError(
        `Exact marginalization needs K^N ≤ ${MAX_EXACT_VALUES}; ${size.classes}^${size.latents} is too many.`,
      );
    for (const line of lines)
      if (line !== 'exact' && !appliesTo(estimatorById(line), size.classes))
        throw new RangeError(
          `${estimatorById(line).label} is for binary latents (K = 2) only; this race has K = ${size.classes}.`,
        );
    const e = lines.length;
    this.train = toFloat(data.train, size.pixels);
    this.heldOut = toFloat(data.heldOut, size.pixels);
    this.batches = new MinibatchSchedule(
      this.train.shape[0],
      config.batch,
      deriveSeed(seed, STREAM.batches),
    );
    const means = tf.tidy(() => tf.mean(this.train, 0).dataSync() as Float32Array);
    this.params = initStackedVae(size, e, deriveSeed(seed, STREAM.init), means);
    this.adam = new StackedAdam(
      paramNames.map((n) => this.params[n]),
      { ...ADAM_DEFAULTS, learningRate: config.learningRate },
    );
    this.baseline = tf.variable(tf.zeros([e]), false);
    this.running = tf.variable(tf.ones([e]), false);
    const decays = lines.map((l) => (l === 'exact' ? 1 : (estimatorById(l).baseline?.decay ?? 1)));
    this.baselineDecay = {
      keep: tf.tensor1d(decays),
      take: tf.tensor1d(decays.map((d) => 1 - d)),
    };
    this.learned = lines.map((l, i) => {
      const estimator = l === 'exact' ? null : estimatorById(l);
      return estimator?.learned
        ? new LearnedState(
            estimator,
            [size.latents, size.classes],
            deriveSeed(seed, STREAM.learned, i),
          )
        : null;
    });
    this.normalization = config.varianceNormalization
      ? new RunningSignalVariance(lines.map((l) => (l === 'exact' ? null : estimatorById(l))))
      : null;
    this.exactValues = lines.includes('exact')
      ? allLatentValues(size.latents, size.classes)
      : undefined;
  }

  get lines(): readonly RaceLine[] {
    return this.config.lines;
  }

  /** τ at the current step. */
  get temperature(): Temperature {
    return temperatureAt(this.config.schedule, this.step);
  }

  /**
   * Computes one step's gradients of every copy without applying them (the
   * costly part). The caller commits or discards the result before the next
   * prepareStep; nothing changes until it is committed.
   */
  prepareStep(): PreparedStep {
    if (this.prepared) throw new Error('A prepared step must be committed or discarded first.');
    const { size, batch, seed } = this.config;
    const e = this.lines.length;
    const computed = unpackedOnWebgl(() =>
      tf.tidy(() => {
        // One copy of the images and the noise, shared by every copy (not broadcast to E).
        const x = tf.expandDims(gatherRows([this.train], this.batches.indices(this.step))[0]!, 0); // [1, B, D]
        const noise = tf.expandDims(
          gumbelNoise(
            [batch, size.latents, size.classes],
            deriveSeed(seed, STREAM.noise, this.step),
          ),
          0,
        ); // [1, B, N, K]
        this.onInputs?.(
          this.step,
          tf.broadcastTo(x, [e, batch, size.pixels]),
          tf.broadcastTo(noise, [e, batch, size.latents, size.classes]),
        );
        const objectiveInput = {
          params: this.params,
          size,
          lines: this.lines,
          x,
          noise,
          tau: temperature(this.temperature),
          seed: deriveSeed(seed, STREAM.estimators, this.step),
          baseline: this.baseline,
          exactValues: this.exactValues,
          own: this.learned.map((s) => s?.own ?? null),
          slope: annealedSlope(this.step),
          ...(this.normalization ? { scale: this.normalization.scale() } : {}),
        };
        let out!: ReturnType<typeof raceObjective>;
        const { grads } = tf.variableGrads(
          () => {
            out = raceObjective(objectiveInput);
            tf.keep(out.surrogate);
            tf.keep(out.negElbo);
            tf.keep(out.reconstruction);
            if (out.signalVariance) tf.keep(out.signalVariance);
            return sumOver(out.surrogate, 0) as tf.Scalar;
          },
          paramNames.map((n) => this.params[n]),
        );
        // A second pass for each copy with learned parameters: the gradient of its variance in them.
        const learnedGrads = this.learned.map((state, e) =>
          state ? state.gradients(() => copyVariance(objectiveInput, e)) : {},
        );
        return {
          grads: paramNames.map((n) => grads[this.params[n].name]!),
          learnedGrads,
          surrogate: out.surrogate,
          negElbo: out.negElbo,
          reconstruction: out.reconstruction,
          ...(out.signalVariance ? { signalVariance: out.signalVariance } : {}),
        };
      }),
    );
    const all = [
      ...computed.grads,
      ...computed.learnedGrads.flatMap((g) => Object.values(g)),
      computed.surrogate,
      computed.negElbo,
      computed.reconstruction,
      ...(computed.signalVariance ? [computed.signalVariance] : []),
    ];
    const prepared: PreparedStep = {
      commit: () => {
        if (this.prepared !== prepared) throw new Error('This step was already used.');
        this.prepared = null;
        this.onGradients?.(this.step, computed.grads);
        const result = this.applyStep(computed);
        tf.dispose(all);
        return result;
      },
      discard: () => {
        if (this.prepared !== prepared) return;
        this.prepared = null;
        tf.dispose(all);
      },
    };
    this.prepared = prepared;
    return prepared;
  }

  /** Adam on every copy with prepared gradients; advances the step. Returns [E] −ELBO and running flags. */
  private applyStep(computed: {
    grads: tf.Tensor[];
    learnedGrads: tf.NamedTensorMap[];
    surrogate: tf.Tensor;
    negElbo: tf.Tensor;
    reconstruction: tf.Tensor;
    signalVariance?: tf.Tensor;
  }): { negElbo: tf.Tensor; running: tf.Tensor } {
    const t = this.step + 1;
    const result = unpackedOnWebgl(() =>
      tf.tidy(() => {
        const running = adamStep(this.adam, computed.grads, t, this.running, computed.surrogate);
        updateBaseline(this.baseline, this.baselineDecay, computed.reconstruction);
        this.running.assign(running);
        if (computed.signalVariance) this.normalization?.update(computed.signalVariance);
        computed.learnedGrads.forEach((g, e) => this.learned[e]?.apply(g));
        return { negElbo: tf.clone(computed.negElbo), running };
      }),
    );
    this.step += 1;
    return result;
  }

  /** Held-out −ELBO with one-hot samples for every copy, and images to show. */
  evaluate(imagesToShow: number): Promise<RaceEvaluation> {
    return evaluateRace(
      this.params,
      this.config.size,
      this.heldOut,
      this.lines.length,
      this.config.seed,
      imagesToShow,
    );
  }

  /** Makes one copy's encoder weights NaN, as a diverging run would (for tests of the recovery path). */
  injectFault(line: RaceLine): void {
    const i = this.lines.indexOf(line);
    if (i < 0) return;
    poisonCopy(this.params.encoderW1, i);
  }

  dispose(): void {
    this.prepared?.discard();
    tf.dispose([
      ...Object.values(this.params),
      this.baseline,
      this.running,
      this.baselineDecay.keep,
      this.baselineDecay.take,
      this.train,
      this.heldOut,
    ]);
    this.adam.dispose();
    if (this.exactValues) this.exactValues.dispose();
    for (const state of this.learned) state?.dispose();
    this.normalization?.dispose();
  }
}
