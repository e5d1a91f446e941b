/**
 * Variance normalization of a score-function estimator's learning signal,
 * as in NVIL (Mnih & Gregor 2014, Sec. 3 "Variance normalization", α = 0.8
 * in their appendix) and as Jang, Gu & Poole (2017, Sec. 4) use it for SF,
 * DARN and MuProp: the signal s is divided by max(1, √v), v a running
 * average of its variance over the minibatch,
 *   v ← α·v + (1 − α)·Var_batch(s),   scale = max(1, √v),
 * so a noisy signal takes smaller steps without ever being amplified. (NVIL
 * also centres the signal by a running mean; here centring is the separate
 * baseline that REINFORCE + baseline declares, so SF stays the paper's SF.)
 * The caller keeps one `RunningSignalVariance` for its stacked copies.
 */
import * as tf from '../tfjs';
import type { Estimator } from './estimator';

/** NVIL's α, the decay of the running variance. */
export const NORMALIZATION_DECAY = 0.8;

/** The learning signal's variance over every element (rows, and variables for DARN), a scalar. */
export const signalVariance = (signal: tf.Tensor): tf.Tensor => tf.moments(signal).variance;

/** Per copy of a stacked run, the running variance v of its estimator's learning signal. */
export class RunningSignalVariance {
  /** v per copy, [E]; 0 at the start, so the first scale is 1. */
  private readonly variance: tf.Variable;
  /** 1 − α for copies whose estimator normalizes, 0 for the others (their v stays 0, scale 1). */
  private readonly take: tf.Tensor;
  private readonly keep: tf.Tensor;

  /** `copies`: each copy's estimator, or null for a line that is none (exact marginalization). */
  constructor(copies: readonly (Pick<Estimator, 'normalization'> | null)[]) {
    const normalizes = copies.map((e) => (e?.normalization ? 1 : 0));
    this.variance = tf.variable(tf.zeros([copies.length]), false);
    this.take = tf.tensor1d(normalizes.map((n) => n * (1 - NORMALIZATION_DECAY)));
    this.keep = tf.tensor1d(normalizes.map((n) => 1 - n * (1 - NORMALIZATION_DECAY)));
  }

  /** max(1, √v) per copy, [E] (1 for copies that do not normalize). */
  scale(): tf.Tensor {
    return tf.tidy(() => tf.maximum(tf.sqrt(this.variance), 1));
  }

  /** v ← α·v + (1 − α)·(this step's signal variance, [E]) for the copies that normalize. */
  update(batchVariance: tf.Tensor): void {
    tf.tidy(() =>
      this.variance.assign(
        tf.add(tf.mul(this.variance, this.keep), tf.mul(batchVariance, this.take)),
      ),
    );
  }

  /** v per copy, read back (for tests and for showing it). */
  async values(): Promise<number[]> {
    return Array.from(await this.variance.data());
  }

  dispose(): void {
    tf.dispose([this.variance, this.take, this.keep]);
  }
}
