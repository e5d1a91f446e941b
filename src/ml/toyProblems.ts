/**
 * Toy objectives with exactly known gradients: minimize E_z[f(z)] over the
 * logits of one categorical z with K classes. Each f is written twice: on
 * tensors (one-hot or relaxed samples [B, K] → [B]) for the estimators, and
 * as its K values on the one-hot vectors for the exact answer.
 */
import * as tf from './tfjs';

export type PresetName = 'rebar' | 'relax' | 'categorical' | 'linear';

export const presets: Record<PresetName, { label: string; fixedK?: number }> = {
  rebar: { label: 'Binary, E[(b − 0.45)²] (REBAR)', fixedK: 2 },
  relax: { label: 'Binary, E[(b − 0.499)²] (RELAX)', fixedK: 2 },
  categorical: { label: 'Categorical, E[(c·z − 0.45)²]' },
  linear: { label: 'Categorical, E[c·z] (linear)' },
};

export interface ToyProblem {
  preset: PresetName;
  k: number;
  /** f at the K one-hot vectors. */
  values: number[];
  /** f on a batch of samples, [B, K] → [B]. */
  f: (z: tf.Tensor) => tf.Tensor1D;
  /** The class the optimum puts all its mass on. */
  bestClass: number;
}

/** cₖ = k/(K−1): the value a class stands for (0 … 1); for K = 2 it is b itself. */
const classValues = (k: number) => Array.from({ length: k }, (_, i) => i / (k - 1));

export function makeProblem(preset: PresetName, requestedK: number): ToyProblem {
  const k = presets[preset].fixedK ?? requestedK;
  const c = classValues(k);
  const t = preset === 'relax' ? 0.499 : 0.45;
  const squared = preset !== 'linear';
  const values = c.map((ci) => (squared ? (ci - t) ** 2 : ci));
  const f = (z: tf.Tensor) =>
    tf.tidy(() => {
      const cz = tf.sum(tf.mul(z, tf.tensor1d(c)), z.rank - 1);
      return (squared ? tf.square(tf.sub(cz, t)) : cz) as tf.Tensor1D;
    });
  return { preset, k, values, f, bestClass: values.indexOf(Math.min(...values)) };
}

export interface Exact {
  probabilities: number[];
  /** E[f(z)]. */
  value: number;
  /** ∂E/∂lⱼ = pⱼ (f(eⱼ) − E). */
  gradient: number[];
}

/** The exact objective and gradient at `logits`, in double precision. */
export function exact(problem: ToyProblem, logits: readonly number[]): Exact {
  const max = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - max));
  const total = e.reduce((a, b) => a + b, 0);
  const p = e.map((x) => x / total);
  const value = p.reduce((acc, pi, i) => acc + pi * problem.values[i]!, 0);
  return { probabilities: p, value, gradient: p.map((pi, i) => pi * (problem.values[i]! - value)) };
}
