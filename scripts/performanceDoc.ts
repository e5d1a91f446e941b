/**
 * docs/performance.md from the JSON that `npm run bench` prints: one table
 * per measurement, each cell reading from the first run to the last
 * ("before → after"), with the commit of each run, and the issue's goals
 * checked against the last run. Pure; scripts/perfDoc.ts is the command.
 */

import { at, format, num, type BenchRun, type Json } from './benchJson';
import { goalsSection } from './performanceGoals';

export type { BenchRun };

/** A cell: the value in every run, first to last, "–" where a run lacks it. */
const cell = (values: (number | null)[]) => values.map(format).join(' → ');

interface Row {
  label: string;
  values: (number | null)[][]; // per column, per run
}

/**
 * A Markdown table of the rows any run measured: each cell is the first run
 * that measured the table ("before") → the last ("after"), a single value
 * when only one run did; the commits are named above the table.
 */
function table(runs: BenchRun[], header: string[], rows: Row[]): string {
  const kept = rows.filter((r) => r.values.some((col) => col.some((v) => v !== null)));
  if (kept.length === 0) return '';
  const measured = runs
    .map((_, i) => i)
    .filter((i) => kept.some((r) => r.values.some((col) => col[i] !== null)));
  const shown = measured.length > 1 ? [measured[0]!, measured.at(-1)!] : measured;
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...kept.map(
      (r) =>
        `| ${[r.label, ...r.values.map((col) => cell(shown.map((i) => col[i]!)))].join(' | ')} |`,
    ),
  ];
  const name = (i: number) => `run ${i + 1}, \`${runs[i]!.commit ?? 'unknown'}\``;
  const which =
    shown.length === 2
      ? `Before (${name(shown[0]!)}) → after (${name(shown[1]!)}):`
      : `Measured once (${name(shown[0]!)}):`;
  return `${which}\n\n${lines.join('\n')}\n`;
}

const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;

function raceSection(runs: BenchRun[]): string {
  const rows: Row[] = [];
  for (const dataset of ['digits', 'fashion'])
    for (const backend of BACKENDS)
      rows.push({
        label: `${dataset}, ${backend}`,
        values: ['oneStepsPerSecond', 'fiveStepsPerSecond', 'costRatioFiveToOne'].map((k) =>
          runs.map((r) => num(at(r, 'race', dataset, backend, k))),
        ),
      });
  const t = table(
    runs,
    ['race', 'one estimator (steps/s)', 'five (steps/s)', 'five ÷ one (time)'],
    rows,
  );
  return t && `## The VAE race\n\n\`npm run bench -- race\`: steps per second.\n\n${t}`;
}

function noiseSection(runs: BenchRun[]): string {
  const rows: Row[] = BACKENDS.map((backend) => ({
    label: backend,
    values: ['counterReadback', 'randomUniformReadback', 'counterNoReadback'].map((k) =>
      runs.map((r) => num(at(r, 'noise', backend, '1000000', 'medianMs', k))),
    ),
  }));
  const t = table(
    runs,
    [
      '10⁶ Gumbel samples',
      'ours, read back (ms)',
      'tf.randomUniform, read back (ms)',
      'ours, on the backend (ms)',
    ],
    rows,
  );
  return t && `## Gumbel noise\n\n\`npm run bench -- noise\`: median milliseconds.\n\n${t}`;
}

const SCENARIOS = ['raceDefault', 'raceHeaviest', 'labDefault', 'labHeaviest'] as const;
const PLAY_COLUMNS = [
  ['stepsPerSecond', 'steps/s'],
  ['longestTaskMs', 'longest main-thread task (ms)'],
  ['frameP95Ms', 'frame, 95th percentile (ms)'],
  ['pauseToLastStepMs', 'Pause → last step (ms)'],
] as const;

