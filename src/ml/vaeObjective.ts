/**
 * The training objective of a stack of VAEs, one copy per line: each copy gets
 * the same images and the same Gumbel noise, and differs only in its estimator
 * (src/ml/estimators/): what the decoder is fed (`forward`) and how the
 * gradient reaches the encoder (`surrogate`). The copies' samples are stacked
 * for one batched decoder pass. The line 'exact' is no estimator: it decodes
 * the one-hot sample like the others, then replaces its reconstruction term by
 * Σ_z q(z|x)·(−log p(x|z)) over all K^N latent values (tiny spaces only).
 */
import * as tf from './tfjs';
import { estimatorById, type EstimatorId } from './estimators/registry';
import { oneHotSample } from './estimators/sampling';
import { signalVariance } from './estimators/varianceNormalization';
import type { Seed, Temperature } from './types';
import {
  bernoulliNll,
  decoderLogits,
  encoderLogits,
  klToUniform,
  type VaeParams,
  type VaeSize,
} from './categoricalVae';
import { stackedMlp } from './stackedMlp';
import { splitCopies } from './blockSplit';
import { meanOver } from './broadcastGrad';
import { oneHotOfArgmax } from './gumbelSoftmax';
import { detached } from './gradientTricks';

/** A copy of the race: an estimator, or exact marginalization. */
export type RaceLine = EstimatorId | 'exact';

/** Throws unless 'exact' is absent or the last line. */
export function checkLines(lines: readonly RaceLine[]): void {
  const exactAt = lines.indexOf('exact');
  if (exactAt >= 0 && exactAt !== lines.length - 1)
    throw new RangeError('The exact line must be the last copy.');
}

export interface ObjectiveInput {
  params: VaeParams;
  size: VaeSize;
  /** The copies, in order (see checkLines). */
  lines: readonly RaceLine[];
  /** Images [1, B, D], shared by every copy (or [E, B, D], every copy's slice the same). */
  x: tf.Tensor;
  /** Gumbel noise [1, B, N, K], shared by every copy (or [E, B, N, K], every copy's slice the same). */
  noise: tf.Tensor;
  tau: Temperature;
  /** The step's seed, for estimators with randomness of their own (the same for every copy). */
  seed: Seed;
  /** Each copy's baseline, [E] (read only by estimators that declare one). */
  baseline: tf.Tensor;
  /** All K^N latent values [C, N, K] when the last copy is 'exact'. */
  exactValues?: tf.Tensor;
  /** Per copy, the learned parameters of its estimator (REBAR, RELAX), or null. */
  own?: readonly (Readonly<Record<string, tf.Tensor>> | null)[];
  /** Slope-annealed ST's slope a at this step (SampleInput.slope); absent: 1. */
  slope?: number;
  /**
   * Variance normalization: per copy, the divisor of its learning signal, [E]
   * (read by the copies whose estimator declares `normalization`). Absent: off.
   */
  scale?: tf.Tensor;
}

export interface ObjectiveOutput {
  /** Per copy, the surrogate whose gradient is that copy's estimate, [E]. */
  surrogate: tf.Tensor;
  /** Per copy, the batch mean of −ELBO at its own training sample, [E]. */
  negElbo: tf.Tensor;
  /** Per copy, the batch mean of −log p(x|z), [E] (the baseline tracks it). */
  reconstruction: tf.Tensor;
  /** With `scale`: per copy, the variance of its learning signal over the batch, [E] (0 if it has none). */
  signalVariance?: tf.Tensor;
}

/** Copy e's slice [1, ...] of a stack [E, ...], or the stack itself when all copies share it ([1, ...]). */
const copyOf = (t: tf.Tensor, e: number): tf.Tensor =>
  t.shape[0] === 1
    ? t
    : tf.slice(t, [e, ...t.shape.slice(1).map(() => 0)], [1, ...t.shape.slice(1)]);

