/**
 * One hook for every training figure: it opens the figure's run in the
 * training worker (or finds it there, as the slide left it), plays and pauses
 * it, and returns the latest snapshot, delivered at most once per frame.
 * StrictMode-safe: opening is idempotent, and every effect undoes itself.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { parseBackendName } from '../ml/backendPlan';
import type { RunKind } from './protocol';
import { TrainingClient, type RunState, type WorkerBackendStatus } from './trainingClient';

let shared: TrainingClient | null = null;

/** The page's one training client (its worker starts on first use). */
export function trainingClient(): TrainingClient {
  shared ??= new TrainingClient(
    () => new Worker(new URL('./trainingWorker.ts', import.meta.url), { type: 'module' }),
    parseBackendName(new URLSearchParams(window.location.search).get('backend')),
  );
  return shared;
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
}

export interface TrainingRunHandle<Snapshot> extends RunState<Snapshot> {
  /** Plays or pauses, and remembers it for the run, so that coming back to the slide resumes it. */
  setPlaying: (playing: boolean) => void;
  /** Pauses, then one step. */
  step: () => void;
  /** Drops the run; the next render opens it anew (Reset). */
  reset: () => void;
  injectFault: (line: string) => void;
}

export function useTrainingRun<Snapshot>(options: TrainingRunOptions): TrainingRunHandle<Snapshot> {
  const client = trainingClient();
  const { kind, key, playing, active, stepsPerSecond } = options;
  const setPlaying = options.setPlaying;
  const visible = usePageVisible();
  const [generation, setGeneration] = useState(0);
  const params = options.params;

  useEffect(() => {
    if (key !== null) client.open(kind, key, params);
    // params is read only when the key is new; generation reopens after reset.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, kind, key, generation]);

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
  const finished = (state.snapshot as { finished?: boolean } | null)?.finished === true;
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

  const choose = (value: boolean) => {
    if (key !== null) client.rememberPlaying(key, value);
    // Told at once, not after React's next render: the worker stops between two steps.
    if (!value && key !== null) client.play(key, false, stepsPerSecond);
    setPlaying(value);
  };
  return {
    ...state,
    setPlaying: choose,
    step: () => {
      choose(false);
      if (key !== null) client.step(key);
    },
    reset: () => {
      choose(false);
      if (key !== null) client.close(kind, key);
      setGeneration((g) => g + 1);
    },
    injectFault: (line) => key !== null && client.injectFault(key, line),
  };
}

const subscribeVisibility = (listener: () => void) => {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
};

function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState !== 'hidden');
}
