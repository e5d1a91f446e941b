/** The Markdown that `npm run paper-table` prints: the paper's Table 1 beside this browser's, then the rankings. */
import type { PaperColumn } from '../../src/ml/estimators/estimator';
import type { EstimatorId } from '../../src/ml/estimators/registry';
import type { TaskId, TaskInfo } from '../../src/ml/tasks';
import type { TableSnapshot } from '../../src/widgets/paper-table/tableJob';
import { starredCells } from '../../src/widgets/paper-table/paperNumbers';

export interface TableReport {
  snapshot: Pick<TableSnapshot, 'cells'>;
  facts: {
    estimators: { id: EstimatorId; label: string; column: PaperColumn | null }[];
    paper: Record<TaskId, Partial<Record<PaperColumn, number>>>;
    tasks: Record<TaskId, TaskInfo>;
  };
  settings: {
    tasks: readonly TaskId[];
    seeds: number;
    steps: number;
    learningRates: readonly number[];
  };
  /** Tasks that did not run, and why. */
  left: { task: TaskId; error: string | null }[];
  backend: string;
  machine: string;
  wallSeconds: number;
}

const fixed = (x: number) => x.toFixed(1);

/** Pairs of columns that the two rankings put in the same strict order, of the pairs the paper orders. */
export function pairsInOrder(paper: readonly number[], ours: readonly number[]) {
  let same = 0;
  let pairs = 0;
  for (let i = 0; i < paper.length; i++)
    for (let j = i + 1; j < paper.length; j++) {
      if (paper[i] === paper[j]) continue;
      pairs++;
      if (Math.sign(paper[i]! - paper[j]!) === Math.sign(ours[i]! - ours[j]!)) same++;
    }
  return { same, pairs };
}

export function tableMarkdown(r: TableReport): string {
  const { settings, facts } = r;
  const { tasks } = facts;
  const grid = settings.learningRates.length > 1;
  const cellOf = (task: TaskId, id: EstimatorId) =>
    r.snapshot.cells.find((c) => c.task === task && c.estimator === id);
  const heads = facts.estimators.map((e) => e.column ?? e.label);
  const out: string[] = [];
  const minutes = (r.wallSeconds / 60).toFixed(1);
  out.push(
    `Held-out NLL (SBN) or −ELBO (VAE, one-hot samples), nats per image, lower is better. ` +
      `Paper: 28×28 MNIST, SGD with momentum, learning rate chosen per estimator. ` +
      `Browser: 8×8 digits (297 held-out images), Adam, ${settings.steps} steps, ` +
      `${settings.seeds} seeds (mean ± sd over seeds), learning rate ${grid ? `chosen per estimator from {${settings.learningRates.join(', ')}} on the held-out images` : settings.learningRates[0]}, ` +
      `${r.backend} backend; ${r.machine}; wall time ${minutes} min.`,
    '',
    `| Task | | ${heads.join(' | ')} |`,
    `|---|---|${heads.map(() => '---|').join('')}`,
  );
  for (const task of settings.tasks) {
    const paper = facts.estimators.map((e) => {
      const v = e.column ? facts.paper[task][e.column] : undefined;
      if (v === undefined) return '—';
      const star = starredCells.some((s) => s.task === task && s.column === e.column);
      return `${fixed(v)}${star ? '*' : ''}`;
    });
    const ours = facts.estimators.map((e) => {
      const c = cellOf(task, e.id);
      if (!c) return 'n/a';
      const value =
        c.mean === null
          ? 'stopped'
          : `${fixed(c.mean)}${c.spread === null ? '' : ` ± ${fixed(c.spread)}`}`;
      const notes = [
        ...(c.stopped > 0 ? [`${c.stopped} of ${c.seeds} stopped`] : []),
        ...(grid ? [`lr ${c.learningRate}`] : []),
      ];
      return notes.length ? `${value} (${notes.join(', ')})` : value;
    });
    const { label, objective } = tasks[task];
    out.push(`| ${label} (${objective}) | paper | ${paper.join(' | ')} |`);
    out.push(`| | browser | ${ours.join(' | ')} |`);
  }
  out.push(
    '',
    '\\* The paper’s two ST Gumbel-Softmax VAE cells repeat its annealed-ST values; its Fig. 4 curves end near 111.1 and 103.2.',
    '',
    '† Ours, not in the paper: REINFORCE with a moving-average baseline.',
  );
  for (const l of r.left) out.push('', `Not run: ${l.error ?? tasks[l.task].label}`);
  out.push('', 'Ranking per row (best first), over the columns both have:', '');
  for (const task of settings.tasks) {
    const both = facts.estimators.flatMap((e, i) => {
      const p = e.column ? facts.paper[task][e.column] : undefined;
      const mean = cellOf(task, e.id)?.mean;
      return p === undefined || mean == null ? [] : [{ head: heads[i]!, p, mean }];
    });
    const order = (key: 'p' | 'mean') =>
      [...both]
        .sort((a, b) => a[key] - b[key])
        .map((x) => x.head)
        .join(' < ');
    const { same, pairs } = pairsInOrder(
      both.map((x) => x.p),
      both.map((x) => x.mean),
    );
    out.push(
      `- ${tasks[task].label}: paper ${order('p')}; browser ${order('mean')} (${same} of ${pairs} pairs in the paper’s order)`,
    );
  }
  return `${out.join('\n')}\n`;
}
