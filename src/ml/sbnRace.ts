/**
 * SBNs (sbn.ts) trained side by side, one per gradient estimator, as the VAE
 * race trains VAEs: the same initial weights, the same minibatches, the same
 * noise of each stochastic layer; Adam per element; each copy's moving-average
 * baseline of its loss (read by estimators that declare one); per copy and
 * layer the learned parameters of REBAR and RELAX; a copy whose loss or
 * gradient is not finite stops alone (stackedTraining.ts); slope-annealed ST's
 * slope annealedSlope(step) in both layers, as in the VAE race; with variance
 * normalization, a running variance of each copy's learning signal per layer
 * (two RunningSignalVariance, see sbnObjective.ts). Held-out: the NLL
 * of the lower halves given the upper halves (sbnEvaluation.ts).
 */
import * as tf from './tfjs';
import { gatherRows } from './rowGather';
import { deriveSeed } from './counterHash';
import type { Seed, Temperature } from './types';
import { gumbelNoise } from './noise';
import { temperature } from './types';
import { LearnedState } from './estimators/learnedState';
import { estimatorById, type EstimatorId } from './estimators/registry';
import { appliesTo } from './estimators/estimator';
import { annealedSlope } from './estimators/annealedStraightThrough';
import { RunningSignalVariance } from './estimators/varianceNormalization';
import { MinibatchSchedule, temperatureAt, type TemperatureSchedule } from './minibatches';
import {
  adamStep,
  poisonCopy,
  StackedRun,
  updateBaseline,
  type PreparedStep,
} from './stackedTraining';
import { ADAM_DEFAULTS, StackedAdam } from './stackedAdam';
import { initStackedSbn, sbnParamNames, splitHalves, type SbnParams, type SbnSize } from './sbn';
import { sbnCopyVariance, sbnObjective, type SbnObjectiveInput } from './sbnObjective';
import { heldOutNll, NLL_SAMPLES } from './sbnEvaluation';

export interface SbnRaceConfig {
  size: SbnSize;
  lines: readonly EstimatorId[];
  batch: number;
  learningRate: number;
  seed: Seed;
  schedule: TemperatureSchedule;
  /** Samples per held-out image of the NLL estimate (default NLL_SAMPLES, the paper's 1,000). */
  nllSamples?: number;
  /** Variance normalization (NVIL) for copies whose estimator offers it, one running variance per layer; default off. */
  varianceNormalization?: boolean;
}

/** Training and held-out images, 0/1 bytes, [count × (U + L)]. */
export interface SbnData {
  train: Uint8Array;
  heldOut: Uint8Array;
}

/** One step's gradients and results, held until committed or discarded. */
interface Computed {
  grads: tf.Tensor[];
  learnedGrads: tf.NamedTensorMap[][];
  surrogate: tf.Tensor;
  loss: tf.Tensor;
  signalVariance?: tf.Tensor[];
}

/** Separate streams of the run's seed (as the VAE race's, plus one per layer below them). */
const STREAM = { init: 1, batches: 2, noise: 3, estimators: 4, learned: 5 } as const;
const LAYERS = [0, 1] as const;

const halvesOf = (bytes: Uint8Array, size: SbnSize) =>
  tf.tidy(() => {
    const d = size.upper + size.lower;
    return splitHalves(tf.tensor2d(Float32Array.from(bytes), [bytes.length / d, d]), size);
  });

