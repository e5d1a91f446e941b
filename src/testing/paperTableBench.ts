/**
 * The table job and the tasks' stacked runs measured inside the page, for
 * `npm run paper-table` and `npm run bench`: the whole Table 1 with the same
 * TableJob the results slide runs in its worker, driven from outside in
 * stretches so that progress can be printed, and steps per second per task.
 */
import { createTaskRace, taskIds, tasks, type TaskId } from '../ml/tasks';
import { estimatorById, type EstimatorId } from '../ml/estimators/registry';
import { seed as asSeed } from '../ml/types';
import { datasets } from '../widgets/shared/datasets';
import { loadImageSet } from '../widgets/shared/loadDataset';
import {
  TABLE_ESTIMATORS,
  TABLE_SCHEDULE,
  TableJob,
  WHOLE_TABLE,
  type TableJobSettings,
  type TableSnapshot,
} from '../widgets/paper-table/tableJob';
import {
  CELL_NLL_SAMPLES,
  CURVE_NLL_SAMPLES,
  modelFor,
} from '../widgets/paper-table/tableSettings';
import { appliesTo } from '../widgets/shared/estimatorChoice';
import { paperTable1 } from '../widgets/paper-table/paperNumbers';

const loadDigits = () =>
  loadImageSet(`${import.meta.env.BASE_URL}${datasets.digits.file}`, () => {});

/** The table's estimators with their paper column, the paper's numbers, the tasks and the whole table's defaults. */
export const paperTableFacts = () => ({
  estimators: TABLE_ESTIMATORS.map((id) => ({
    id,
    label: estimatorById(id).label,
    column: estimatorById(id).paperColumn ?? null,
  })),
  paper: paperTable1,
  tasks,
  wholeTable: WHOLE_TABLE,
});

/** The tasks that run on this build, and why the others do not (e.g. a task still to come). */
export async function runnableTasks(): Promise<{ task: TaskId; error: string | null }[]> {
  const data = await loadDigits();
  return taskIds.map((task) => {
    try {
      createTaskRace(taskConfig(task, ['gumbel-softmax']), data).dispose();
      return { task, error: null };
    } catch (e) {
      return { task, error: e instanceof Error ? e.message : String(e) };
    }
  });
}

function taskConfig(task: TaskId, lines: readonly EstimatorId[]) {
  return {
    task,
    lines,
    pixels: 64,
    ...modelFor(64),
    learningRate: 3e-3,
    seed: asSeed(1),
    schedule: TABLE_SCHEDULE,
  };
}

let job: TableJob | null = null;

/** Opens a table job on the 8×8 digits (the settings as plain data: the seed is a number). */
export async function paperTableOpen(
  settings: Omit<TableJobSettings, 'seed'> & { seed: number },
): Promise<void> {
  job?.dispose();
  job = new TableJob(
    'paper-table',
    { ...settings, seed: asSeed(settings.seed) },
    await loadDigits(),
  );
}

/** Up to `steps` more steps; returns the snapshot's progress, what runs now and the speed. */
export async function paperTableAdvance(steps: number) {
  if (!job) throw new Error('paperTableOpen first');
  await job.trainSteps(steps);
  const { progress, current, stepsPerSecond, finished } = job.snapshot();
  return { progress, current, stepsPerSecond, finished };
}

export function paperTableSnapshot(): TableSnapshot {
  if (!job) throw new Error('paperTableOpen first');
  return job.snapshot();
}

export function paperTableClose(): void {
  job?.dispose();
  job = null;
}

/**
 * Steps per second of `task` with the table's estimators stacked (those that
 * apply to its K), over `steps` steps read back every `perRead` as the
 * widget's worker does, after a warm-up.
 */
export async function taskStepsPerSecond(task: TaskId, steps: number, perRead = 10) {
  const data = await loadDigits();
  const lines = TABLE_ESTIMATORS.filter((e) => appliesTo(e, tasks[task].classes));
  const race = createTaskRace(taskConfig(task, lines), data);
  let stage = 'warm-up';
  try {
    await race.trainSteps(2 * perRead);
    stage = 'training';
    const start = performance.now();
    for (let done = 0; done < steps; done += perRead) await race.trainSteps(perRead);
    const stepsPerSecond = (steps * 1000) / (performance.now() - start);
    // One held-out evaluation as the table job makes them: SBN at the curve's M and the cells' M.
    const heldOutSeconds: Record<string, number> = {};
    for (const samples of tasks[task].objective === 'NLL'
      ? [CURVE_NLL_SAMPLES, CELL_NLL_SAMPLES]
      : [0]) {
      stage = `held-out ${samples || 'ELBO'}`;
      const t0 = performance.now();
      await race.heldOut(samples || undefined);
      heldOutSeconds[samples ? `M${samples}` : 'elbo'] = (performance.now() - t0) / 1000;
    }
    return { lines: lines.length, stepsPerSecond, heldOutSeconds };
  } catch (e) {
    throw new Error(`${task}, ${stage}: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  } finally {
    race.dispose();
  }
}
