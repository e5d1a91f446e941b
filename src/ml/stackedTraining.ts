/**
 * What every stacked run shares, whatever its model (the VAE race, the SBN
 * race): E copies, one per estimator, stacked along a leading axis; Adam per
 * element, so the copies never mix; each copy's moving-average baseline; a
 * running flag per copy that drops to 0 once its loss or gradient is not
 * finite; steps prepared (gradients computed), then committed or discarded;
 * results read back once per `trainSteps` call, not once per step.
 */
import * as tf from './tfjs';
import type { StackedAdam } from './stackedAdam';

export interface TrainReport {
  /** The first step of this report. */
  from: number;
  /** Per line, the training objective of each step (the VAE's −ELBO, the SBN's NLL; NaN once stopped). */
  negElbo: number[][];
  /** Per line, the step at which it stopped, if that happened in this report; else null. */
  stoppedAt: (number | null)[];
}

/** One step's gradients, computed and held until they are applied or thrown away. */
export interface PreparedStep {
  /** Applies the gradients (Adam) and advances the step; returns [E] training objective and running flags (caller disposes). */
  commit(): { negElbo: tf.Tensor; running: tf.Tensor };
  /** Frees the gradients; the race stays as it was. */
  discard(): void;
}

/**
 * One Adam step (the `t`-th, from 1) of every copy's parameters at once
 * (StackedAdam), and the running flags [E] after it: a copy goes on only while
 * its loss, every gradient element and every weight are finite. (Weights too:
 * on wasm, XNNPACK's fused ReLU turns a NaN into 0, so NaN weights could
 * leave the loss and gradient finite.) No masking of stopped copies: their
 * weights may turn NaN, but every op here is per element or per copy, so that
 * never reaches another copy. Call inside `tf.tidy`.
 */
export function adamStep(
  adam: StackedAdam,
  grads: readonly tf.Tensor[],
  t: number,
  running: tf.Tensor,
  surrogate: tf.Tensor,
): tf.Tensor {
  const fused = adam.applyFused(grads, t);
  if (fused) return tf.mul(running, tf.mul(tf.cast(tf.isFinite(surrogate), 'float32'), fused));
  const gradient = adam.flatten(grads); // [E, P]
  const weights = adam.apply(gradient, t); // [E, P]
  const finite = tf.logicalAnd(
    tf.logicalAnd(tf.isFinite(surrogate), tf.isFinite(tf.sum(gradient, 1))),
    tf.all(tf.isFinite(weights), 1),
  );
  return tf.mul(running, tf.cast(finite, 'float32'));
}

/** Makes copy `copy` of a stacked weight [E, ...] NaN, as a diverging run would (for tests of the recovery path). */
export function poisonCopy(weight: tf.Variable, copy: number): void {
  tf.tidy(() => {
    const copies = weight.shape[0]!;
    const mask = tf.tensor(
      Array.from({ length: copies }, (_, e) => e === copy),
      [copies, ...weight.shape.slice(1).map(() => 1)],
      'bool',
    );
    weight.assign(tf.where(tf.broadcastTo(mask, weight.shape), tf.fill(weight.shape, NaN), weight));
  });
}

/** Each copy's baseline b ← keep·b + take·value ([E] each; keep = decay, take = 1 − decay). */
export function updateBaseline(
  baseline: tf.Variable,
  decay: { keep: tf.Tensor; take: tf.Tensor },
  value: tf.Tensor,
): void {
  baseline.assign(tf.add(tf.mul(baseline, decay.keep), tf.mul(value, decay.take)));
}

/**
 * A stacked run's step loop and readback: subclasses compute a step's
 * gradients in `prepareStep`; this runs steps, applies or discards them, and
 * reads the results back once per call.
 */
export abstract class StackedRun {
  step = 0;
  /** Per line, the step at which it stopped, or null while it runs. */
  readonly stoppedAt: (number | null)[];

  constructor(copies: number) {
    this.stoppedAt = Array.from({ length: copies }, () => null);
  }

  abstract get lines(): readonly string[];

  /** Computes one step's gradients of every copy without applying them. */
  abstract prepareStep(): PreparedStep;

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
}