/** Steps/s as the figures run them (the worker, snapshots, drawing), beside the main thread's health. */
function asRunSection(runs: BenchRun[]): string {
  const rows: Row[] = SCENARIOS.map((name) => {
    const last = runs.map((r) => at(r, 'responsiveness', name)).findLast((x) => x !== undefined);
    const link = last === undefined ? '' : String(at(last as BenchRun, 'link'));
    return {
      label: `${name} \`${link}\``,
      values: PLAY_COLUMNS.map(([k]) => runs.map((r) => num(at(r, 'responsiveness', name, k)))),
    };
  });
  const t = table(runs, ['figure as it runs', ...PLAY_COLUMNS.map(([, l]) => l)], rows);
  return (
    t &&
    `## As the figures run it\n\n\`npm run bench -- responsiveness\`: each training figure plays for 8 s in the production build as a user runs it: the step in the training worker, its snapshots, the chart's drawing. The steps/s are what the figure reaches, at most its speed setting × 60 (the race's default is 5, so 300); the race also evaluates the held-out −ELBO every 100 steps. The main thread's longest task has the goal ≤ 50 ms; the browser reports only tasks over 50 ms, so 0 means none.\n\n${t}`
  );
}

const TASKS = ['sbn-bernoulli', 'sbn-categorical', 'vae-bernoulli', 'vae-categorical'] as const;

/** Table 1's four tasks with the table's estimators stacked, per backend. */
function tasksSection(runs: BenchRun[]): string {
  const heldOut = (r: BenchRun, task: string) => {
    const s = num(
      at(r, 'tasks', task, 'wasmHeldOutSeconds', task.startsWith('sbn') ? 'M1000' : 'elbo'),
    );
    return s === null ? null : Math.round(s * 100) / 100;
  };
  const rows: Row[] = TASKS.map((task) => ({
    label: task,
    values: [
      ...BACKENDS.map((b) => runs.map((r) => num(at(r, 'tasks', task, b)))),
      runs.map((r) => heldOut(r, task)),
    ],
  }));
  const t = table(
    runs,
    ['task', ...BACKENDS.map((b) => `${b} (steps/s)`), 'held-out evaluation, wasm (s)'],
    rows,
  );
  return (
    t &&
    `## Table 1's tasks\n\n\`npm run bench -- tasks\`: steps per second of each task with the table's eight estimators stacked, per backend, and one held-out evaluation on wasm (the SBN's with M = 1,000 samples per image, as a table cell uses).\n\n${t}`
  );
}

const GPU_METRICS = [
  ['drawCalls', 'draw calls'],
  ['textureUploads', 'texture uploads'],
  ['readPixels', 'readPixels'],
  ['bufferReads', 'getBufferSubData'],
  ['shaderCompiles', 'shader compilations'],
] as const;

function gpuSection(runs: BenchRun[]): string {
  const works = new Set<string>();
  for (const r of runs)
    Object.keys((at(r, 'gpu', 'webgl') as Json | undefined) ?? {}).forEach((w) => works.add(w));
  const rows: Row[] = [...works].map((work) => ({
    label: `${work}`,
    values: [
      ...GPU_METRICS.map(([k]) => runs.map((r) => num(at(r, 'gpu', 'webgl', work, 'perUnit', k)))),
      runs.map((r) => num(at(r, 'gpu', 'webgl', work, 'kernels'))),
    ],
  }));
  const t = table(
    runs,
    ['per unit of work (webgl)', ...GPU_METRICS.map(([, l]) => l), 'tfjs kernels'],
    rows,
  );
  if (!t) return '';
  const whats = [...works]
    .map((w) => {
      const what = runs
        .map((r) => at(r, 'gpu', 'webgl', w, 'what'))
        .find((x) => typeof x === 'string');
      return what ? `- \`${w}\`: ${String(what)}` : null;
    })
    .filter(Boolean)
    .join('\n');
  return `## A proxy for a real GPU: WebGL calls\n\n\`npm run bench -- gpu\` wraps the methods of the WebGL 2 context tfjs draws with and counts the calls per unit of work after a warm-up (tests/bench/gpu.ts, src/testing/gpuCounts.ts); the kernels are tf.profile's. Here WebGL is SwiftShader, so its times mean nothing for a GPU; these counts are what a GPU would pay for (a draw call is a kernel launch; an upload or a readback is a trip over the bus).\n\n${t}\n${whats}\n`;
}

const FIGURE_COLUMNS = [
  ['openLinkCold', 'link, cold'],
  ['openLinkWarm', 'link, warm'],
  ['fromTitleCold', 'from the title, cold'],
  ['fromTitleWarm', 'from the title, warm'],
  ['titleLongestTaskColdMs', 'longest task on the title, cold'],
] as const;