export class SbnRace extends StackedRun {
  readonly params: SbnParams;
  /** Adam on every parameter of every copy at once. */
  private readonly adam: StackedAdam;
  /** Each copy's moving-average baseline of its loss, [E] (read by estimators that declare one). */
  readonly baseline: tf.Variable;
  private readonly baselineDecay: { keep: tf.Tensor; take: tf.Tensor };
  private readonly running: tf.Variable;
  private readonly train: { upper: tf.Tensor2D; lower: tf.Tensor2D };
  private readonly heldOutImages: { upper: tf.Tensor2D; lower: tf.Tensor2D };
  readonly batches: MinibatchSchedule;
  private prepared: PreparedStep | null = null;
  /** Per copy, its estimator's learned parameters of layer 1 and layer 2 (REBAR, RELAX), or null. */
  readonly learned: (readonly [LearnedState, LearnedState] | null)[];
  /** With variance normalization: per layer, each copy's running variance of its learning signal. */
  readonly normalization: readonly [RunningSignalVariance, RunningSignalVariance] | null;
  /** Called with each step's batch [B, U + L] and each layer's noise [B, N, K], for tests only. */
  onInputs: ((step: number, x: tf.Tensor, noise: readonly [tf.Tensor, tf.Tensor]) => void) | null =
    null;

  constructor(
    readonly config: SbnRaceConfig,
    data: SbnData,
  ) {
    super(config.lines.length);
    const { size, lines, seed } = config;
    for (const line of lines)
      if (!appliesTo(estimatorById(line), size.classes))
        throw new RangeError(
          `${estimatorById(line).label} is for binary units (K = 2) only; this SBN has K = ${size.classes}.`,
        );
    const e = lines.length;
    this.train = halvesOf(data.train, size);
    this.heldOutImages = halvesOf(data.heldOut, size);
    this.batches = new MinibatchSchedule(
      this.train.upper.shape[0],
      config.batch,
      deriveSeed(seed, STREAM.batches),
    );
    const means = tf.tidy(() => tf.mean(this.train.lower, 0).dataSync() as Float32Array);
    this.params = initStackedSbn(size, e, deriveSeed(seed, STREAM.init), means);
    this.adam = new StackedAdam(
      sbnParamNames.map((n) => this.params[n]),
      { ...ADAM_DEFAULTS, learningRate: config.learningRate },
    );
    this.baseline = tf.variable(tf.zeros([e]), false);
    this.running = tf.variable(tf.ones([e]), false);
    const decays = lines.map((l) => estimatorById(l).baseline?.decay ?? 1);
    this.baselineDecay = {
      keep: tf.tensor1d(decays),
      take: tf.tensor1d(decays.map((d) => 1 - d)),
    };
    this.learned = lines.map((l, i) => {
      const estimator = estimatorById(l);
      if (!estimator.learned) return null;
      const state = (layer: number) =>
        new LearnedState(
          estimator,
          [size.latents, size.classes],
          deriveSeed(seed, STREAM.learned, i, layer),
        );
      return [state(0), state(1)] as const;
    });
    const copies = lines.map((l) => estimatorById(l));
    this.normalization = config.varianceNormalization
      ? [new RunningSignalVariance(copies), new RunningSignalVariance(copies)]
      : null;
  }

  get lines(): readonly EstimatorId[] {
    return this.config.lines;
  }

  /** τ at the current step. */
  get temperature(): Temperature {
    return temperatureAt(this.config.schedule, this.step);
  }

