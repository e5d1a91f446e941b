/** The quadrature of the registry test checked against expectations known in closed form. */
import { describe, expect, it } from 'vitest';
import { expectationOverGumbel, softmax } from './gumbelQuadrature';

describe('expectationOverGumbel', () => {
  for (const logits of [
    [0.2, -0.4],
    [0.2, -0.5, 1.0],
    [3, -2, 0.5],
  ]) {
    it(`integrates the noise density to 1 and gives the Gumbel-max probabilities, logits ${logits}`, () => {
      const k = logits.length;
      const mass = expectationOverGumbel(logits, () => new Array<number>(k).fill(1));
      for (const v of mass.gradient) expect(Math.abs(v - 1)).toBeLessThan(1e-9);
      // P(argmax(l + g) = i) = softmax(l)_i (the Gumbel-max trick).
      const winners = expectationOverGumbel(logits, (_, w) =>
        Array.from({ length: k }, (_, i) => (i === w ? 1 : 0)),
      );
      const p = softmax(logits, 1);
      winners.gradient.forEach((v, i) => expect(Math.abs(v - p[i]!)).toBeLessThan(1e-9));
      expect(winners.error).toBeLessThan(1e-6);
    });
  }

  it('gives E[g_1 − g_0] = 0 and E[(g_1 − g_0)²] = π²/3 (the logistic distribution)', () => {
    const moments = expectationOverGumbel([0.7, -0.1], (x) => {
      const d = x[1]! - x[0]! + 0.8; // d = g_1 − g_0 (x = l + g up to a shift)
      return [d, d * d];
    });
    expect(Math.abs(moments.gradient[0]!)).toBeLessThan(1e-9);
    expect(Math.abs(moments.gradient[1]! - Math.PI ** 2 / 3)).toBeLessThan(1e-8);
  });
});
