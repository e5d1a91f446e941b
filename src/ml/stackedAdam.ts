/**
 * Adam (Kingma & Ba 2015, Algorithm 1, with the bias correction folded into
 * the step size as in their Sec. 2) on variables stacked along a leading copy
 * axis [E, ...], all of them at once: the variables and their gradients are
 * laid side by side as one [E, P] matrix (P = elements per copy), so a step is
 * a dozen element-wise kernel calls however many variables there are, instead
 * of a dozen per variable. Every op is per element, so the copies never mix
 * (a copy whose gradient is NaN spoils only its own row), and each element
 * gets the very operations, in the same order, as a per-variable Adam: the
 * result is the same to the last bit.
 *
 * Used by the VAE race (src/ml/vaeRace.ts); usable by any race of stacked copies.
 */
import * as tf from './tfjs';
import { splitBlocks } from './blockSplit';
import { fusedAdamAvailable, fusedAdamStep } from './fusedAdam';

export interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

export class StackedAdam {
  /** Copies E. */
  readonly copies: number;
  /** First and second moment estimates, [E, P]. */
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  /** Per variable, its elements per copy. */
  private readonly widths: number[];
  /** β1, 1 − β1, β2, 1 − β2, ε as tensors, made once (no upload per step). */
  private readonly constants: Record<'beta1' | 'keep1' | 'beta2' | 'keep2' | 'epsilon', tf.Scalar>;

  constructor(
    readonly variables: readonly tf.Variable[],
    readonly config: AdamConfig,
  ) {
    this.copies = variables[0]!.shape[0]!;
    this.widths = variables.map((v) => v.size / this.copies);
    const p = this.widths.reduce((a, b) => a + b, 0);
    this.m = tf.variable(tf.zeros([this.copies, p]), false);
    this.v = tf.variable(tf.zeros([this.copies, p]), false);
    const { beta1, beta2, epsilon } = config;
    this.constants = {
      beta1: tf.scalar(beta1),
      keep1: tf.scalar(1 - beta1),
      beta2: tf.scalar(beta2),
      keep2: tf.scalar(1 - beta2),
      epsilon: tf.scalar(epsilon),
    };
  }

  /** Tensors shaped like the variables ([E, ...] each), side by side: [E, P]. */
  flatten(tensors: readonly tf.Tensor[]): tf.Tensor2D {
    return tf.concat(
      tensors.map((t) => tf.reshape(t, [this.copies, -1])),
      1,
    ) as tf.Tensor2D;
  }

  /**
   * One Adam step, the `t`-th (from 1), with the gradients laid out by
   * `flatten` ([E, P]). Returns the new values laid out the same way. Call
   * inside tf.tidy.
   */
  apply(gradient: tf.Tensor, t: number): tf.Tensor {
    const { beta1, keep1, beta2, keep2, epsilon } = this.constants;
    const stepSize = this.stepSize(t);
    const m = tf.add(tf.mul(this.m, beta1), tf.mul(gradient, keep1));
    const v = tf.add(tf.mul(this.v, beta2), tf.mul(tf.square(gradient), keep2));
    this.m.assign(m);
    this.v.assign(v);
    const theta = tf.sub(
      this.flatten(this.variables),
      tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilon)), stepSize),
    );
    const parts = splitBlocks(
      theta,
      this.copies,
      this.widths,
      this.variables.map((x) => x.shape),
    );
    this.variables.forEach((x, i) => x.assign(parts[i]!));
    return theta;
  }

  /** The step size of the `t`-th step, with the bias correction folded in. */
  private stepSize(t: number): number {
    const { learningRate, beta1, beta2 } = this.config;
    return (learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
  }

  /**
   * One Adam step, the `t`-th (from 1), with gradients shaped like the
   * variables, as one fused kernel (fusedAdam.ts) where the backend has it:
   * the same values as `apply`, bit for bit. Returns per copy 1 if every
   * gradient element and every new weight is finite, else 0 ([E]); null, and
   * nothing done, where the backend has no fused kernel (use `flatten` and
   * `apply` there). Call inside tf.tidy.
   */
  applyFused(grads: readonly tf.Tensor[], t: number): tf.Tensor | null {
    if (!fusedAdamAvailable()) return null;
    const { beta1, beta2, epsilon } = this.config;
    const out = fusedAdamStep(grads, this.variables, this.m, this.v, {
      beta1,
      keep1: 1 - beta1,
      beta2,
      keep2: 1 - beta2,
      epsilon,
      stepSize: this.stepSize(t),
    });
    this.m.assign(out.m);
    this.v.assign(out.v);
    this.variables.forEach((x, i) => x.assign(out.weights[i]!));
    return out.finite;
  }

  dispose(): void {
    tf.dispose([this.m, this.v, ...Object.values(this.constants)]);
  }
}
