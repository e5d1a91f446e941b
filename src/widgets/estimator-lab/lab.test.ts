import { describe, expect, it } from 'vitest';
import { runOnCpuBackend, expectNoLeak } from '../../ml/testSupport';
import { exact, makeProblem } from './problems';
import { moments, singleSampleEstimates, stepEstimates } from './lab';
import { LabRun } from './labRun';

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
      tau: 1,
      seed: 9,
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
          tau,
          seed: 5,
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

  it('straight-through on t = 0.45 drives θ toward t, while exact descent heads for the optimum θ = 0', async () => {
    // ST's expected estimate of dL/dθ is 2(θ − t) (REBAR paper), zero at θ = t. With
    // 16 samples a step and learning rate 1, θ fluctuates around t with a standard
    // deviation near 0.05; the mean of the last 200 of 400 steps has a standard
    // error near 0.01 (autocorrelation included), so ±0.04 is a 4-error band.
    const st = new LabRun({
      problem: makeProblem('rebar', 2),
      tau: 1,
      learningRate: 1,
      samples: 16,
      seed: 1,
      withBaseline: false,
    });
    for (let i = 0; i < 400; i++) await st.advance();
    const stLine = st.lines.find((l) => l.name === 'straight-through')!;
    const tail = stLine.best.slice(-200).map((pZero) => 1 - pZero); // best class is b = 0, so θ = 1 − p₀
    const meanTheta = tail.reduce((a, b) => a + b) / tail.length;
    expect(Math.abs(meanTheta - 0.45)).toBeLessThan(0.04);

    const fast = new LabRun({
      problem: makeProblem('rebar', 2),
      tau: 1,
      learningRate: 10,
      samples: 1,
      seed: 1,
      withBaseline: false,
    });
    for (let i = 0; i < 200; i++) await fast.advance();
    const exactLine = fast.lines.find((l) => l.name === 'exact')!;
    expect(1 - exactLine.best.at(-1)!).toBeLessThan(0.02);
    expect(exactLine.objective.at(-1)).toBeLessThan(exactLine.objective[0]!);
  });
});

describe('the training run', () => {
  it('gives every estimator the same noise: the same seed reproduces the run exactly', async () => {
    const settings = {
      problem: makeProblem('categorical', 3),
      tau: 0.5,
      learningRate: 0.5,
      samples: 4,
      seed: 42,
      withBaseline: true,
    };
    const a = new LabRun(settings);
    const b = new LabRun(settings);
    for (let i = 0; i < 10; i++) {
      await a.advance();
      await b.advance();
    }
    expect(a.fingerprint()).toBe(b.fingerprint());
    const c = new LabRun({ ...settings, seed: 43 });
    for (let i = 0; i < 10; i++) await c.advance();
    expect(c.fingerprint()).not.toBe(a.fingerprint());
  });

  it('stops a line that goes NaN with a message, and the others go on', async () => {
    const run = new LabRun({
      problem: makeProblem('rebar', 2),
      tau: 1,
      learningRate: 0.5,
      samples: 2,
      seed: 3,
      withBaseline: true,
    });
    await run.advance();
    run.injectFault('straight-through');
    await run.advance();
    await run.advance();
    const st = run.lines.find((l) => l.name === 'straight-through')!;
    expect(st.stopped).toMatch(/not a finite number/);
    for (const line of run.lines.filter((l) => l.name !== 'straight-through')) {
      expect(line.stopped).toBeNull();
      expect(line.objective).toHaveLength(4);
    }
  });

  it('leaks no tensors, step after step', async () => {
    const run = new LabRun({
      problem: makeProblem('linear', 5),
      tau: 0.5,
      learningRate: 0.1,
      samples: 8,
      seed: 2,
      withBaseline: true,
    });
    await expectNoLeak(() => run.advance(), 20);
    await expectNoLeak(() =>
      stepEstimates(
        [{ name: 'reinforce', logits: [0, 0, 0, 0, 0], baseline: 0 }],
        makeProblem('linear', 5),
        4,
        1,
        1,
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
      0.5,
      9,
    );
    const alone = await stepEstimates([request], problem, 4, 0.5, 9);
    expect(together[1]).toEqual(alone[0]);
    expect(together[0]!.gradient).toHaveLength(3);
  });
});
