/**
 * One step's strokes with their undo and redo history, as a pure reducer.
 * Strokes are immutable; a history entry is the list of strokes before an edit.
 */
import type { Stroke } from './stroke';

export interface StepHistory {
  strokes: readonly Stroke[];
  /** Earlier lists of strokes, the last one the most recent. */
  past: readonly (readonly Stroke[])[];
  /** Lists undone, the last one the next to redo. */
  future: readonly (readonly Stroke[])[];
}

export type InkEdit =
  | { type: 'add'; stroke: Stroke }
  /** The eraser removes whole strokes: every stroke it touched in one drag, as one edit. */
  | { type: 'erase'; ids: readonly string[] }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' }
  /** An import: the step's ink becomes the file's (undoable). */
  | { type: 'replace'; strokes: readonly Stroke[] };

/** How many edits a step can undo. */
export const MAX_UNDO = 100;

export const emptyHistory: StepHistory = { strokes: [], past: [], future: [] };

export const historyOf = (strokes: readonly Stroke[]): StepHistory => ({
  strokes,
  past: [],
  future: [],
});

/** The history after an edit; the same object when the edit changes nothing. */
export function reduceInk(state: StepHistory, edit: InkEdit): StepHistory {
  const commit = (strokes: readonly Stroke[]): StepHistory => ({
    strokes,
    past: [...state.past, state.strokes].slice(-MAX_UNDO),
    future: [],
  });
  switch (edit.type) {
    case 'add':
      return commit([...state.strokes, edit.stroke]);
    case 'erase': {
      const gone = new Set(edit.ids);
      const kept = state.strokes.filter((s) => !gone.has(s.id));
      return kept.length === state.strokes.length ? state : commit(kept);
    }
    case 'clear':
      return state.strokes.length === 0 ? state : commit([]);
    case 'replace':
      return commit(edit.strokes);
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        strokes: previous,
        past: state.past.slice(0, -1),
        future: [...state.future, state.strokes],
      };
    }
    case 'redo': {
      const next = state.future.at(-1);
      if (!next) return state;
      return {
        strokes: next,
        past: [...state.past, state.strokes],
        future: state.future.slice(0, -1),
      };
    }
  }
}
