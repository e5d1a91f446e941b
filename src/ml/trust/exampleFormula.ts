/**
 * What a trust formula (estimatorFormulas.ts) is given and returns for one
 * example of one copy, and the pieces several formulas share.
 */
import * as tf from '../tfjs';
import { argmaxOneHot } from './oneExampleVae';

export interface ExampleContext {
  /** l, [N, K] (values: each formula returns ĝ explicitly). */
  logits: tf.Tensor;
  /** g, this example's slice of the step's shared Gumbel noise, [N, K]. */
  noise: tf.Tensor;
  /** τ at this step. */
  tau: number;
  /** b, this copy's moving-average baseline before the step (0 at step 0). */
  baseline: number;
  /** f(z) = −log p(x | z) of this example, differentiable in z [N, K]. */
  f: (z: tf.Tensor) => tf.Scalar;
  /** `count` draws [N, K] of this example's slice of the stream `stream` of the step's estimator seed. */
  ownNoise: (kind: 'gumbel' | 'uniform', count: number, stream: number) => tf.Tensor[];
  /** The copy's learned parameters before the step (REBAR, RELAX), else null. */
  own: Readonly<Record<string, tf.Tensor>> | null;
  /** Slope-annealed ST's slope a at this step. */
  slope: number;
  /** Variance normalization's divisor of the learning signal, max(1, √v); 1 when off. */
  scale: number;
}

export interface ExampleGradient {
  /** The value fed forward: the baseline tracks f at it. */
  fed: tf.Tensor;
  /** ĝ ≈ ∇_l f, [N, K] (the closed-form KL term not included). */
  logits: tf.Tensor;
  /** The decoder's gradient is Σ weight·∇_θ f(value). */
  decoderAt: { value: tf.Tensor; weight: number }[];
  /**
   * A score-function estimator's learning signal before the scale: one value
   * per example, or one per variable (DARN); its variance over the batch feeds
   * variance normalization. Absent for estimators that do not normalize.
   */
  signal?: number[];
}

export type Formula = (c: ExampleContext) => ExampleGradient;

export const valueOf = (t: tf.Tensor) => t.dataSync()[0]!;
/** (diag p − p pᵀ)·d for each variable: the Jacobian of softmax at p, applied to d. */
export const softmaxJacobianTimes = (p: tf.Tensor, d: tf.Tensor) =>
  tf.mul(p, tf.sub(d, tf.sum(tf.mul(p, d), -1, true)));
/** ∇_l log q(z) = z − softmax(l), per variable. */
export const score = (c: ExampleContext, z: tf.Tensor) => tf.sub(z, tf.softmax(c.logits));
export const fGradient = (c: ExampleContext, z: tf.Tensor) => tf.grad(c.f)(z);
export const oneHot = (c: ExampleContext) => argmaxOneHot(tf.add(c.logits, c.noise));
export const relaxed = (c: ExampleContext) => tf.softmax(tf.div(tf.add(c.logits, c.noise), c.tau));
export const at = (value: tf.Tensor) => [{ value, weight: 1 }];

/** Score function with baseline b: ((f(z) − b)/scale)·(z − q). */
export const scoreFunction = (c: ExampleContext, b: number): ExampleGradient => {
  const z = oneHot(c);
  const signal = valueOf(c.f(z)) - b;
  return {
    fed: z,
    logits: tf.mul(signal / c.scale, score(c, z)),
    decoderAt: at(z),
    signal: [signal],
  };
};
