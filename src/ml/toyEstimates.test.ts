import { describe, expect, it } from 'vitest';
import { runOnCpuBackend, expectNoLeak } from './testSupport';
import { exact, makeProblem } from './toyProblems';
import { moments, singleSampleEstimates, stepEstimates, trainLearned } from './toyEstimates';
import { LearnedState } from './estimators/learnedState';
import { estimatorById } from './estimators/registry';
import { seed as asSeed, temperature as asTemperature } from './types';

runOnCpuBackend();
const M = 20_000;

describe('the toy problems', () => {
  it('have the closed-form REBAR gradient: dL/dθ = 1 − 2t, so ∂E/∂l₁ = θ(1−θ)(1 − 2t)', () => {
    const problem = makeProblem('rebar', 2);
    const theta = 0.3;
    const e = exact(problem, [0, Math.log(theta / (1 - theta))]);
    expect(e.value).toBeCloseTo(theta * 0.55 ** 2 + (1 - theta) * 0.45 ** 2, 12);
    expect(e.gradient[1]).toBeCloseTo(theta * (1 - theta) * 0.1, 12);
    expect(makeProblem('relax', 7).k).toBe(2);
    expect(makeProblem('categorical', 5).bestClass).toBe(2); // c = 0.5 is closest to t = 0.45
  });
});

describe('what the lab teaches', () => {
  it('REINFORCE: the mean of many single-sample estimates is within 4 standard errors of the exact gradient', async () => {
    const problem = makeProblem('categorical', 4);
    const logits = [0.2, -0.3, 0.1, 0.4];
    const est = await singleSampleEstimates('reinforce', problem, logits, M, {
      tau: asTemperature(1),
      seed: asSeed(9),
      baseline: 0,
    });
    const exactGradient = exact(problem, logits).gradient;
    for (let i = 0; i < 4; i++) {
      const column = Array.from({ length: M }, (_, r) => est[r * 4 + i]!);
      const mean = column.reduce((a, b) => a + b) / M;
      const sd = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / (M - 1));
      expect(Math.abs(mean - exactGradient[i]!)).toBeLessThan((4 * sd) / Math.sqrt(M));
    }
  });

  it('Gumbel-Softmax: the bias falls as τ falls while the spread rises (τ = 1, 0.3, 0.1)', async () => {
    for (const [preset, logits] of [
      ['rebar', [0, Math.log(0.3 / 0.7)]],
      ['categorical', [0.2, -0.3, 0.1, 0.4]],
    ] as const) {
      const problem = makeProblem(preset, 4);
      const exactGradient = exact(problem, logits).gradient;
      const stats = [];
      for (const tau of [0.1, 0.3, 1]) {
        const est = await singleSampleEstimates('gumbel-softmax', problem, logits, M, {
          tau: asTemperature(tau),
          seed: asSeed(5),
          baseline: 0,
        });
        stats.push(moments(est, exactGradient));
      }
      for (let i = 1; i < stats.length; i++) {
        // The bias is the norm of a mean of M estimates: its standard error is
        // about sd/√M; successive values must differ by 4 combined errors.
        const se = Math.hypot(stats[i]!.sd, stats[i - 1]!.sd) / Math.sqrt(M);
        expect(stats[i]!.bias - stats[i - 1]!.bias, `${preset} bias`).toBeGreaterThan(4 * se);
        expect(stats[i]!.sd, `${preset} sd`).toBeLessThan(stats[i - 1]!.sd);
      }
    }
  });
});

describe('one training step', () => {
  it('with learned parameters (REBAR, RELAX) trains them and leaks no tensors', async () => {
    const problem = makeProblem('rebar', 2);
    for (const name of ['rebar', 'relax'] as const) {
      const learned = new LearnedState(estimatorById(name), [2], asSeed(1));
      const request = { name, logits: [0, -0.5], baseline: 0, learned };
      const before = await learned.values();
      await expectNoLeak(async () => {
        await stepEstimates([request], problem, 4, asTemperature(0.5), asSeed(1));
        trainLearned([request], problem, 4, asTemperature(0.5), asSeed(1));
      });
      expect(await learned.values()).not.toEqual(before);
      learned.dispose();
    }
  });

  it('leaks no tensors', async () => {
    await expectNoLeak(() =>
      stepEstimates(
        [{ name: 'reinforce', logits: [0, 0, 0, 0, 0], baseline: 0 }],
        makeProblem('linear', 5),
        4,
        asTemperature(1),
        asSeed(1),
      ),
    );
  });

  it('batches a step exactly as separate estimates would compute it', async () => {
    const problem = makeProblem('categorical', 3);
    const request = { name: 'reinforce-baseline' as const, logits: [0, 0, 0], baseline: 0.2 };
    const together = await stepEstimates(
      [{ name: 'straight-through', logits: [0.3, -0.1, 0.2], baseline: 0 }, request],
      problem,
      4,
      asTemperature(0.5),
      asSeed(9),
    );
    const alone = await stepEstimates([request], problem, 4, asTemperature(0.5), asSeed(9));
    expect(together[1]).toEqual(alone[0]);
    expect(together[0]!.gradient).toHaveLength(3);
  });
});
