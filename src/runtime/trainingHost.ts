/**
 * The training worker's logic, without the worker: live runs keyed by their
 * settings (one per kind, so leaving a slide and coming back finds the run
 * where it stopped), each driven by one chain of work so that its steps,
 * measurements and commands never overlap. Playing trains in slices of about
 * a frame at the asked speed; between a step's gradients and their
 * application it yields to the message queue, so a Pause that arrives
 * meanwhile throws the gradients away.
 */
import type { Command, Report, RunKind } from './protocol';
import { SLICE_MS, SnapshotGate, StepPacer } from './pacing';
import { advanceWithin, type RunFactory, type TrainingRun } from './trainingRun';

interface Entry {
  key: string;
  kind: RunKind;
  run: TrainingRun<unknown>;
  playing: boolean;
  stepsPerSecond: number;
  /** Bumped by every command to this run: long measurements give way to it. */
  commands: number;
  closed: boolean;
  gate: SnapshotGate;
  /** The run's chain of work. */
  work: Promise<void>;
  looping: boolean;
  /** Changes to make between two steps of the playing loop (which holds the chain meanwhile). */
  betweenSteps: (() => void)[];
}

export interface HostOptions {
  post: (report: Report) => void;
  kinds: Record<RunKind, RunFactory<never, unknown>>;
  /** Resolves when a backend is ready; runs are created after it. */
  ready: () => Promise<unknown>;
  now?: () => number;
  /** Lets queued messages in: a macrotask (setTimeout would be clamped when nested). */
  yieldToMessages?: () => Promise<void>;
}

export const yieldThroughChannel = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class TrainingHost {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly yieldToMessages: () => Promise<void>;

  constructor(private readonly options: HostOptions) {
    this.now = options.now ?? (() => performance.now());
    this.yieldToMessages = options.yieldToMessages ?? yieldThroughChannel;
  }

  /** The live run of `key`, for tests. */
  entry(key: string): { run: TrainingRun<unknown>; playing: boolean } | undefined {
    return this.entries.get(key);
  }

  handle(command: Exclude<Command, { type: 'init' } | { type: 'memory' }>): void {
    if (command.type === 'open') return this.open(command.kind, command.key, command.params);
    const entry = this.entries.get(command.key);
    if (!entry) return;
    switch (command.type) {
      case 'play':
        entry.commands++;
        entry.stepsPerSecond = command.stepsPerSecond;
        if (entry.playing === command.playing) return;
        entry.playing = command.playing;
        if (entry.playing && !entry.looping) this.enqueue(entry, () => this.play(entry));
        else if (!entry.playing) this.enqueue(entry, () => this.rest(entry));
        return;
      case 'step':
        entry.commands++;
        entry.playing = false;
        this.enqueue(entry, async () => {
          await entry.run.advance(async () => {
            await this.yieldToMessages();
            return !entry.closed;
          });
          entry.gate.changed();
          await this.rest(entry);
        });
        return;
      case 'ack':
        entry.gate.acknowledged();
        this.flush(entry);
        return;
      case 'fault': {
        entry.commands++;
        const inject = () => {
          entry.run.injectFault(command.line);
          entry.gate.changed();
        };
        if (entry.looping) entry.betweenSteps.push(inject);
        else
          this.enqueue(entry, async () => {
            inject();
            this.flush(entry);
          });
        return;
      }
      case 'close':
        this.close(entry);
        return;
    }
  }

  private open(kind: RunKind, key: string, params: unknown): void {
    const existing = this.entries.get(key);
    if (existing) {
      // The view came back: it gets the run as it is, whatever it had taken before.
      existing.gate.reset();
      this.flush(existing);
      return;
    }
    for (const other of this.entries.values()) if (other.kind === kind) this.close(other);
    const entry: Entry = {
      key,
      kind,
      run: null as unknown as TrainingRun<unknown>,
      playing: false,
      stepsPerSecond: 1,
      commands: 0,
      closed: false,
      gate: new SnapshotGate(),
      work: Promise.resolve(),
      looping: false,
      betweenSteps: [],
    };
    this.entries.set(key, entry);
    this.enqueue(entry, async () => {
      await this.options.ready();
      entry.run = (this.options.kinds[kind] as RunFactory<unknown, unknown>)(params);
      if (entry.closed) return entry.run.dispose();
      await entry.run.prepare();
      entry.gate.changed();
      await this.rest(entry);
    });
  }

  private close(entry: Entry): void {
    entry.closed = true;
    entry.playing = false;
    entry.commands++;
    this.entries.delete(entry.key);
    // Disposed once whatever it was doing has finished.
    entry.work = entry.work.then(() => entry.run?.dispose());
  }

  private enqueue(entry: Entry, work: () => Promise<void>): void {
    entry.work = entry.work
      .then(() => (entry.closed ? undefined : work()))
      .catch((error: unknown) => {
        entry.playing = false;
        this.options.post({ type: 'error', key: entry.key, message: messageOf(error) });
        entry.gate.changed();
        this.flush(entry);
      });
  }

  /** Trains while playing: slices of steps at the asked speed, a snapshot at most once a frame. */
  private async play(entry: Entry): Promise<void> {
    const { run } = entry;
    entry.looping = true;
    try {
      run.resumeTiming();
      const pacer = new StepPacer(entry.stepsPerSecond, this.now());
      while (entry.playing && !entry.closed && !run.finished) {
        pacer.setRate(entry.stepsPerSecond);
        const due = pacer.due(this.now());
        if (due < 1) {
          await sleep(Math.min(pacer.waitMs(), SLICE_MS));
          continue;
        }
        const done = await advanceWithin(run, {
          steps: due,
          until: this.now() + SLICE_MS,
          now: this.now,
          going: () => entry.playing && !entry.closed,
          beforeStep: () => entry.betweenSteps.splice(0).forEach((change) => change()),
          proceed: async () => {
            await this.yieldToMessages();
            return entry.playing && !entry.closed;
          },
        });
        pacer.spend(done);
        if (done > 0) entry.gate.changed();
        if (entry.playing && (await run.measure(true, () => !entry.playing || entry.closed)))
          entry.gate.changed();
        this.flush(entry);
        await this.yieldToMessages();
      }
    } finally {
      entry.looping = false;
      entry.betweenSteps.splice(0).forEach((change) => change());
    }
    if (run.finished) entry.playing = false;
    if (!entry.playing) await this.rest(entry);
  }

  /** At rest: the measurements that wait for a pause, then a snapshot. */
  private async rest(entry: Entry): Promise<void> {
    if (entry.playing || entry.closed) return;
    entry.gate.changed();
    this.flush(entry);
    const commands = entry.commands;
    if (await entry.run.measure(false, () => entry.commands !== commands || entry.closed))
      entry.gate.changed();
    this.flush(entry);
  }

  private flush(entry: Entry): void {
    if (entry.closed || !entry.run) return;
    if (!entry.gate.shouldPost(this.now(), entry.playing)) return;
    this.options.post({
      type: 'snapshot',
      key: entry.key,
      playing: entry.playing,
      snapshot: entry.run.snapshot(),
    });
  }
}
