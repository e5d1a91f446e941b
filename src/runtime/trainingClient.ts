/**
 * The page's side of the training worker: one worker for the page, started
 * on first use. It forwards commands, keeps the latest snapshot of each run
 * as plain data (readable synchronously, e.g. by tests), and hands snapshots
 * to the views at most once per animation frame, acknowledging each, so the
 * worker never posts faster than the page draws.
 */
import type { BackendInfo } from '../ml/backend';
import type { BackendName } from '../ml/backendPlan';
import { parseReport, type Command, type Report, type RunKind } from './protocol';

export type WorkerBackendStatus =
  { state: 'loading' } | { state: 'ready'; info: BackendInfo } | { state: 'failed'; error: string };

export interface RunState<Snapshot = unknown> {
  snapshot: Snapshot | null;
  /** Whether the worker reported the run playing in its latest snapshot. */
  playing: boolean;
  /** Why the run stopped with an error, if it did. */
  error: string | null;
}

const EMPTY: RunState = { snapshot: null, playing: false, error: null };

export class TrainingClient {
  private worker: Worker | null = null;
  private backendStatus: WorkerBackendStatus = { state: 'loading' };
  private readonly backendListeners = new Set<() => void>();
  private readonly states = new Map<string, RunState>();
  private readonly listeners = new Map<string, Set<() => void>>();
  /** The run of each kind that the worker holds (it keeps one per kind). */
  private readonly opened = new Map<RunKind, string>();
  /** Whether each run was playing when its view last went away. */
  private readonly wantsPlay = new Map<string, boolean>();
  private readonly arrived = new Set<string>();
  private frame = 0;
  private nextMemoryId = 1;
  private readonly memoryRequests = new Map<
    number,
    (m: { numTensors: number; numBytes: number }) => void
  >();

  constructor(
    private readonly makeWorker: () => Worker,
    private readonly forcedBackend: BackendName | null,
  ) {}

  private send(command: Command): void {
    if (this.backendStatus.state === 'failed' && !this.worker) return;
    if (!this.worker) {
      try {
        this.worker = this.makeWorker();
      } catch (error) {
        // E.g. a browser without module workers: the figures say so instead of computing.
        return this.setBackend({ state: 'failed', error: `no training worker (${String(error)})` });
      }
      this.worker.onmessage = (event: MessageEvent) => this.receive(event.data);
      this.worker.onerror = (event) => {
        this.setBackend({ state: 'failed', error: event.message || 'the training worker failed' });
      };
      this.worker.postMessage({ type: 'init', backend: this.forcedBackend } satisfies Command);
    }
    this.worker.postMessage(command);
  }

  /** Starts the worker (and its backend) if it is not running. */
  start(): void {
    if (!this.worker) this.send({ type: 'init', backend: this.forcedBackend });
  }

  backend(): WorkerBackendStatus {
    return this.backendStatus;
  }

  subscribeBackend(listener: () => void): () => void {
    this.backendListeners.add(listener);
    return () => this.backendListeners.delete(listener);
  }

  private setBackend(status: WorkerBackendStatus): void {
    this.backendStatus = status;
    this.backendListeners.forEach((l) => l());
  }

  /** Creates the run `key` in the worker unless it is there already. `params` is called only if needed. */
  open(kind: RunKind, key: string, params: () => unknown): void {
    if (this.opened.get(kind) === key) return;
    const previous = this.opened.get(kind);
    if (previous !== undefined) this.forget(previous);
    this.opened.set(kind, key);
    this.send({ type: 'open', kind, key, params: params() });
  }

  /** Drops the run `key` (Reset): the next open() creates it anew. The view shows no run at once. */
  close(kind: RunKind, key: string): void {
    if (this.opened.get(kind) === key) this.opened.delete(kind);
    this.forget(key);
    this.send({ type: 'close', key });
  }

  private forget(key: string): void {
    this.states.delete(key);
    this.wantsPlay.delete(key);
    this.notify(key);
  }

  play(key: string, playing: boolean, stepsPerSecond: number): void {
    this.send({ type: 'play', key, playing, stepsPerSecond });
  }

  step(key: string): void {
    this.send({ type: 'step', key });
  }

  injectFault(key: string, line: string): void {
    this.send({ type: 'fault', key, line });
  }

  rememberPlaying(key: string, playing: boolean): void {
    this.wantsPlay.set(key, playing);
  }

  wasPlaying(key: string): boolean {
    return this.wantsPlay.get(key) ?? false;
  }

  /** The worker's tf.memory(), for leak tests. */
  memory(): Promise<{ numTensors: number; numBytes: number }> {
    const id = this.nextMemoryId++;
    return new Promise((resolve) => {
      this.memoryRequests.set(id, resolve);
      this.send({ type: 'memory', id });
    });
  }

  state<Snapshot>(key: string | null): RunState<Snapshot> {
    return ((key !== null && this.states.get(key)) || EMPTY) as RunState<Snapshot>;
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private notify(key: string): void {
    this.listeners.get(key)?.forEach((l) => l());
  }

  private receive(data: unknown): void {
    const report = parseReport(data);
    if (typeof report === 'string') return console.error(`Training worker: ${report}`);
    this.apply(report);
  }

  private apply(report: Report): void {
    switch (report.type) {
      case 'backend':
        return this.setBackend({ state: 'ready', info: report.info });
      case 'backend-failed':
        return this.setBackend({ state: 'failed', error: report.error });
      case 'memory':
        this.memoryRequests.get(report.id)?.(report);
        this.memoryRequests.delete(report.id);
        return;
      case 'error':
        if (report.key === null) return console.error(`Training worker: ${report.message}`);
        this.states.set(report.key, { ...this.state(report.key), error: report.message });
        this.notify(report.key);
        return;
      case 'snapshot':
        // Snapshots of a run that was closed meanwhile are late news; drop them.
        if (![...this.opened.values()].includes(report.key)) return;
        this.states.set(report.key, {
          snapshot: report.snapshot,
          playing: report.playing,
          error: this.state(report.key).error,
        });
        this.arrived.add(report.key);
        this.frame ||= requestAnimationFrame(() => this.deliver());
        return;
    }
  }

  /** Once a frame: the views take the latest snapshots, and the worker hears they were taken. */
  private deliver(): void {
    this.frame = 0;
    const keys = [...this.arrived];
    this.arrived.clear();
    for (const key of keys) {
      this.notify(key);
      this.send({ type: 'ack', key });
    }
  }
}
