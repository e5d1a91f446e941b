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
import { temperature } from './types';
import { MinibatchSchedule, temperatureAt, type TemperatureSchedule } from './minibatches';
import { evaluateRace, type RaceEvaluation } from './vaeEvaluation';
import { ADAM_DEFAULTS, StackedAdam } from './stackedAdam';

export interface RaceConfig {
  size: VaeSize;
  /** The copies, in order; 'exact' only last and only for K^N ≤ MAX_EXACT_VALUES. */
  lines: readonly RaceLine[];
  batch: number;
  learningRate: number;
  seed: Seed;
  schedule: TemperatureSchedule;
}

export interface RaceData {
  /** Training images, 0/1 bytes, [train × D]. */
  train: Uint8Array;
  heldOut: Uint8Array;
}

export interface TrainReport {
  /** The first step of this report. */
  from: number;
  /** Per line, the training −ELBO of each step (NaN once stopped). */
  negElbo: number[][];
  /** Per line, the step at which it stopped, if that happened in this report; else null. */
  stoppedAt: (number | null)[];
}

/** One step's gradients, computed and held until they are applied or thrown away. */
export interface PreparedStep {
  /** Applies the gradients (Adam) and advances the step; returns [E] −ELBO and running flags (caller disposes). */
  commit(): { negElbo: tf.Tensor; running: tf.Tensor };
  /** Frees the gradients; the race stays as it was. */
  discard(): void;
}

/** Exact marginalization sums over K^N latent values; beyond this it is too slow to be useful. */
export const MAX_EXACT_VALUES = 256;
/** Separate streams of the run's seed. */
const STREAM = { init: 1, batches: 2, noise: 3, estimators: 4, learned: 5 } as const;

const toFloat = (bytes: Uint8Array, d: number) =>
  tf.tensor2d(Float32Array.from(bytes), [bytes.length / d, d]);

export class VaeRace {
  step = 0;
  /** Per line, the step at which it stopped, or null while it runs. */
  readonly stoppedAt: (number | null)[];
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
  /** Called with each step's per-copy inputs [E, B, D] and [E, B, N, K], for tests only. */
  onInputs: ((step: number, x: tf.Tensor, noise: tf.Tensor) => void) | null = null;

  constructor(
    readonly config: RaceConfig,
    data: RaceData,
  ) {
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
    this.stoppedAt = lines.map(() => null);
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
    const computed = tf.tidy(() => {
      const indices = tf.tensor1d(this.batches.indices(this.step), 'int32');
      // One copy of the images and the noise, shared by every copy (not broadcast to E).
      const x = tf.expandDims(tf.gather(this.train, indices), 0); // [1, B, D]
      const noise = tf.expandDims(
        gumbelNoise([batch, size.latents, size.classes], deriveSeed(seed, STREAM.noise, this.step)),
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
      };
      let out!: ReturnType<typeof raceObjective>;
      const { grads } = tf.variableGrads(
        () => {
          out = raceObjective(objectiveInput);
          tf.keep(out.surrogate);
          tf.keep(out.negElbo);
          tf.keep(out.reconstruction);
          return tf.sum(out.surrogate) as tf.Scalar;
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
      };
    });
    const all = [
      ...computed.grads,
      ...computed.learnedGrads.flatMap((g) => Object.values(g)),
      computed.surrogate,
      computed.negElbo,
      computed.reconstruction,
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

  /** Adam on every copy with prepared gradients; advances the step. Returns [E] −ELBO and running flags. */
  private applyStep(computed: {
    grads: tf.Tensor[];
    learnedGrads: tf.NamedTensorMap[];
    surrogate: tf.Tensor;
    negElbo: tf.Tensor;
    reconstruction: tf.Tensor;
  }): { negElbo: tf.Tensor; running: tf.Tensor } {
    const t = this.step + 1;
    const result = tf.tidy(() => {
      const gradient = this.adam.flatten(computed.grads); // [E, P]
      // No masking of stopped copies: their weights may turn NaN, but every op
      // here is per element or per copy, so that never reaches another copy.
      const weights = this.adam.apply(gradient, t); // [E, P]
      // A copy goes on only while its loss, every gradient element and every
      // weight are finite. (Weights too: on wasm, XNNPACK's fused ReLU turns a
      // NaN into 0, so NaN weights could leave the loss and gradient finite.)
      const finite = tf.logicalAnd(
        tf.logicalAnd(tf.isFinite(computed.surrogate), tf.isFinite(tf.sum(gradient, 1))),
        tf.all(tf.isFinite(weights), 1),
      );
      const running = tf.mul(this.running, tf.cast(finite, 'float32'));
      this.baseline.assign(
        tf.add(
          tf.mul(this.baseline, this.baselineDecay.keep),
          tf.mul(computed.reconstruction, this.baselineDecay.take),
        ),
      );
      this.running.assign(running);
      computed.learnedGrads.forEach((g, e) => this.learned[e]?.apply(g));
      return { negElbo: tf.clone(computed.negElbo), running };
    });
    this.step += 1;
    return result;
  }

  /** Runs `steps` steps of every copy and reads the results back once. */
  async trainSteps(steps: number): Promise<TrainReport> {
    const from = this.step;
    const queued: { negElbo: tf.Tensor; running: tf.Tensor }[] = [];
    for (let i = 0; i < steps; i++) queued.push(this.prepareStep().commit());
    return this.readReport(from, queued);
  }

  /**
   * One step whose gradients are applied only if `proceed()` (awaited after
   * they are computed) says so: a pause that arrives meanwhile discards them.
   * Returns the step's report, or null if it was discarded.
   */
  async trainStep(proceed: () => Promise<boolean>): Promise<TrainReport | null> {
    const from = this.step;
    const prepared = this.prepareStep();
    let go = false;
    try {
      go = await proceed();
    } finally {
      if (!go) prepared.discard();
    }
    if (!go) return null;
    return this.readReport(from, [prepared.commit()]);
  }

  private async readReport(
    from: number,
    queued: { negElbo: tf.Tensor; running: tf.Tensor }[],
  ): Promise<TrainReport> {
    const steps = queued.length;
    const e = this.lines.length;
    const stacked = tf.tidy(() =>
      tf.concat(
        [tf.stack(queued.map((q) => q.negElbo)), tf.stack(queued.map((q) => q.running))],
        1,
      ),
    );
    tf.dispose(queued.flatMap((q) => [q.negElbo, q.running]));
    const values = await stacked.data();
    stacked.dispose();
    const negElbo = this.lines.map((_, l) => queued.map((_, s) => values[s * 2 * e + l]!));
    const stoppedAt = this.lines.map((_, l) => {
      if (this.stoppedAt[l] !== null) return null;
      for (let s = 0; s < steps; s++)
        if (values[s * 2 * e + e + l] === 0) return (this.stoppedAt[l] = from + s + 1);
      return null;
    });
    return {
      from,
      negElbo: negElbo.map((row, l) =>
        row.map((v, s) =>
          this.stoppedAt[l] !== null && from + s + 1 >= this.stoppedAt[l]! ? NaN : v,
        ),
      ),
      stoppedAt,
    };
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
    tf.tidy(() => {
      const w = this.params.encoderW1;
      const mask = tf.tensor(
        this.lines.map((_, e) => e === i),
        [this.lines.length, 1, 1],
        'bool',
      );
      w.assign(tf.where(tf.broadcastTo(mask, w.shape), tf.fill(w.shape, NaN), w));
    });
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
  }
}
