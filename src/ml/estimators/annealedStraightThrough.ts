/**
 * Slope-annealed straight-through (Chung, Ahn & Bengio 2016, "Hierarchical
 * Multiscale Recurrent Neural Networks", Sec. 3.3, the slope annealing
 * trick), as Jang, Gu & Poole (2017, Sec. 3.1) compare it: the one-hot
 * sample z forward, and backward as if z had been a sigmoid of slope a,
 * σ(a·φ), with a raised during training so that the proxy approaches the
 * step function. For categorical variables the sigmoid is the softmax with
 * slope a (inverse temperature):
 *   ∂z/∂l ≈ ∂softmax(a·l)/∂l = a·(diag p − p pᵀ),  p = softmax(a·l).
 * For K = 2 this is σ(a·φ) on φ = l₁ − l₀ exactly; at a = 1 it is
 * straight-through. The sample itself stays z ~ softmax(l), the model's
 * distribution (the same z as every one-hot estimator): only the backward
 * proxy carries the slope (Chung et al.'s units are deterministic, so there
 * the slope also sharpens the forward step; here the sample is the model's).
 * The caller passes a (`SampleInput.slope`) from a schedule, `annealedSlope`.
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { defineEstimator } from './estimator';
import { oneHotSample } from './sampling';

/** Chung et al.'s cap on the slope (their schedule, Sec. 4: a = min(5, 1 + 0.04·epochs)). */
export const MAX_SLOPE = 5;
/** Slope gained per training step: from 1 to the cap over 2,000 steps (the table's run). */
export const SLOPE_PER_STEP = 0.002;

/**
 * The slope at training step t: a = min(5, 1 + 0.002·t). Chung et al. raise
 * it by 0.04 per epoch up to 5; a browser run is 2,000 steps, not epochs, so
 * the same rise from 1 to 5 is spread over those steps.
 */
export const annealedSlope = (step: number): number =>
  Math.min(MAX_SLOPE, 1 + SLOPE_PER_STEP * Math.max(0, step));

export const annealedStraightThroughEstimator = defineEstimator({
  id: 'annealed-st',
  era: 'paper',
  reference:
    'Chung, Ahn & Bengio (2016), Hierarchical Multiscale RNNs, Sec. 3.3 (slope annealing); as compared by Jang, Gu & Poole (2017)',
  evaluations: 1,
  classes: 'any',
  label: 'slope-annealed ST',
  color: 'series-15',
  unbiased: false,
  feeds: 'one-hot',
  gradient: '∇f(z) passed on as if z were softmax(a·l), the slope a annealed upward',
  paperColumn: 'Annealed ST',
  forward: (input) => {
    // z + (p − p): exactly z forward, the gradient of p = softmax(a·l) backward.
    const slope = input.slope ?? 1;
    const p = tf.exp(tf.logSoftmax(tf.mul(input.logits, slope)));
    return tf.add(oneHotSample(input), tf.sub(p, stopGradient(p)));
  },
  surrogate: ({ loss }) => loss,
});