/** Copy e's parameters, as a stack of one. */
const copyParams = (params: VaeParams, e: number): VaeParams =>
  Object.fromEntries(
    Object.entries(params).map(([name, v]) => [name, tf.slice(v, [e, 0, 0], [1, -1, -1])]),
  ) as unknown as VaeParams;

/** −E_q[log p(x|z)] exactly, [1, B], for the last copy's parameters. */
function exactReconstruction(input: ObjectiveInput, logits: tf.Tensor): tf.Tensor {
  const { params, x, exactValues, lines } = input;
  const e = lines.length - 1;
  const last = copyParams(params, e);
  const values = tf.expandDims(exactValues!, 0); // [1, C, N, K]
  const pixelLogits = decoderLogits(last, values); // [1, C, D]
  const xLast = copyOf(x, e); // [1, B, D]
  // −log p(x_b | z_c) = Σ_d softplus(l_cd) − x_bd·l_cd, for every b and c at once.
  const nll = tf.sub(
    tf.expandDims(tf.sum(tf.softplus(pixelLogits), -1), 1),
    tf.matMul(xLast, pixelLogits, false, true),
  ); // [1, B, C]
  const logQ = tf.logSoftmax(tf.slice(logits, [e, 0, 0, 0], [1, -1, -1, -1])); // [1, B, N, K]
  const flatValues = tf.reshape(values, [1, values.shape[1]!, -1]); // [1, C, N·K]
  const logQz = tf.matMul(tf.reshape(logQ, [1, logQ.shape[1]!, -1]), flatValues, false, true);
  return tf.sum(tf.mul(tf.exp(logQz), nll), -1); // [1, B]
}

/** Copy e's own decoder and likelihood at a latent value [B, N, K] → [B]; built only when called. */
const copyDownstream = (params: VaeParams, x: tf.Tensor, e: number) => (value: tf.Tensor) =>
  tf.squeeze(
    bernoulliNll(decoderLogits(copyParams(params, e), tf.expandDims(value, 0)), copyOf(x, e)),
    [0],
  );

/**
 * Copy e's variance objective (mean over the batch of ‖ĝ‖² in the encoder's
 * logits), for an estimator with learned parameters: the same images, noise
 * and weights as that copy's part of `raceObjective`, recomputed for this copy
 * alone. Its gradient in the copy's `own` trains them (call inside
 * `tf.variableGrads` over them). ĝ is the gradient in the logits, not in the
 * encoder's weights: a cheaper stand-in for the variance of the weights'
 * gradient, which the papers minimize.
 */
export function copyVariance(input: ObjectiveInput, e: number): tf.Scalar {
  const { params, size, lines, x, noise, tau, seed } = input;
  const line = lines[e]!;
  const estimator = line === 'exact' ? null : estimatorById(line);
  if (!estimator?.learned) throw new RangeError(`Copy ${e} learns no parameters.`);
  const logits = tf.squeeze(encoderLogits(copyParams(params, e), copyOf(x, e), size), [0]);
  const sampleInput = {
    logits,
    noise: tf.squeeze(copyOf(noise, e), [0]),
    temperature: tau,
    seed,
    own: input.own![e]!,
    ...(input.slope === undefined ? {} : { slope: input.slope }),
  };
  const sample = estimator.forward(sampleInput);
  const downstream = copyDownstream(params, x, e);
  return tf.mean(
    estimator.learned.variance({
      ...sampleInput,
      sample,
      loss: downstream(sample),
      baseline: 0,
      downstream,
    }),
  ) as tf.Scalar;
}

