/**
 * The caller's side of an estimator's learned parameters: one set per lab line
 * or race copy, made from the estimator's `learned.create`, with its own Adam
 * optimizer, stepped on the estimator's variance objective.
 */
import * as tf from '../tfjs';
import type { Seed } from '../types';
import type { Estimator } from './estimator';

export class LearnedState {
  /** The parameters by name: pass as `own`. */
  readonly own: Readonly<Record<string, tf.Variable>>;
  private readonly optimizer: tf.AdamOptimizer;

  /** Parameters for rows of shape `row` ([..., K], no batch axis). Throws for an estimator without them. */
  constructor(estimator: Estimator, row: readonly number[], seed: Seed) {
    const learned = estimator.learned;
    if (!learned) throw new RangeError(`${estimator.label} learns no parameters.`);
    // tidy: the initial values are freed, the variables (never freed by tidy) stay.
    this.own = tf.tidy(() => learned.create(row, seed));
    this.optimizer = tf.train.adam(learned.learningRate);
  }

  /** One Adam step on the scalar `objective` (built inside, from `own`); frees every tensor it made. */
  step(objective: () => tf.Scalar): void {
    tf.tidy(() => this.apply(this.gradients(objective)));
  }

  /** The gradients of `objective` in `own`, by variable name (the caller frees them, or passes them to `apply`). */
  gradients(objective: () => tf.Scalar): tf.NamedTensorMap {
    return tf.variableGrads(objective, Object.values(this.own)).grads;
  }

  /** One Adam step with gradients from `gradients` (it does not free them). */
  apply(grads: tf.NamedTensorMap): void {
    this.optimizer.applyGradients(
      Object.entries(grads).map(([name, tensor]) => ({ name, tensor })),
    );
  }

  /** The current values, as plain numbers (for tests and tables). */
  async values(): Promise<Record<string, number[]>> {
    const entries = await Promise.all(
      Object.entries(this.own).map(async ([name, v]) => [name, Array.from(await v.data())]),
    );
    return Object.fromEntries(entries);
  }

  dispose(): void {
    this.optimizer.dispose();
    tf.dispose(Object.values(this.own));
  }
}
