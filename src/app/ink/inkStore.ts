/**
 * The deck's ink: every step's strokes and history, kept in memory and in
 * localStorage (one entry per slide id and step, with the hash of the slide's
 * content when drawn), read by the ink layer, the print view and the sync.
 * When the storage is full or unavailable the ink stays in memory and
 * `inkProblem` says so.
 */
import { useSyncExternalStore } from 'react';
import { emptyHistory, reduceInk, type InkEdit, type StepHistory } from './inkHistory';
import { parseStepInk, parseInkKey, type InkKey, type StepInkData } from './inkFormat';
import type { Stroke } from './stroke';

const PREFIX = 'gsx.ink/';

export interface StepRecord {
  history: StepHistory;
  /** The content hash of the slide when this ink was drawn (or imported). */
  hash: string;
}

const records = new Map<InkKey, StepRecord>();
const remoteDrafts = new Map<InkKey, Stroke>();
let problem: string | null = null;
let allSnapshot: ReadonlyMap<InkKey, StepRecord> = new Map();
/** The steps with ink, joined: it changes only when a step gains or loses all its ink. */
let inkedSnapshot = '';
const listeners = new Set<() => void>();
/** Who sends this window's changes to the other windows (the sync). */
const outbox = new Set<(message: OutgoingInk) => void>();

export type OutgoingInk =
  | { kind: 'ink'; key: InkKey; ink: StepInkData }
  /** The stroke being drawn: its points from `offset` on (the rest were sent before). */
  | { kind: 'draft'; key: InkKey; stroke: Stroke | null; offset: number };

const SAVE_FAILED =
  "The browser's storage is full or unavailable, so this ink is kept in this tab only, until it closes. " +
  'Export it (Export ink…) to keep it.';

loadAll();

function loadAll() {
  let unreadable = 0;
  try {
    const storage = window.localStorage;
    for (let i = 0; i < storage.length; i++) {
      const name = storage.key(i);
      if (!name?.startsWith(PREFIX)) continue;
      const key = name.slice(PREFIX.length);
      let ink: StepInkData | null = null;
      try {
        ink = parseInkKey(key) ? parseStepInk(JSON.parse(storage.getItem(name) ?? '')) : null;
      } catch {
        ink = null;
      }
      if (ink)
        records.set(key, { history: { ...emptyHistory, strokes: ink.strokes }, hash: ink.hash });
      else unreadable++;
    }
  } catch {
    problem =
      'This browser does not let the deck keep ink (no storage): ink stays in this tab until it closes. Export it to keep it.';
  }
  if (unreadable > 0)
    problem = `${unreadable} stored drawing${unreadable > 1 ? 's' : ''} could not be read and ${unreadable > 1 ? 'are' : 'is'} left out (kept in storage, not shown).`;
  changed();
}

function changed() {
  allSnapshot = new Map(records);
  inkedSnapshot = [...records]
    .filter(([, r]) => r.history.strokes.length > 0)
    .map(([key]) => key)
    .sort()
    .join('\n');
  listeners.forEach((listener) => listener());
}

function persist(key: InkKey, record: StepRecord) {
  try {
    if (record.history.strokes.length === 0) window.localStorage.removeItem(PREFIX + key);
    else
      window.localStorage.setItem(
        PREFIX + key,
        JSON.stringify({ hash: record.hash, strokes: record.history.strokes }),
      );
    if (problem === SAVE_FAILED) problem = null;
  } catch {
    problem = SAVE_FAILED;
  }
}

const dataOf = (record: StepRecord): StepInkData => ({
  hash: record.hash,
  strokes: [...record.history.strokes],
});

/** Edits one step's ink (stamped with the slide's current content hash), keeps it, and tells the other windows. */
export function editInk(key: InkKey, edit: InkEdit, hash: string) {
  const before = records.get(key) ?? { history: emptyHistory, hash };
  const history = reduceInk(before.history, edit);
  if (history === before.history) return;
  const record = { history, hash };
  records.set(key, record);
  persist(key, record);
  changed();
  outbox.forEach((send) => send({ kind: 'ink', key, ink: dataOf(record) }));
}

/** The other window changed a step's ink (it has kept it already: the storage is shared). */
export function applyRemoteInk(key: InkKey, ink: StepInkData) {
  const before = records.get(key) ?? { history: emptyHistory, hash: ink.hash };
  records.set(key, {
    history: reduceInk(before.history, { type: 'replace', strokes: ink.strokes }),
    hash: ink.hash,
  });
  changed();
  applyRemoteDraft(key, null);
}

/** This window's stroke being drawn, for the other windows (null when it ends). */
export function sendDraft(key: InkKey, stroke: Stroke | null, offset = 0) {
  outbox.forEach((send) => send({ kind: 'draft', key, stroke, offset }));
}

export function applyRemoteDraft(key: InkKey, stroke: Stroke | null) {
  if (stroke) remoteDrafts.set(key, stroke);
  else remoteDrafts.delete(key);
  draftListeners.forEach((listener) => listener());
}

/** The stroke the other window is drawing on this step, as shown now. */
export const remoteDraftOf = (key: InkKey) => remoteDrafts.get(key) ?? null;

/** Drafts change every frame while the other window draws: only the ink layer listens. */
const draftListeners = new Set<() => void>();

/** The stroke the other window is drawing on this step, or null. */
export const useRemoteDraft = (key: InkKey) =>
  useSyncExternalStore(
    (listener) => {
      draftListeners.add(listener);
      return () => void draftListeners.delete(listener);
    },
    () => remoteDrafts.get(key) ?? null,
    () => null,
  );

/** Every step with ink, for export. */
export function allInk(): Record<InkKey, StepInkData> {
  const out: Record<InkKey, StepInkData> = {};
  for (const [key, record] of records)
    if (record.history.strokes.length > 0) out[key] = dataOf(record);
  return out;
}

/** Puts a file's ink in place of those steps' ink (each undoable); steps of slides this deck lacks are skipped. */
export function importInk(
  steps: Record<InkKey, StepInkData>,
  exists: (slideId: string, step: number) => boolean,
): { imported: number; skipped: number } {
  let imported = 0;
  let skipped = 0;
  for (const [key, ink] of Object.entries(steps)) {
    const at = parseInkKey(key);
    if (!at || !exists(at.slideId, at.step)) {
      skipped++;
      continue;
    }
    editInk(key, { type: 'replace', strokes: ink.strokes }, ink.hash);
    imported++;
  }
  return { imported, skipped };
}

export function onLocalInk(send: (message: OutgoingInk) => void) {
  outbox.add(send);
  return () => void outbox.delete(send);
}

export function setInkProblem(text: string | null) {
  problem = text;
  changed();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Every step's record (a new map after each change). */
export const useAllInk = () =>
  useSyncExternalStore(
    subscribe,
    () => allSnapshot,
    () => allSnapshot,
  );

/** The keys of the steps with ink (for the print's pages; it re-renders only when that set changes). */
export function useInkedSteps(): string[] {
  const joined = useSyncExternalStore(
    subscribe,
    () => inkedSnapshot,
    () => '',
  );
  return joined === '' ? [] : joined.split('\n');
}

/** One step's strokes (the same array until that step's ink changes). */
export const useStepStrokes = (key: InkKey): readonly Stroke[] =>
  useSyncExternalStore(
    subscribe,
    () => records.get(key)?.history.strokes ?? noStrokes,
    () => noStrokes,
  );
const noStrokes: readonly Stroke[] = [];

/** Why ink cannot be kept or read, or null. */
export const useInkProblem = () =>
  useSyncExternalStore(
    subscribe,
    () => problem,
    () => null,
  );