/** Builds the objective; call inside `tf.variableGrads` (through `tf.tidy`). */
export function raceObjective(input: ObjectiveInput): ObjectiveOutput {
  const { params, size, lines, x, noise, tau, seed, baseline } = input;
  const logits = encoderLogits(params, x, size, stackedMlp); // [E, B, N, K]
  // Every copy's Gumbel-max sample at once, with no gradient: the very values
  // each copy's oneHotSample would compute (one add, argmax and one-hot, not E).
  // Off the tape (no zeros made and added): the decoder connects every copy's loss
  // to its parameters anyway.
  const copyOneHot = splitCopies(detached(() => oneHotOfArgmax(tf.add(logits, noise))));
  // On webgl, log softmax(logits) of every copy at once, shared by the KL and every
  // copy: its estimator gets it as its logits (the same distribution, normalized) and
  // as `logQ`, so none computes its own (issue 16: ~10 draw calls a copy, forward and
  // back), and every copy's slice is read (a slice no copy reads would get a gradient
  // of zeros made in JavaScript: an upload). Elsewhere the copies get the logits
  // themselves and compute their own, so cpu and wasm values stay bit-identical.
  const logQ = tf.getBackend() === 'webgl' ? tf.logSoftmax(logits) : null;
  // Split, not sliced per copy: one op each way instead of one slice per copy.
  const copyLogits = splitCopies(logQ ?? logits);
  const sharedNoise = noise.shape[0] === 1 ? tf.squeeze(noise, [0]) : null;
  const copyNoise = sharedNoise ? lines.map(() => sharedNoise) : splitCopies(noise);
  // Sliced, not unstacked: when every copy reads its scale, Unpack's gradient (which the
  // tape reaches although the scale takes none) stacks missing dys and throws.
  const scales = input.scale
    ? lines.map((_, e) => tf.reshape(tf.slice(input.scale!, [e], [1]), []))
    : null;
  /** Whether copy e's learning signal is divided by its scale (variance normalization on, and its estimator has a signal). */
  const normalized = (e: number) =>
    scales !== null && lines[e] !== 'exact' && estimatorById(lines[e]!).normalization !== undefined;
  const inputs = lines.map((_, e) => ({
    logits: copyLogits[e]!,
    noise: copyNoise[e]!,
    temperature: tau,
    seed,
    oneHot: copyOneHot[e]!,
    ...(logQ ? { logQ: copyLogits[e]! } : {}),
    ...(input.own?.[e] ? { own: input.own[e] } : {}),
    ...(input.slope === undefined ? {} : { slope: input.slope }),
    ...(normalized(e) ? { scale: scales![e]! } : {}),
  }));
  const samples = lines.map((line, e) =>
    line === 'exact' ? oneHotSample(inputs[e]!) : estimatorById(line).forward(inputs[e]!),
  );
  let reconstruction = bernoulliNll(decoderLogits(params, tf.stack(samples), stackedMlp), x); // [E, B]
  const kl = klToUniform(logits, logQ ?? undefined); // [E, B]
  const losses = splitCopies(reconstruction);
  const baselines = splitCopies(baseline);
  const variances: tf.Tensor[] = [];
  const surrogates = lines.map((line, e) => {
    const loss = losses[e]!;
    if (line === 'exact') return loss;
    const downstream = copyDownstream(params, x, e);
    const estimator = estimatorById(line);
    const surrogateInput = {
      ...inputs[e]!,
      sample: samples[e]!,
      loss,
      baseline: baselines[e]!,
      downstream,
    };
    if (scales !== null)
      variances[e] = normalized(e)
        ? signalVariance(estimator.normalization!.signal(surrogateInput))
        : tf.scalar(0);
    return estimator.surrogate(surrogateInput);
  });
  let perExample = tf.add(tf.stack(surrogates), kl);
  const e = lines.length;
  if (input.exactValues) {
    const exact = exactReconstruction(input, logits);
    const sampled = (t: tf.Tensor) => tf.slice(t, [0, 0], [e - 1, -1]);
    const last = (t: tf.Tensor) => tf.slice(t, [e - 1, 0], [1, -1]);
    reconstruction = tf.concat([sampled(reconstruction), exact]);
    perExample = tf.concat([sampled(perExample), tf.add(exact, last(kl))]);
  }
  return {
    surrogate: meanOver(perExample, 1),
    negElbo: tf.mean(tf.add(reconstruction, kl), 1),
    reconstruction: tf.mean(reconstruction, 1),
    ...(scales === null
      ? {}
      : { signalVariance: tf.stack(lines.map((_, i) => variances[i] ?? tf.scalar(0))) }),
  };
}
