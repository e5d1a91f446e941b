import { describe, expect, it } from 'vitest';
import { expectNoLeak, runOnCpuBackend } from '../../ml/testSupport';
import { exact, makeProblem } from '../../ml/toyProblems';
import { LearnedState } from '../../ml/estimators/learnedState';
import { estimatorById } from '../../ml/estimators/registry';
import { LabRun } from './labRun';
import { seed as asSeed, temperature as asTemperature } from '../../ml/types';

runOnCpuBackend();

describe('what the lab teaches, step by step', () => {
  it('straight-through on t = 0.45 drives θ toward t, while exact descent heads for the optimum θ = 0', async () => {
    // ST's expected estimate of dL/dθ is 2(θ − t) (REBAR paper), zero at θ = t. With
    // 16 samples a step and learning rate 1, θ fluctuates around t with a standard
    // deviation near 0.05; the mean of the last 200 of 400 steps has a standard
    // error near 0.01 (autocorrelation included), so ±0.04 is a 4-error band.
    const st = new LabRun({
      problem: makeProblem('rebar', 2),
      tau: asTemperature(1),
      learningRate: 1,
      samples: 16,
      seed: asSeed(1),
      withBaseline: false,
    });
    for (let i = 0; i < 400; i++) await st.advance();
    const stLine = st.lines.find((l) => l.name === 'straight-through')!;
    const tail = stLine.best.slice(-200).map((pZero) => 1 - pZero); // best class is b = 0, so θ = 1 − p₀
    const meanTheta = tail.reduce((a, b) => a + b) / tail.length;
    expect(Math.abs(meanTheta - 0.45)).toBeLessThan(0.04);

    const fast = new LabRun({
      problem: makeProblem('rebar', 2),
      tau: asTemperature(1),
      learningRate: 10,
      samples: 1,
      seed: asSeed(1),
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
      tau: asTemperature(0.5),
      learningRate: 0.5,
      samples: 4,
      seed: asSeed(42),
      withBaseline: true,
    };
    const a = new LabRun(settings);
    const b = new LabRun(settings);
    for (let i = 0; i < 10; i++) {
      await a.advance();
      await b.advance();
    }
    expect(a.fingerprint()).toBe(b.fingerprint());
    const c = new LabRun({ ...settings, seed: asSeed(43) });
    for (let i = 0; i < 10; i++) await c.advance();
    expect(c.fingerprint()).not.toBe(a.fingerprint());
  });

  it('stops a line that goes NaN with a message, and the others go on', async () => {
    const run = new LabRun({
      problem: makeProblem('rebar', 2),
      tau: asTemperature(1),
      learningRate: 0.5,
      samples: 2,
      seed: asSeed(3),
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
      tau: asTemperature(0.5),
      learningRate: 0.1,
      samples: 8,
      seed: asSeed(2),
      withBaseline: true,
    });
    await expectNoLeak(() => run.advance(), 20);
  });
});

describe('a line with learned parameters (REBAR, RELAX)', () => {
  it('trains them each step, probes with them, leaks nothing and frees them with the run', async () => {
    const problem = makeProblem('rebar', 2);
    const run = withLearnedLines(problem);
    const learnedLines = run.lines.filter((l) => l.learned);
    const before = await Promise.all(learnedLines.map((l) => l.learned!.values()));
    await expectNoLeak(() => run.advance(), 3);
    for (let i = 0; i < 200; i++) await run.advance();
    for (const [i, line] of learnedLines.entries()) {
      expect(await line.learned!.values()).not.toEqual(before[i]);
      // Unbiased steps of size 1 on a gradient of 0.025 at θ = 1/2: 200 steps lower E f.
      expect(line.objective.at(-1)!).toBeLessThan(line.objective[0]!);
    }
    await run.measure(true, () => false);
    const names = run.snapshot().probe!.distributions.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['rebar', 'relax']));
    run.dispose();
    // A whole run, made, stepped and disposed, leaves no tensor behind.
    await expectNoLeak(async () => {
      const r = withLearnedLines(problem);
      await r.advance();
      r.dispose();
    }, 2);
  });
});

/** A lab run with REBAR and RELAX lines added (the lecture's lab has none; a run with them selected would). */
function withLearnedLines(problem: ReturnType<typeof makeProblem>): LabRun {
  const run = new LabRun({
    problem,
    tau: asTemperature(0.5),
    learningRate: 1,
    samples: 4,
    seed: asSeed(1),
    withBaseline: false,
  });
  const start = exact(problem, [0, 0]);
  for (const [i, name] of (['rebar', 'relax'] as const).entries())
    run.lines.push({
      name,
      logits: [0, 0],
      objective: [start.value],
      best: [start.probabilities[problem.bestClass]!],
      stopped: null,
      baseline: 0,
      learned: new LearnedState(estimatorById(name), [2], asSeed(i)),
    });
  return run;
}
