/**
 * DARN, MuProp and slope-annealed ST (Jang et al. 2017, Table 1's columns
 * that the lecture does not teach), beyond the registry test's expected
 * gradients: on Bernoulli variables (K = 2 categoricals) every single
 * estimate equals the paper's binary formula on the binary logit φ = l₁ − l₀,
 * written here from the sample h alone; variance normalization divides the
 * score-function part and nothing else; the slope schedule.
 */
import * as tf from '../tfjs';
import { describe, expect, it } from 'vitest';
import { singleSampleEstimates } from './singleSampleEstimates';
import { estimators, lectureEstimators, paperEstimators, type EstimatorId } from './registry';
import { estimatorSurrogate } from './surrogate';
import { annealedSlope } from './annealedStraightThrough';
import { gumbelAt } from '../noise';
import { seed as asSeed, temperature } from '../types';
import { runOnCpuBackend } from '../testSupport';

runOnCpuBackend();

const ROWS = 400;
const SEED = asSeed(7);
const LOGITS = [0.3, -0.5]; // φ = −0.8, p = σ(φ) ≈ 0.31
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const P = sigmoid(LOGITS[1]! - LOGITS[0]!);

/** A non-quadratic f of h = z₁ (so DARN's trapezoid is not exact): f(h) = (h − 0.45)² + 0.7h³. */
const fOfH = (h: number) => (h - 0.45) ** 2 + 0.7 * h ** 3;
const dfOfH = (h: number) => 2 * (h - 0.45) + 2.1 * h ** 2;
/** The same f on one-hot or mean-field z = (1 − h, h): [B, 2] → [B]. */
const f = (z: tf.Tensor) => {
  const h = tf.squeeze(tf.slice(z, [0, 1], [-1, 1]), [1]);
  return tf.add(tf.square(tf.sub(h, 0.45)), tf.mul(0.7, tf.pow(h, 3)));
};

/** Row r's sample h: 1 when l₁ + g₁ > l₀ + g₀ (the Gumbel-max sample; gumbelNoise is row-major). */
const sampleOfRow = (r: number) =>
  LOGITS[1]! + gumbelAt(SEED, 2 * r + 1) > LOGITS[0]! + gumbelAt(SEED, 2 * r) ? 1 : 0;

async function estimatesOn(id: EstimatorId, slope?: number) {
  return singleSampleEstimates(id, { f }, LOGITS, ROWS, {
    tau: temperature(1),
    seed: SEED,
    baseline: 0,
    ...(slope === undefined ? {} : { slope }),
  });
}

/** Each row's estimate (−g, +g) on (l₀, l₁) against g = formula(h), to float32 precision. */
async function expectBinaryFormula(
  id: EstimatorId,
  formula: (h: number) => number,
  slope?: number,
) {
  const rows = await estimatesOn(id, slope);
  let ones = 0;
  for (let r = 0; r < ROWS; r++) {
    const h = sampleOfRow(r);
    ones += h;
    const g = formula(h);
    // float32 estimates of values of order 1: relative error ~1e-6.
    expect(rows[2 * r + 1]!, `${id}, row ${r}, h = ${h}`).toBeCloseTo(g, 5);
    expect(rows[2 * r]!, `${id}, row ${r}, h = ${h}`).toBeCloseTo(-g, 5);
  }
  // Both outcomes occur, so both branches of the formula were compared.
  expect(ones).toBeGreaterThan(0);
  expect(ones).toBeLessThan(ROWS);
}

describe('on Bernoulli variables (K = 2, binary logit φ = l₁ − l₀)', () => {
  it("DARN is f′(h)·(h − ½)·(h − σ(φ)) (Gregor et al.'s local signal at z̄ = ½)", () =>
    expectBinaryFormula('darn', (h) => dfOfH(h) * (h - 0.5) * (h - P)));

  it('MuProp is [f(h) − f(p) − f′(p)(h − p)]·(h − p) + f′(p)·p(1 − p), p = σ(φ)', () =>
    expectBinaryFormula(
      'muprop',
      (h) => (fOfH(h) - fOfH(P) - dfOfH(P) * (h - P)) * (h - P) + dfOfH(P) * P * (1 - P),
    ));

  it('slope-annealed ST is f′(h)·a·σ′(a·φ), and straight-through at a = 1', async () => {
    const a = 3;
    const phi = LOGITS[1]! - LOGITS[0]!;
    const s = sigmoid(a * phi);
    await expectBinaryFormula('annealed-st', (h) => dfOfH(h) * a * s * (1 - s), a);
    expect(Array.from(await estimatesOn('annealed-st', 1))).toEqual(
      Array.from(await estimatesOn('straight-through')),
    );
  });
});

describe('variance normalization', () => {
  /** One estimate per row [ROWS, 2] at scale s (undefined: off). */
  async function withScale(id: EstimatorId, scale?: number) {
    const grads = tf.tidy(() => {
      const tiled = tf.tile(tf.tensor2d([LOGITS]), [ROWS, 1]);
      const surrogate = (l: tf.Tensor) =>
        estimatorSurrogate(id, {
          logits: l,
          f,
          temperature: temperature(1),
          seed: SEED,
          ...(scale === undefined ? {} : { scale }),
        }).surrogate;
      return tf.mul(tf.grad(surrogate)(tiled), ROWS);
    });
    const values = Array.from(await grads.data());
    grads.dispose();
    return values;
  }

  it("divides the learning signal by the scale, and not MuProp's analytic term", async () => {
    const scale = 2.5;
    // MuProp's analytic term f′(p)·p(1 − p) on (l₀, l₁) = (−, +): it is no learning signal.
    const muPropMean = dfOfH(P) * P * (1 - P);
    const analytic: Partial<Record<EstimatorId, number[]>> = { muprop: [-muPropMean, muPropMean] };
    for (const id of ['reinforce', 'darn', 'muprop'] as const) {
      const off = await withScale(id);
      const on = await withScale(id, scale);
      off.forEach((g, i) => {
        const a = analytic[id]?.[i % 2] ?? 0;
        expect(on[i]!, `${id}, entry ${i}`).toBeCloseTo((g - a) / scale + a, 5);
      });
      // The signal is not constant, so the test would see a missing division.
      expect(off.some((g, i) => Math.abs(g - on[i]!) > 1e-3)).toBe(true);
    }
  });

  it("is offered by the paper's SF, DARN and MuProp (and our REINFORCE + baseline)", () => {
    const inPaper = estimators.filter((e) => e.normalization?.inPaper).map((e) => e.id);
    expect(inPaper).toEqual(['reinforce', 'darn', 'muprop']);
    expect(estimators.filter((e) => e.normalization).map((e) => e.id)).toEqual([
      'reinforce',
      'reinforce-baseline',
      'darn',
      'muprop',
    ]);
  });
});

describe('the paper era', () => {
  it("holds Table 1's three columns the lecture does not teach; the lecture's five stay", () => {
    expect(paperEstimators.map((e) => [e.id, e.paperColumn])).toEqual([
      ['darn', 'DARN'],
      ['muprop', 'MuProp'],
      ['annealed-st', 'Annealed ST'],
    ]);
    expect(lectureEstimators.map((e) => e.id)).toEqual([
      'reinforce',
      'reinforce-baseline',
      'straight-through',
      'gumbel-softmax',
      'st-gumbel-softmax',
    ]);
  });

  it('anneals the slope from 1 to 5 over 2,000 steps (Chung et al.: 1 + 0.04 per epoch, capped at 5)', () => {
    expect([0, 500, 1000, 2000, 10_000].map(annealedSlope)).toEqual([1, 2, 3, 5, 5]);
  });
});
