/**
 * The training objective of a stack of SBNs (sbn.ts), one copy per estimator:
 * every copy gets the same images and the same noise of each layer, and its
 * estimator acts on both stochastic layers through the same module interface
 * as in the VAE race (`forward`, then `surrogate` around a downstream loss):
 *   - layer 2's downstream is the likelihood: v ↦ −log p(x_lower | v);
 *   - layer 1's downstream is layer 2 and the likelihood at the same noise:
 *     v ↦ −log p(x_lower | forward₂(W₂v + b₂, g₂)), with forward₂ the same
 *     estimator's forward.
 * Each layer's surrogate must train only its own weights and those after it,
 * or a pathwise gradient would be counted twice. So layer 2's part sees layer
 * 1's samples held fixed (its gradient reaches W₂, b₂, W₃, b₃), and layer 1's
 * part sees the weights after it held fixed (its gradient reaches W₁, b₁ only).
 * The sum is the estimator's gradient in every weight: for a pathwise one the
 * gradient of the loss through both layers, for a score-function one
 * ∇f + (f − b)(∇log q(h₁) + ∇log q(h₂)).
 *
 * Slope-annealed ST reads the step's slope in both layers. Variance
 * normalization keeps one running variance per layer (each layer's estimator
 * has its own learning signal: DARN's and MuProp's differ in size between the
 * layers, as NVIL's layer-specific signals do): `scale[l]` divides layer l's
 * signal, and `signalVariance[l]` is its variance over the batch. Layer 2's
 * forward inside layer 1's downstream is the function layer 1's estimator
 * sees, so it takes no scale (a scale there would divide layer 1's signal by
 * layer 2's too).
 */
import * as tf from './tfjs';
import { splitCopies } from './blockSplit';
import { estimatorById, type EstimatorId } from './estimators/registry';
import type { SampleInput } from './estimators/estimator';
import { bernoulliNll } from './categoricalVae';
import type { Seed, Temperature } from './types';
import {
  copyOf,
  firstLogits,
  heldFixed,
  lowerLogits,
  secondLogits,
  type SbnParams,
  type SbnSize,
} from './sbn';
import { stopGradient } from './gradientTricks';
import { signalVariance } from './estimators/varianceNormalization';

/** Per layer (1 and 2), a value of each. */
export type PerLayer<T> = readonly [T, T];

export interface SbnObjectiveInput {
  params: SbnParams<tf.Tensor>;
  size: SbnSize;
  lines: readonly EstimatorId[];
  /** The batch's upper halves [1, B, U] and lower halves [1, B, L] (shared by every copy). */
  upper: tf.Tensor;
  lower: tf.Tensor;
  /** Each layer's Gumbel noise [B, N, K], the same for every copy. */
  noise: PerLayer<tf.Tensor>;
  tau: Temperature;
  /** Each layer's seed for estimators with randomness of their own (the same for every copy). */
  seeds: PerLayer<Seed>;
  /** Each copy's baseline, [E] (read only by estimators that declare one; both layers use it). */
  baseline: tf.Tensor;
  /** Per copy, its estimator's learned parameters of each layer (REBAR, RELAX), or null. */
  own?: readonly (PerLayer<Readonly<Record<string, tf.Tensor>>> | null)[];
  /** Slope-annealed ST's slope a at this step (SampleInput.slope), both layers; absent: 1. */
  slope?: number;
  /**
   * Variance normalization: per layer, each copy's divisor of its learning
   * signal, [E] (read by copies whose estimator declares `normalization`). Absent: off.
   */
  scale?: PerLayer<tf.Tensor>;
}

export interface SbnObjectiveOutput {
  /** Per copy, the batch mean of the surrogate whose gradient is that copy's estimate, [E]. */
  surrogate: tf.Tensor;
  /** Per copy, the batch mean of −log p(x_lower | h₂) at its own training samples, [E]. */
  loss: tf.Tensor;
  /** With `scale`: per layer, each copy's variance of its learning signal over the batch, [E] (0 if none). */
  signalVariance?: PerLayer<tf.Tensor>;
}

/** Whether copy e's learning signal is divided by a scale (normalization on, and its estimator has a signal). */
const normalized = (input: SbnObjectiveInput, e: number) =>
  input.scale !== undefined && estimatorById(input.lines[e]!).normalization !== undefined;

/** Copy e's sample input in `layer`; `scaled`: with the layer's scale (not for layer 2 inside layer 1's downstream). */
const inputOf = (
  input: SbnObjectiveInput,
  layer: 0 | 1,
  e: number,
  logits: tf.Tensor,
  scaled = true,
): SampleInput => {
  const own = input.own?.[e]?.[layer];
  const scale = scaled && normalized(input, e) ? input.scale![layer] : undefined;
  return {
    logits,
    noise: input.noise[layer],
    temperature: input.tau,
    seed: input.seeds[layer],
    ...(own ? { own } : {}),
    ...(input.slope === undefined ? {} : { slope: input.slope }),
    ...(scale ? { scale: tf.squeeze(tf.slice(scale, [e], [1])) } : {}),
  };
};

/** Copy e's likelihood term at layer-2 values [B, N, K] → [B]; `p` is that copy's parameters. */
const likelihood = (p: SbnParams<tf.Tensor>, lower: tf.Tensor) => (h2: tf.Tensor) =>
  tf.squeeze(bernoulliNll(lowerLogits(p, tf.expandDims(h2, 0)), lower), [0]);

