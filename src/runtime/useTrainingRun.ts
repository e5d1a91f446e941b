/**
 * One hook for every training figure: it opens the figure's run in the
 * training worker in an effect (or finds it there, as the slide left it),
 * plays and pauses it, resumes it when its slide comes back, stops playing
 * when the run finishes or fails, exposes it to the browser tests, and
 * returns the latest snapshot (delivered at most once per frame) with the
 * lines that stopped. StrictMode-safe: opening is idempotent, and every
 * effect undoes itself. The worker's runs outlive the view on purpose: a
 * slide that is left and re-entered finds its run where it stopped.
 */
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { parseBackendName } from '../ml/backendPlan';
import type { RunKind } from './protocol';
import type { RunSnapshot } from './trainingRun';
import { TrainingClient, type RunState, type WorkerBackendStatus } from './trainingClient';

let shared: TrainingClient | null = null;

/** The page's one training client (its worker starts on first use). */
function trainingClient(): TrainingClient {
  shared ??= new TrainingClient(
    () => new Worker(new URL('./trainingWorker.ts', import.meta.url), { type: 'module' }),
    parseBackendName(new URLSearchParams(window.location.search).get('backend')),
  );
  return shared;
}

/** Starts the training worker and its backend ahead of any figure (the deck's prefetch). */
export function startTrainingWorker(): void {
  trainingClient().start();
}

/** The backend computing in the training worker (started by this hook). */
export function useTrainingBackend(): WorkerBackendStatus {
  const client = trainingClient();
  useEffect(() => client.start(), [client]);
  return useSyncExternalStore(
    (listener) => client.subscribeBackend(listener),
    () => client.backend(),
  );
}

export interface TrainingRunOptions {
  kind: RunKind;
  /** The run's identity (settings and backend); null while it cannot start (data or backend loading). */
  key: string | null;
  /** What the worker needs to create the run; called only when it does not hold it. */
  params: () => unknown;
  /** The figure's playing flag and its setter (the deck-wide store of usePlaying). */
  playing: boolean;
  setPlaying: (playing: boolean) => void;
  /** Whether the figure's slide is shown. */
  active: boolean;
  stepsPerSecond: number;
  /** In the e2e build the browser tests reach the run as `window.__explorer[testHook]()`. */
  testHook: string;
}

export interface TrainingRunHandle<Snapshot extends RunSnapshot> extends RunState<Snapshot> {
  /** Whether Play and Step can do anything: the run exists, is not finished and did not fail. */
  canRun: boolean;
  /** The lines that stopped (they diverged) while the others go on. */
  stoppedLines: Snapshot['lines'][number][];
  /** Plays or pauses, and remembers it for the run, so that coming back to the slide resumes it. */
  setPlaying: (playing: boolean) => void;
  /** Pauses, then one step. */
  step: () => void;
  /** Drops the run and opens it anew (Reset). */
  reset: () => void;
  injectFault: (line: string) => void;
  /**
   * Marks the run of another `key` (one the figure is about to open) as playing, so that it
   * plays once it exists, also if the slide is left before that and shown again.
   */
  playWhenOpened: (key: string) => void;
}

