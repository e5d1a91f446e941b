/**
 * Where each prediction stands, in two small stores outside React:
 *
 * - the stage a question is shown at (hidden, asked, revealed): the lecturer's
 *   key moves it on, the presenter and audience windows mirror it, and the
 *   tab's session storage keeps it across a reload;
 * - this browser's answers: locked once given, kept in local storage, so a
 *   reload cannot take one back. Nothing leaves the browser.
 */
import { useSyncExternalStore } from 'react';

export type QuestionStage = 'hidden' | 'asked' | 'revealed';
export const questionStages: readonly QuestionStage[] = ['hidden', 'asked', 'revealed'];

const STAGES_KEY = 'gsx.predict.stages';
const ANSWERS_KEY = 'gsx.predict.answers';

function load(storage: () => Storage, key: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage().getItem(key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {}; // unreadable or corrupt: start afresh, as if nothing was stored
  }
}

/** Stores `value`; false when the browser refuses (storage full or disabled). */
function save(storage: () => Storage, key: string, value: Record<string, string>): boolean {
  try {
    storage().setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const session = () => window.sessionStorage;
const local = () => window.localStorage;

const validStages = (record: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(
    Object.entries(record).filter((e): e is [string, QuestionStage] =>
      questionStages.includes(e[1] as QuestionStage),
    ),
  );

let stages = validStages(load(session, STAGES_KEY));
let answers = load(local, ANSWERS_KEY);
/** Set when an answer could not be stored: it holds until the page is reloaded. */
let unsaved = false;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function subscribeQuestions(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getStages = (): Readonly<Record<string, QuestionStage>> => stages;

export function setStage(id: string, stage: QuestionStage) {
  if (stages[id] === stage) return;
  stages = { ...stages, [id]: stage };
  save(session, STAGES_KEY, stages);
  notify();
}

/** The other window's stages (a mirrored presenter session), checked one by one. */
export function replaceStages(next: Readonly<Record<string, unknown>>) {
  const checked = validStages(next);
  if (JSON.stringify(checked) === JSON.stringify(stages)) return;
  stages = checked;
  save(session, STAGES_KEY, stages);
  notify();
}

/** The stage after the lecturer's key: hidden → asked → revealed → hidden. */
export const nextStage = (stage: QuestionStage): QuestionStage =>
  questionStages[(questionStages.indexOf(stage) + 1) % questionStages.length]!;

/** Locks in an answer; a question already answered keeps its first answer. */
export function answer(id: string, choice: string) {
  if (answers[id] !== undefined) return;
  answers = { ...answers, [id]: choice };
  unsaved = !save(local, ANSWERS_KEY, answers) || unsaved;
  notify();
}

export interface QuestionState {
  /** The stage set for it, or undefined (the view's default applies). */
  stage: QuestionStage | undefined;
  answer: string | null;
  /** True when this browser could not store the answers (they last until a reload). */
  unsaved: boolean;
}

let snapshotCache = new Map<string, QuestionState>();
function snapshot(id: string): QuestionState {
  const next = { stage: stages[id], answer: answers[id] ?? null, unsaved };
  const old = snapshotCache.get(id);
  if (old && old.stage === next.stage && old.answer === next.answer && old.unsaved === unsaved)
    return old;
  snapshotCache = new Map(snapshotCache).set(id, next);
  return next;
}

export function useQuestionState(id: string): QuestionState {
  return useSyncExternalStore(
    subscribeQuestions,
    () => snapshot(id),
    () => snapshot(id),
  );
}

export function useStages(): Readonly<Record<string, QuestionStage>> {
  return useSyncExternalStore(subscribeQuestions, getStages, getStages);
}
