/**
 * Many independent single-sample gradient estimates at fixed logits, for the
 * distribution of an estimator (the lab's histograms, its probes and the
 * registry test). Plain numbers in and out; every tensor is freed.
 */
import * as tf from '../tfjs';
import type { Seed, Temperature } from '../types';
import type { EstimatorId } from './registry';
import { estimatorSurrogate, type Baseline } from './surrogate';

export interface EstimateOptions {
  tau: Temperature;
  seed: Seed;
  /** For estimators that read a baseline: the value b, or how to compute one. */
  baseline: number | Baseline;
  /** The learned parameters of an estimator that declares them (REBAR, RELAX): a LearnedState's `own`. */
  own?: Readonly<Record<string, tf.Tensor>>;
  /** Slope-annealed ST's slope a; absent: 1. */
  slope?: number;
}

/**
 * `rows` independent single-sample estimates of ∇ E[f] at `logits`, [rows × K]
 * row-major. The logits are tiled into rows; row r's surrogate depends on row r
 * only, so the gradient of the mean surrogate times `rows` holds one estimate a row.
 * `objective.f` maps samples [rows, K] to [rows].
 */
export async function singleSampleEstimates(
  id: EstimatorId,
  objective: { f: (z: tf.Tensor) => tf.Tensor },
  logits: readonly number[],
  rows: number,
  options: EstimateOptions,
): Promise<Float32Array> {
  const grads = tf.tidy(() => {
    const tiled = tf.tile(tf.tensor2d([logits as number[]]), [rows, 1]);
    const surrogate = (l: tf.Tensor) =>
      estimatorSurrogate(id, {
        logits: l,
        f: objective.f,
        temperature: options.tau,
        seed: options.seed,
        baseline:
          typeof options.baseline === 'number'
            ? { kind: 'value', value: options.baseline }
            : options.baseline,
        ...(options.own ? { own: options.own } : {}),
        ...(options.slope === undefined ? {} : { slope: options.slope }),
      }).surrogate;
    return tf.mul(tf.grad(surrogate)(tiled), rows);
  });
  const values = (await grads.data()) as Float32Array;
  grads.dispose();
  return values;
}
