import { useCallback, useEffect, useSyncExternalStore } from 'react';

/**
 * Which widgets are playing (an animation or a training run), in one small
 * store outside React, so that the presenter and audience windows can mirror it.
 */
let snapshot: Record<string, boolean> = {};
const listeners = new Set<() => void>();

export function getPlaying(): Record<string, boolean> {
  return snapshot;
}

export function setPlaying(name: string, value: boolean) {
  if ((snapshot[name] ?? false) === value) return;
  snapshot = { ...snapshot, [name]: value };
  listeners.forEach((listener) => listener());
}

/** Replaces the whole map (a mirrored window applying the other's state). */
export function replacePlaying(next: Record<string, boolean>) {
  snapshot = { ...next };
  listeners.forEach((listener) => listener());
}

export function subscribePlaying(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A widget's playing flag; it stops (false) when the widget goes away. */
export function usePlaying(
  name: string,
): [boolean, (value: boolean | ((old: boolean) => boolean)) => void] {
  const playing = useSyncExternalStore(
    subscribePlaying,
    () => snapshot[name] ?? false,
    () => false,
  );
  const set = useCallback(
    (value: boolean | ((old: boolean) => boolean)) =>
      setPlaying(name, typeof value === 'function' ? value(snapshot[name] ?? false) : value),
    [name],
  );
  useEffect(() => () => setPlaying(name, false), [name]);
  return [playing, set];
}
