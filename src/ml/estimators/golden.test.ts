/**
 * Golden numbers of the toy-problem estimators: the gradient of each
 * estimator's surrogate and its forward values on a fixed batch, recorded on
 * main before the estimators moved into src/ml/estimators/ (issue 14). The cpu
 * backend is deterministic, so 1e-5 relative (float32 reassociation) is enough.
 */
import * as tf from '../tfjs';
import { describe, expect, test } from 'vitest';
import { estimatorSurrogate } from './surrogate';
import { seed as asSeed, temperature } from '../types';
import { runOnCpuBackend } from '../testSupport';

runOnCpuBackend();

const logits = [
  [0.2, -0.5, 1.0],
  [1.5, 0.3, -0.7],
  [0, 0, 0],
  [-1, 2, 0.5],
];
/** A nonlinear f: (c·z − 0.45)² + Σ z², so relaxed samples give other values than one-hot ones. */
const f = (z: tf.Tensor) =>
  tf.add(
    tf.square(tf.sub(tf.sum(tf.mul(z, tf.tensor1d([0, 0.5, 1])), -1), 0.45)),
    tf.sum(tf.square(z), -1),
  ) as tf.Tensor1D;

const names = [
  'reinforce',
  'reinforce-baseline',
  'straight-through',
  'gumbel-softmax',
  'st-gumbel-softmax',
] as const;

async function goldenOf(name: (typeof names)[number]) {
  const [grad, value] = tf.tidy(() => {
    let v: tf.Tensor | null = null;
    const g = tf.grad((l: tf.Tensor) => {
      const out = estimatorSurrogate(name, {
        logits: l,
        f,
        temperature: temperature(0.7),
        seed: asSeed(2017),
        baseline: { kind: 'value', value: 0.3 },
      });
      v = tf.keep(out.value);
      return out.surrogate;
    })(tf.tensor2d(logits));
    return [g, v!];
  });
  const out = { grad: Array.from(await grad.data()), value: Array.from(await value.data()) };
  tf.dispose([grad, value]);
  return out;
}

const golden: Record<(typeof names)[number], { grad: number[]; value: number[] }> = {
  reinforce: {
    grad: [
      0.219858, -0.04010771, -0.1797503, 0.08771737, -0.06412654, -0.02359084, -0.08354167,
      0.1670834, -0.08354167, -0.01273603, -0.25581, 0.2685461,
    ],
    value: [1.2025, 1.2025, 1.0025, 1.3025],
  },
  'reinforce-baseline': {
    grad: [
      0.1650078, -0.03010163, -0.1349061, 0.06583361, -0.04812823, -0.01770539, -0.05854167,
      0.1170833, -0.05854167, -0.009802589, -0.1968903, 0.2066929,
    ],
    value: [1.2025, 1.2025, 1.0025, 1.3025],
  },
  'straight-through': {
    grad: [
      0.1384181, -0.01297993, -0.1254382, 0.1328228, -0.09064736, -0.04217547, -0.05972223,
      0.1111111, -0.05138889, -0.009538368, -0.08356367, 0.09310204,
    ],
    value: [1.2025, 1.2025, 1.0025, 1.3025],
  },
  'gumbel-softmax': {
    grad: [
      0.04936576, -0.007261452, -0.04210429, 0.07315657, -0.03870622, -0.03445036, -0.03465389,
      0.08021387, -0.04555999, -0.0001453264, -0.029948, 0.03009345,
    ],
    value: [1.047112, 0.9530398, 0.5968868, 1.212023],
  },
  'st-gumbel-softmax': {
    grad: [
      0.05518194, -0.007849662, -0.04733228, 0.08675614, -0.04622042, -0.04053574, -0.04863452,
      0.1351796, -0.0865451, -0.0001505489, -0.03201512, 0.03216573,
    ],
    value: [1.2025, 1.2025, 1.0025, 1.3025],
  },
};

describe('the toy estimators, golden numbers (recorded before the estimator refactor)', () => {
  for (const name of names)
    test(name, async () => {
      const out = await goldenOf(name);
      const g = golden[name];
      out.grad.forEach((v, i) => expect(v).toBeCloseTo(g.grad[i]!, 5));
      out.value.forEach((v, i) => expect(v).toBeCloseTo(g.value[i]!, 5));
    });
});