  /**
   * The current step's gradients of every copy, in the order of sbnParamNames
   * ([E, rows, cols] each), without applying them; the caller disposes them
   * (prepareStep keeps them until commit; tests read them).
   */
  computeGradients(): Computed {
    const { size, batch, seed } = this.config;
    return tf.tidy(() => {
      const [upper, lower] = gatherRows(
        [this.train.upper, this.train.lower],
        this.batches.indices(this.step),
      ) as [tf.Tensor, tf.Tensor];
      const noise = LAYERS.map((layer) =>
        gumbelNoise(
          [batch, size.latents, size.classes],
          deriveSeed(seed, STREAM.noise, this.step, layer),
        ),
      ) as [tf.Tensor, tf.Tensor];
      this.onInputs?.(this.step, tf.concat([upper, lower], 1), noise);
      const stepSeed = deriveSeed(seed, STREAM.estimators, this.step);
      const input: SbnObjectiveInput = {
        params: this.params,
        size,
        lines: this.lines,
        upper: tf.expandDims(upper, 0),
        lower: tf.expandDims(lower, 0),
        noise,
        tau: temperature(this.temperature),
        seeds: [deriveSeed(stepSeed, 0), deriveSeed(stepSeed, 1)],
        baseline: this.baseline,
        own: this.learned.map((s) => (s ? [s[0].own, s[1].own] : null)),
        slope: annealedSlope(this.step),
        ...(this.normalization
          ? { scale: [this.normalization[0].scale(), this.normalization[1].scale()] as const }
          : {}),
      };
      let out!: ReturnType<typeof sbnObjective>;
      const { grads } = tf.variableGrads(
        () => {
          out = sbnObjective(input);
          tf.keep(out.surrogate);
          tf.keep(out.loss);
          out.signalVariance?.forEach((v) => tf.keep(v));
          return tf.sum(out.surrogate) as tf.Scalar;
        },
        sbnParamNames.map((n) => this.params[n]),
      );
      // Per copy with learned parameters, per layer: the gradient of its variance in them.
      const learnedGrads = this.learned.map((states, e) =>
        states ? LAYERS.map((l) => states[l].gradients(() => sbnCopyVariance(input, e, l))) : [],
      );
      return {
        grads: sbnParamNames.map((n) => grads[this.params[n].name]!),
        learnedGrads,
        surrogate: out.surrogate,
        loss: out.loss,
        ...(out.signalVariance ? { signalVariance: [...out.signalVariance] } : {}),
      };
    });
  }

  prepareStep(): PreparedStep {
    if (this.prepared) throw new Error('A prepared step must be committed or discarded first.');
    const computed = this.computeGradients();
    const all = [
      ...computed.grads,
      ...computed.learnedGrads.flat().flatMap((g) => Object.values(g)),
      computed.surrogate,
      computed.loss,
      ...(computed.signalVariance ?? []),
    ];
    const prepared: PreparedStep = {
      commit: () => {
        if (this.prepared !== prepared) throw new Error('This step was already used.');
        this.prepared = null;
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

  private applyStep(computed: Computed): { negElbo: tf.Tensor; running: tf.Tensor } {
    const result = tf.tidy(() => {
      const running = adamStep(
        this.adam,
        computed.grads,
        this.step + 1,
        this.running,
        computed.surrogate,
      );
      updateBaseline(this.baseline, this.baselineDecay, computed.loss);
      this.running.assign(running);
      computed.signalVariance?.forEach((v, l) => this.normalization?.[l]?.update(v));
      computed.learnedGrads.forEach((layers, e) =>
        layers.forEach((g, l) => this.learned[e]?.[l]?.apply(g)),
      );
      return { negElbo: tf.clone(computed.loss), running };
    });
    this.step += 1;
    return result;
  }

  /** Per copy, the held-out NLL in nats per image (`samples` per image; default config.nllSamples). */
  heldOut(samples = this.config.nllSamples ?? NLL_SAMPLES): Promise<number[]> {
    return heldOutNll(this.params, this.config.size, this.heldOutImages, samples, this.config.seed);
  }

  /** Makes one copy's first weights NaN, as a diverging run would (for tests of the recovery path). */
  injectFault(line: EstimatorId): void {
    const i = this.lines.indexOf(line);
    if (i < 0) return;
    poisonCopy(this.params.w1, i);
  }

  dispose(): void {
    this.prepared?.discard();
    tf.dispose([
      ...Object.values(this.params),
      this.baseline,
      this.running,
      this.baselineDecay.keep,
      this.baselineDecay.take,
      this.train.upper,
      this.train.lower,
      this.heldOutImages.upper,
      this.heldOutImages.lower,
    ]);
    this.adam.dispose();
    for (const states of this.learned) states?.forEach((s) => s.dispose());
    this.normalization?.forEach((n) => n.dispose());
  }
}
