import { useSyncExternalStore } from 'react';

/**
 * Every mounted figure's settings as its link writes them, all of them (the
 * defaults too, the seed above all), published the moment they change. The
 * hash gets them only after a debounce and without the defaults; the
 * follow-along link reads them here, so that it carries a seed just drawn by
 * “New seed” and does not depend on a default that a later version may change.
 */
const published = new Map<object, Readonly<Record<string, string>>>();
let snapshot: Readonly<Record<string, string>> = {};
const listeners = new Set<() => void>();

/** Sets (or, with null, withdraws) the settings of one figure, `owner` being its own token. */
export function publishFigureSettings(
  owner: object,
  values: Readonly<Record<string, string>> | null,
) {
  if (values === null) published.delete(owner);
  else published.set(owner, values);
  snapshot = Object.assign({}, ...published.values()) as Record<string, string>;
  listeners.forEach((listener) => listener());
}

/** The link values of every mounted figure, merged (figures' keys have their own prefixes). */
export const getFigureSettings = (): Readonly<Record<string, string>> => snapshot;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The mounted figures' link values, re-read when one changes. */
export function useFigureSettings(): Readonly<Record<string, string>> {
  return useSyncExternalStore(subscribe, getFigureSettings, getFigureSettings);
}
