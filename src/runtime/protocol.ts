/**
 * The messages between the page and the training worker, and their checks:
 * a message from the other side is data, validated before it is acted on.
 */
import type { BackendInfo } from '../ml/backend';
import { parseBackendName, type BackendName } from '../ml/backendPlan';

/**
 * One live run per kind. 'table' is the whole Table 1 job; 'task' is the
 * results slide's single-task view (the same TableJob with one task and one
 * seed), a kind of its own so that opening it does not drop a whole-table job.
 */
export type RunKind = 'race' | 'lab' | 'table' | 'task';
export const runKinds: readonly RunKind[] = ['race', 'lab', 'table', 'task'];

/** Page → worker. */
export type Command =
  | { type: 'init'; backend: BackendName | null }
  /** Creates the run `key` of `kind` unless it lives (one run per kind; another of that kind is dropped). */
  | { type: 'open'; kind: RunKind; key: string; params: unknown }
  /** Plays at `stepsPerSecond`, or pauses. */
  | { type: 'play'; key: string; playing: boolean; stepsPerSecond: number }
  | { type: 'step'; key: string }
  /** The view has drawn the last snapshot of `key`. */
  | { type: 'ack'; key: string }
  | { type: 'fault'; key: string; line: string }
  | { type: 'close'; key: string }
  | { type: 'memory'; id: number };

/** Worker → page. */
export type Report =
  | { type: 'backend'; info: BackendInfo }
  | { type: 'backend-failed'; error: string }
  | { type: 'snapshot'; key: string; playing: boolean; snapshot: unknown }
  | { type: 'error'; key: string | null; message: string }
  | { type: 'memory'; id: number; numTensors: number; numBytes: number };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isKey = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length < 500;

/** The command in `data`, or a sentence saying why it is not one. */
export function parseCommand(data: unknown): Command | string {
  if (!isRecord(data) || typeof data.type !== 'string')
    return 'A command must be an object with a type.';
  const { type } = data;
  switch (type) {
    case 'init': {
      const backend = data.backend === null ? null : parseBackendName(String(data.backend));
      if (data.backend !== null && backend === null)
        return `“${String(data.backend)}” is not a backend.`;
      return { type, backend };
    }
    case 'open':
      if (!runKinds.includes(data.kind as RunKind))
        return `“${String(data.kind)}” is not a kind of run.`;
      if (!isKey(data.key)) return 'A run needs a key.';
      return { type, kind: data.kind as RunKind, key: data.key, params: data.params };
    case 'play': {
      if (!isKey(data.key)) return 'A run needs a key.';
      const rate = data.stepsPerSecond;
      if (typeof data.playing !== 'boolean') return 'play needs playing: true or false.';
      if (typeof rate !== 'number' || !(rate > 0) || rate > 1e6)
        return 'play needs a speed above 0 steps per second.';
      return { type, key: data.key, playing: data.playing, stepsPerSecond: rate };
    }
    case 'step':
    case 'ack':
    case 'close':
      if (!isKey(data.key)) return 'A run needs a key.';
      return { type, key: data.key };
    case 'fault':
      if (!isKey(data.key) || typeof data.line !== 'string') return 'fault needs a key and a line.';
      return { type, key: data.key, line: data.line };
    case 'memory':
      if (typeof data.id !== 'number') return 'memory needs an id.';
      return { type, id: data.id };
    default:
      return `“${type.slice(0, 20)}” is not a command.`;
  }
}

/** The report in `data`, or a sentence saying why it is not one (the page checks too). */
export function parseReport(data: unknown): Report | string {
  if (!isRecord(data) || typeof data.type !== 'string')
    return 'A report must be an object with a type.';
  switch (data.type) {
    case 'backend':
      return isRecord(data.info) && typeof data.info.name === 'string'
        ? (data as Report)
        : 'A backend report needs its info.';
    case 'backend-failed':
      return typeof data.error === 'string' ? (data as Report) : 'backend-failed needs an error.';
    case 'snapshot':
      return isKey(data.key) && typeof data.playing === 'boolean' && isRecord(data.snapshot)
        ? (data as Report)
        : 'A snapshot needs a key, playing and the snapshot.';
    case 'error':
      return typeof data.message === 'string' && (data.key === null || isKey(data.key))
        ? (data as Report)
        : 'An error needs a message.';
    case 'memory':
      return typeof data.id === 'number' && typeof data.numTensors === 'number'
        ? (data as Report)
        : 'A memory report needs numbers.';
    default:
      return `“${data.type.slice(0, 20)}” is not a report.`;
  }
}
