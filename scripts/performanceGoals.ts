/** The issue's goals (issue 16), checked against bench runs for docs/performance.md. */
import { at, format, num, type BenchRun } from './benchJson';

/** Draw calls per race step that the issue counted before the work ("about 434"); the goal is half. */
const ISSUE_DRAWS = 434;

/** The issue's goals, checked against the last run that measured each. */
export function goalsSection(runs: BenchRun[]): string {
  const last = (...path: string[]) => {
    for (let i = runs.length - 1; i >= 0; i--) {
      const v = num(at(runs[i], ...path));
      if (v !== null) return v;
    }
    return null;
  };
  const first = (...path: string[]) =>
    runs.map((r) => num(at(r, ...path))).find((v) => v !== null) ?? null;
  const auto = String(
    runs.map((r) => at(r, 'autoChoice', 'autoBackend')).findLast(Boolean) ?? 'wasm',
  );
  const drawsBefore = first('gpu', 'webgl', 'race-step', 'perUnit', 'drawCalls');
  const figures = ['gumbel-max', 'temperature-sweep', 'estimator-lab', 'vae-race'];
  const slowest = figures
    .map((f) => last('firstFigure', 'auto', f, 'fromTitleWarm'))
    .filter((v): v is number => v !== null);
  const goals: [string, number | null, (v: number) => boolean][] = [
    [
      `digits race, five estimators, ${auto} (steps/s) ≥ 90`,
      last('race', 'digits', auto, 'fiveStepsPerSecond'),
      (v) => v >= 90,
    ],
    [
      `Fashion race, five estimators, ${auto} (steps/s) ≥ 27 (3 × 9)`,
      last('race', 'fashion', auto, 'fiveStepsPerSecond'),
      (v) => v >= 27,
    ],
    [
      `10⁶ Gumbel samples read back, ${auto} (ms) ≤ 15`,
      last('noise', auto, '1000000', 'medianMs', 'counterReadback'),
      (v) => v <= 15,
    ],
    [
      `WebGL draw calls per race step ≤ 217 (half the 434 counted before this work; our own first count: ${drawsBefore === null ? '?' : format(drawsBefore)})`,
      last('gpu', 'webgl', 'race-step', 'perUnit', 'drawCalls'),
      (v) => v <= ISSUE_DRAWS / 2,
    ],
    [
      'texture uploads per race step: a handful (≤ 5)',
      last('gpu', 'webgl', 'race-step', 'perUnit', 'textureUploads'),
      (v) => v <= 5,
    ],
    [
      'shader compilations per race step after warm-up = 0',
      last('gpu', 'webgl', 'race-step', 'perUnit', 'shaderCompiles'),
      (v) => v === 0,
    ],
    [
      'slowest first figure from the title slide, warm, auto (ms) ≤ 300',
      slowest.length ? Math.max(...slowest) : null,
      (v) => v <= 300,
    ],
    ['auto ÷ fastest backend, race ≥ 0.9', last('autoChoice', 'race', 'ratio'), (v) => v >= 0.9],
    ['auto ÷ fastest backend, noise ≥ 0.9', last('autoChoice', 'noise', 'ratio'), (v) => v >= 0.9],
  ];
  const lines = goals.map(
    ([goal, v, ok]) =>
      `| ${goal} | ${format(v)} | ${v === null ? 'not measured' : ok(v) ? 'met' : 'not yet'} |`,
  );
  return `## Goals of the speed work (issue 16), against the last run that measured each\n\nThe targets: the race and the noise as fast as PyTorch on one core of this machine (the default race about 90 steps/s; 10⁶ Gumbel samples in about 11 ms), Fashion-MNIST's race 3× as fast as before, a GPU's work per race step halved, the first live figure within 300 ms of reaching its slide, and the automatic backend choice within 10% of the fastest backend.\n\n| goal | latest | |\n| --- | ---: | --- |\n${lines.join('\n')}\n`;
}