function firstFigureSection(runs: BenchRun[]): string {
  const rows: Row[] = [];
  for (const backend of ['auto', ...BACKENDS])
    for (const figure of ['gumbel-max', 'temperature-sweep', 'estimator-lab', 'vae-race'])
      rows.push({
        label: `${figure}, ${backend}`,
        values: FIGURE_COLUMNS.map(([k]) =>
          runs.map((r) => num(at(r, 'firstFigure', backend, figure, k))),
        ),
      });
  const t = table(runs, ['figure, backend', ...FIGURE_COLUMNS.map(([, l]) => `${l} (ms)`)], rows);
  if (!t) return '';
  const what = runs.map((r) => at(r, 'firstFigure', 'what')).findLast((x) => typeof x === 'string');
  return `## Time to the first live figure\n\n\`npm run bench -- firstFigure\` (production build): ${String(what ?? '')}. "auto" is the app's own choice (wasm here). While the title slide shows, the deck starts the training worker, fetches every widget's code and starts tfjs's backend on the page (src/app/usePrefetchCompute.ts), in an idle moment after first paint; the last column is the longest main-thread task after the deck was ready while the title showed (cold).\n\n${t}`;
}

function autoChoiceSection(runs: BenchRun[]): string {
  const rows: Row[] = ['race', 'noise'].map((what) => ({
    label: what,
    values: [runs.map((r) => num(at(r, 'autoChoice', what, 'ratio')))],
  }));
  const t = table(runs, ['auto ÷ fastest backend', 'ratio'], rows);
  if (!t) return '';
  const last = runs.findLast((r) => at(r, 'autoChoice') !== undefined)!;
  const detail = ['race', 'noise']
    .map(
      (w) =>
        `${w}: auto = ${String(at(last, 'autoChoice', 'autoBackend'))}, fastest = ${String(at(last, 'autoChoice', w, 'fastest'))}`,
    )
    .join('; ');
  return `## The automatic backend choice\n\n\`npm run bench -- autoChoice\`: the auto-chosen backend's speed as a ratio of the fastest backend's, same run (race: five-estimator digits steps/s; noise: 1 / ms for 10⁶ samples read back). Last run: ${detail}.\n\n${t}`;
}

function firstLoadSection(runs: BenchRun[]): string {
  const rows: Row[] = [
    {
      label: 'JavaScript before the first slide (gzip bytes)',
      values: [runs.map((r) => num(at(r, 'firstLoad', 'jsGzipBytes')))],
    },
    {
      label: 'deck ready, median (ms)',
      values: [runs.map((r) => num(at(r, 'firstLoad', 'medianMs', 'deckReady')))],
    },
    {
      label: 'first contentful paint, median (ms)',
      values: [runs.map((r) => num(at(r, 'firstLoad', 'medianMs', 'fcp')))],
    },
  ];
  const t = table(runs, ['first load', 'value'], rows);
  return (
    t &&
    `## First load\n\n\`npm run bench -- firstLoad\`: the prefetch must not delay first paint.\n\n${t}`
  );
}

export function performanceDoc(runs: BenchRun[]): string {
  if (runs.length === 0) throw new Error('no bench runs given');
  const list = runs
    .map(
      (r, i) =>
        `${i + 1}. \`${r.commit ?? 'unknown'}\`, ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.machine ? `, ${r.machine.cpus} cores, Node ${r.machine.node}` : ''}`,
    )
    .join('\n');
  const sections = [
    goalsSection(runs),
    raceSection(runs),
    asRunSection(runs),
    tasksSection(runs),
    noiseSection(runs),
    gpuSection(runs),
    firstFigureSection(runs),
    autoChoiceSection(runs),
    firstLoadSection(runs),
  ].filter(Boolean);
  return `# Performance

How fast the lecture's computations run in a browser without a GPU, and what
they would ask of a GPU. Every number comes from \`npm run bench\` (headless
Chromium on the production build; it prints JSON, kept in docs/bench/), and
this page is written from those files by \`npm run perf-doc\`: do not edit it
by hand. To add a run: \`npm run -s bench > docs/bench/<commit>.json && npm run perf-doc\`.

The machine: 2 cores, no GPU (its WebGL is SwiftShader, software, so the app
picks the wasm backend, as it would on a student's laptop without a good GPU),
shared with other work. Timings scatter by tens of percent from run to run
with the machine's load, so compare numbers within one run (one estimator
against five, ours against tf.randomUniform); the WebGL call counts do not
scatter. Each table shows the first run that measured it ("before") → the
last ("after"). The runs, in the order of the commits they measured:

${list}

${sections.join('\n')}`;
}
