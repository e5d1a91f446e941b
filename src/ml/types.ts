/**
 * Branded numbers that are easy to confuse (STYLE.md, convention 3). A plain
 * number does not type-check where one of these is asked for: go through the
 * constructor, which validates.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A 32-bit seed for the counter-based generator. */
export type Seed = Brand<number, 'Seed'>;
/** A softmax temperature τ > 0. */
export type Temperature = Brand<number, 'Temperature'>;
/** A probability vector: non-negative entries summing to one (a point on the simplex). */
export type Probabilities = Brand<readonly number[], 'Probabilities'>;

/** Any finite number, folded to an unsigned 32-bit seed. */
export function seed(value: number): Seed {
  if (!Number.isFinite(value))
    throw new RangeError(`A seed must be a finite number, not ${value}.`);
  return (Math.trunc(value) >>> 0) as Seed;
}

export function temperature(value: number): Temperature {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`A temperature must be positive and finite, not ${value}.`);
  }
  return value as Temperature;
}

/** Normalizes non-negative weights into probabilities. */
export function probabilities(weights: readonly number[]): Probabilities {
  if (weights.length < 1 || weights.some((w) => !(w >= 0) || !Number.isFinite(w))) {
    throw new RangeError('Probabilities must be non-negative finite numbers.');
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new RangeError('At least one probability must be positive.');
  return weights.map((w) => w / total) as unknown as Probabilities;
}

/**
 * softmax in double precision, stable for large logits. (Logits have no brand:
 * in src/ml they travel as tensors, and a probability vector, which is branded,
 * cannot be passed where logits are meant to go by mistake the other way.)
 */
export function softmaxOf(l: readonly number[]): Probabilities {
  const max = Math.max(...l);
  const e = l.map((x) => Math.exp(x - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / total) as unknown as Probabilities;
}