export function useTrainingRun<Snapshot extends RunSnapshot>(
  options: TrainingRunOptions,
): TrainingRunHandle<Snapshot> {
  const client = trainingClient();
  const { kind, key, playing, active, stepsPerSecond, testHook } = options;
  const setPlaying = options.setPlaying;
  const visible = usePageVisible();

  // The params are read only when the worker does not hold the run of this key.
  const readParams = useEffectEvent(() => options.params());
  useEffect(() => {
    if (key !== null) client.open(kind, key, () => readParams());
  }, [client, kind, key]);

  // Resume a run that was playing when its slide was left (only explicit choices are remembered).
  useEffect(() => {
    if (key !== null && client.wasPlaying(key)) setPlaying(true);
  }, [client, key, setPlaying]);

  const state = useSyncExternalStore(
    useCallback(
      (listener: () => void) => (key === null ? () => {} : client.subscribe(key, listener)),
      [client, key],
    ),
    () => client.state<Snapshot>(key),
  );
  const finished = state.snapshot?.finished === true;
  const stopped = finished || state.error !== null;
  useEffect(() => {
    if (stopped && key !== null) {
      client.rememberPlaying(key, false);
      setPlaying(false);
    }
  }, [client, key, stopped, setPlaying]);

  // A hidden slide or tab does no work.
  const running = playing && active && visible && key !== null && !stopped;
  useEffect(() => {
    if (key === null || !running) return;
    client.play(key, true, stepsPerSecond);
    return () => client.play(key, false, stepsPerSecond);
  }, [client, key, running, stepsPerSecond]);

  useEffect(() => {
    if (__TEST_HOOKS__) exposeToTests(client, testHook, key);
  }, [client, testHook, key]);

  // The handle's functions keep their identity from snapshot to snapshot, so
  // that memoized controls handed them do not re-render with every frame.
  const latestParams = useRef(options.params);
  useEffect(() => {
    latestParams.current = options.params;
  });
  const choose = useCallback(
    (value: boolean) => {
      if (key !== null) client.rememberPlaying(key, value);
      // Told at once, not after React's next render: the worker stops between two steps.
      if (!value && key !== null) client.play(key, false, stepsPerSecond);
      setPlaying(value);
    },
    [client, key, stepsPerSecond, setPlaying],
  );
  const step = useCallback(() => {
    choose(false);
    if (key !== null) client.step(key);
  }, [choose, client, key]);
  const reset = useCallback(() => {
    choose(false);
    if (key === null) return;
    client.close(kind, key);
    client.open(kind, key, () => latestParams.current());
  }, [choose, client, kind, key]);
  const injectFault = useCallback(
    (line: string) => key !== null && client.injectFault(key, line),
    [client, key],
  );
  const playWhenOpened = useCallback(
    (next: string) => client.rememberPlaying(next, true),
    [client],
  );
  const lines = state.snapshot?.lines;
  const stoppedLines = useMemo(() => (lines ?? []).filter((l) => l.stopped !== null), [lines]);
  return {
    ...state,
    canRun: state.snapshot !== null && !stopped,
    stoppedLines,
    setPlaying: choose,
    step,
    reset,
    injectFault,
    playWhenOpened,
  };
}

/**
 * Draws each snapshot the client delivers (at most one a frame), and times
 * the drawing for `npm run bench -- responsiveness` (measure 'training-draw').
 */
export function useDrawEachSnapshot<Snapshot>(
  snapshot: Snapshot | null,
  draw: (snapshot: Snapshot | null) => void,
  /** The drawing's width (or a key of its width and options): a new one redraws the same snapshot. */
  width: number | string = 0,
): void {
  const drawNow = useEffectEvent(draw);
  useEffect(() => {
    const start = performance.now();
    drawNow(snapshot);
    if (snapshot !== null) performance.measure('training-draw', { start });
  }, [snapshot, width]);
}

/**
 * A part of a snapshot that changes less often than the snapshot (the lab's
 * probe, the race's images), kept as the same object until `id` changes, so
 * that what draws it runs only then: every snapshot from the worker is a new
 * object, its unchanged parts included.
 */
export function useSnapshotPart<Part>(part: Part, id: unknown): Part {
  const [kept, setKept] = useState({ id, part });
  if (Object.is(kept.id, id)) return kept.part;
  setKept({ id, part });
  return part;
}

/** The run as the browser tests see it (e2e build only): its step, fingerprint, snapshot, faults and memory. */
function exposeToTests(client: TrainingClient, name: string, key: string | null): void {
  const snapshot = () => (key === null ? null : client.state<RunSnapshot>(key).snapshot);
  (window as unknown as { __explorer: Record<string, unknown> }).__explorer[name] = () =>
    key === null
      ? null
      : {
          get step() {
            return snapshot()?.step ?? 0;
          },
          fingerprint: () => (snapshot() as { fingerprint?: string } | null)?.fingerprint ?? '',
          snapshot: () => snapshot(),
          injectFault: (line: string) => client.injectFault(key, line),
          memory: () => client.memory(),
        };
}

const subscribeVisibility = (listener: () => void) => {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
};

function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState !== 'hidden');
}
