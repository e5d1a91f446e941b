/**
 * Which training images each step uses: epoch after epoch, a fresh seeded
 * permutation of the training set cut into whole batches (the remainder of an
 * epoch is skipped). A pure function of (seed, step), so every model in a race
 * and every rerun of a link gets exactly the same batches.
 */
import { deriveSeed, keyedHash, streamKey } from './counterHash';
import { temperature, type Seed, type Temperature } from './types';

/** A fixed permutation of 0..n−1 for a seed (indices sorted by their hash). */
export function permutation(n: number, seed: Seed): Int32Array {
  const key = streamKey(seed);
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = keyedHash(key, i);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => hashes[a]! - hashes[b]! || a - b);
}

export class MinibatchSchedule {
  private epoch = -1;
  private order: Int32Array = new Int32Array(0);
  readonly batchesPerEpoch: number;

  constructor(
    readonly trainCount: number,
    readonly batch: number,
    readonly seed: Seed,
  ) {
    if (batch < 1 || batch > trainCount)
      throw new RangeError(`A batch of ${batch} does not fit ${trainCount} training images.`);
    this.batchesPerEpoch = Math.floor(trainCount / batch);
  }

  /** The image indices of step `step`, [batch] int32. */
  indices(step: number): Int32Array {
    const epoch = Math.floor(step / this.batchesPerEpoch);
    if (epoch !== this.epoch) {
      this.order = permutation(this.trainCount, deriveSeed(this.seed, epoch));
      this.epoch = epoch;
    }
    const start = (step % this.batchesPerEpoch) * this.batch;
    return this.order.slice(start, start + this.batch);
  }
}

/** τ = max(τmin, exp(−r·t)), with t the step rounded down to a multiple of `every` (Jang et al. 2017). */
export interface TemperatureSchedule {
  rate: number;
  every: number;
  min: number;
}

export function temperatureAt(s: TemperatureSchedule, step: number): Temperature {
  const t = Math.floor(step / s.every) * s.every;
  return temperature(Math.max(s.min, Math.exp(-s.rate * t)));
}