/** Copy e's downstream of layer 1 (weights after it held fixed): layer 2 at the same noise, then the likelihood. */
function layerOneDownstream(input: SbnObjectiveInput, fixed: SbnParams<tf.Tensor>, e: number) {
  const line = input.lines[e]!;
  const p = copyOf(fixed, e);
  return (h1: tf.Tensor) => {
    const l2 = tf.squeeze(secondLogits(p, tf.expandDims(h1, 0), input.size), [0]);
    return likelihood(p, input.lower)(estimatorById(line).forward(inputOf(input, 1, e, l2, false)));
  };
}

/** Builds the objective; call inside `tf.variableGrads` (through `tf.tidy`). */
export function sbnObjective(input: SbnObjectiveInput): SbnObjectiveOutput {
  const { params, size, lines, upper, lower } = input;
  const est = lines.map((line) => estimatorById(line));
  const l1 = splitCopies(firstLogits(params, upper, size));
  const in1 = lines.map((_, e) => inputOf(input, 0, e, l1[e]!));
  const h1 = tf.stack(lines.map((_, e) => est[e]!.forward(in1[e]!)));
  const baselines = splitCopies(input.baseline);
  // The lower halves once per copy: a broadcasting multiply is several times slower on wasm.
  const lowerAll = tf.broadcastTo(lower, [lines.length, ...lower.shape.slice(1)]);

  // Layer 2 and the likelihood: layer 1's samples held fixed.
  const l2 = splitCopies(secondLogits(params, stopGradient(h1), size));
  const in2 = lines.map((_, e) => inputOf(input, 1, e, l2[e]!));
  const h2 = lines.map((_, e) => est[e]!.forward(in2[e]!));
  const loss = bernoulliNll(lowerLogits(params, tf.stack(h2)), lowerAll); // [E, B]
  const losses = splitCopies(loss);
  const surrogateIn2 = lines.map((_, e) => ({
    ...in2[e]!,
    sample: h2[e]!,
    loss: losses[e]!,
    baseline: baselines[e]!,
    downstream: likelihood(copyOf(params, e), lower),
  }));
  const second = lines.map((_, e) => est[e]!.surrogate(surrogateIn2[e]!));

  // Layer 1: the same values through weights held fixed, so only W₁, b₁ learn from it.
  const fixed = heldFixed(params);
  const h1s = splitCopies(h1);
  const l2Fixed = splitCopies(secondLogits(fixed, h1, size));
  const h2Fixed = lines.map((_, e) => est[e]!.forward(inputOf(input, 1, e, l2Fixed[e]!, false)));
  const lossFixed = splitCopies(bernoulliNll(lowerLogits(fixed, tf.stack(h2Fixed)), lowerAll));
  const surrogateIn1 = lines.map((_, e) => ({
    ...in1[e]!,
    sample: h1s[e]!,
    loss: lossFixed[e]!,
    baseline: baselines[e]!,
    downstream: layerOneDownstream(input, fixed, e),
  }));
  const first = lines.map((_, e) => est[e]!.surrogate(surrogateIn1[e]!));
  /** Per copy, the variance of its signal in one layer (0 for copies that do not normalize), [E]. */
  const variances = (inputs: typeof surrogateIn1) =>
    tf.stack(
      lines.map((_, e) =>
        normalized(input, e)
          ? stopGradient(signalVariance(est[e]!.normalization!.signal(inputs[e]!)))
          : tf.scalar(0),
      ),
    );
  return {
    surrogate: tf.mean(tf.add(tf.stack(first), tf.stack(second)), 1),
    loss: tf.mean(loss, 1),
    ...(input.scale ? { signalVariance: [variances(surrogateIn1), variances(surrogateIn2)] } : {}),
  };
}

/**
 * Copy e's variance objective in layer `layer` (0 or 1): the batch mean of
 * ‖ĝ‖² in that layer's logits, for an estimator with learned parameters, at
 * the same images, noise and weights as its part of `sbnObjective`. Its
 * gradient in that layer's `own` trains them.
 */
export function sbnCopyVariance(input: SbnObjectiveInput, e: number, layer: 0 | 1): tf.Scalar {
  const { params, size, lines, upper, lower } = input;
  const estimator = estimatorById(lines[e]!);
  if (!estimator.learned) throw new RangeError(`Copy ${e} learns no parameters.`);
  const p = copyOf(params, e);
  const l1 = tf.squeeze(firstLogits(p, upper, size), [0]);
  const in1 = inputOf(input, 0, e, l1);
  const h1 = estimator.forward(in1);
  const l2 = tf.squeeze(secondLogits(p, tf.expandDims(h1, 0), size), [0]);
  const in2 = inputOf(input, 1, e, l2);
  const h2 = estimator.forward(in2);
  const downstream = layer === 1 ? likelihood(p, lower) : layerOneDownstream(input, params, e);
  const sampleInput = layer === 1 ? in2 : in1;
  const sample = layer === 1 ? h2 : h1;
  return tf.mean(
    estimator.learned.variance({
      ...sampleInput,
      sample,
      loss: layer === 1 ? likelihood(p, lower)(h2) : downstream(h1),
      baseline: 0,
      downstream,
    }),
  ) as tf.Scalar;
}
