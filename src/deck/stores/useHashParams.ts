import { useSyncExternalStore } from 'react';
import { splitHash } from '../hash';

/**
 * The widget state stored after `?` in the URL hash (`#/slide/2?gm.seed=7`),
 * so that a link reproduces a picture. Writes replace the history entry: a
 * dragged slider must not fill the back button with hundreds of entries.
 */
export function readHashParams(): URLSearchParams {
  return new URLSearchParams(splitHash(window.location.hash).query.slice(1));
}

/**
 * The hash with some parameters set (or, with null, removed) and the rest
 * kept. Parameters not named in `update` are kept as written, not decoded and
 * re-encoded: the link of one slide carries the settings of other slides'
 * widgets, which this widget cannot judge, and re-encoding text it does not
 * know (`%%%`) would only make it longer. Empty pieces (`&&`) go.
 */
export function hashWithParams(update: Record<string, string | null>): string {
  const { path, query } = splitHash(window.location.hash);
  const encode = (key: string, value: string) =>
    new URLSearchParams({ [key]: value }).toString().replace(/%2C/g, ',');
  const written = new Set<string>();
  const pieces: string[] = [];
  for (const piece of query.slice(1).split('&')) {
    if (piece === '') continue;
    const key = keyOf(piece);
    if (!Object.hasOwn(update, key)) pieces.push(piece);
    else if (update[key] != null && !written.has(key)) {
      pieces.push(encode(key, update[key]));
      written.add(key);
    }
  }
  for (const [key, value] of Object.entries(update)) {
    if (value !== null && !written.has(key)) pieces.push(encode(key, value));
  }
  const text = pieces.join('&');
  return `${path || '#/'}${text ? `?${text}` : ''}`;
}

/** The parameter name of `key=value` as URLSearchParams reads it. */
function keyOf(piece: string): string {
  return [...new URLSearchParams(piece).keys()][0] ?? '';
}

/**
 * Replaces the hash (no history entry) and tells the widgets' hooks;
 * `beforeNotify` sees the hash as the browser now reports it.
 */
export function replaceHash(next: string, beforeNotify?: (hash: string) => void) {
  if (next !== window.location.hash) {
    window.history.replaceState(window.history.state, '', next);
    beforeNotify?.(window.location.hash);
    window.dispatchEvent(new Event(HASH_PARAMS_EVENT));
  }
}

/** Widget writes waiting for their debounce, each run at most once. */
const pendingWrites = new Set<() => void>();

/**
 * Writes `write` after `delayMs` (debounced by the caller), unless
 * `flushHashWrites` writes it first; the returned function cancels it.
 */
export function scheduleHashWrite(write: () => void, delayMs: number): () => void {
  const run = () => {
    window.clearTimeout(timer);
    pendingWrites.delete(run);
    write();
  };
  const timer = window.setTimeout(run, delayMs);
  pendingWrites.add(run);
  return () => {
    window.clearTimeout(timer);
    pendingWrites.delete(run);
  };
}

/**
 * Makes every waiting widget write now: the deck calls it before it reads the
 * hash to move to another slide, so a setting changed a moment before leaving
 * (a click, then an arrow key within the debounce) leaves with its slide.
 */
export function flushHashWrites(): void {
  for (const run of [...pendingWrites]) run();
}

/** Sets (or, with null, removes) some parameters and keeps the rest. */
export function writeHashParams(update: Record<string, string | null>) {
  replaceHash(hashWithParams(update));
}

const HASH_PARAMS_EVENT = 'hashparamschange';

function subscribeHash(notify: () => void) {
  window.addEventListener('hashchange', notify);
  window.addEventListener(HASH_PARAMS_EVENT, notify);
  return () => {
    window.removeEventListener('hashchange', notify);
    window.removeEventListener(HASH_PARAMS_EVENT, notify);
  };
}

/** The whole location.hash, re-read on navigation and on widget parameter writes. */
export function useLocationHash(): string {
  return useSyncExternalStore(
    subscribeHash,
    () => window.location.hash,
    () => '',
  );
}

/** The raw query string of the hash, re-read when the hash changes. */
export function useHashQuery(): string {
  return useSyncExternalStore(
    subscribeHash,
    () => splitHash(window.location.hash).query,
    () => '',
  );
}
