/**
 * What the presenter and audience windows tell each other over a
 * BroadcastChannel. Everything a window shows is in `DeckState`: the URL hash
 * (slide, step and every widget's parameters and seed), blackout, overview, and
 * which widgets are playing. Ink travels on its own messages: a step's strokes
 * after each edit, and the stroke being drawn. Messages from another app,
 * another version, or of the wrong shape are ignored.
 */
import { parseInkKey, parseStepInk, parseStroke, type StepInkData } from '../ink/inkFormat';
import { MAX_POINTS, type Stroke } from '../ink/stroke';

export const CHANNEL_NAME = 'st-gumbel-softmax-explorer';
export const PROTOCOL_VERSION = 1;
const APP = 'gsx';

export interface DeckState {
  /** location.hash: `#/slide/step?widget=params`. */
  hash: string;
  blackout: boolean;
  overview: boolean;
  /** Widgets whose animation or training runs, by widget name. */
  playing: Record<string, boolean>;
  /** Whether the follow-along QR code is shown (a message without it: not shown). */
  followAlong?: boolean;
  /** The stage each prediction is shown at (hidden, asked, revealed), by question id. */
  questions?: Record<string, string>;
}

export type SyncMessage =
  /** A window's current state, sent whenever it changes. */
  | {
      app: typeof APP;
      v: typeof PROTOCOL_VERSION;
      kind: 'state';
      from: string;
      at: number;
      state: DeckState;
    }
  /** A window that just opened asks the others for their state. */
  | { app: typeof APP; v: typeof PROTOCOL_VERSION; kind: 'hello'; from: string }
  /** A step's ink (`slideId/step`) after an edit in the sending window. */
  | {
      app: typeof APP;
      v: typeof PROTOCOL_VERSION;
      kind: 'ink';
      from: string;
      key: string;
      ink: StepInkData;
    }
  /**
   * The stroke being drawn on a step (null when it ended): its points from
   * `offset` on, those before having been sent already (a channel keeps order).
   */
  | {
      app: typeof APP;
      v: typeof PROTOCOL_VERSION;
      kind: 'inkDraft';
      from: string;
      key: string;
      stroke: Stroke | null;
      offset: number;
    };

/** The longest hash a message may carry; longer ones are refused by the receiver. */
export const MAX_HASH = 4000;

/** Why a state cannot be sent, for the presenter to read; null when it can. */
export function unsendable(state: DeckState): string | null {
  if (state.hash.length <= MAX_HASH) return null;
  return (
    `The audience window cannot follow: the link is ${state.hash.length.toLocaleString('en')} ` +
    `characters, over ${MAX_HASH.toLocaleString('en')}. Shorten the figure's settings or go to another slide.`
  );
}

export function stateMessage(from: string, at: number, state: DeckState): SyncMessage {
  return { app: APP, v: PROTOCOL_VERSION, kind: 'state', from, at, state };
}

export function helloMessage(from: string): SyncMessage {
  return { app: APP, v: PROTOCOL_VERSION, kind: 'hello', from };
}

export function inkMessage(from: string, key: string, ink: StepInkData): SyncMessage {
  return { app: APP, v: PROTOCOL_VERSION, kind: 'ink', from, key, ink };
}

export function inkDraftMessage(
  from: string,
  key: string,
  stroke: Stroke | null,
  offset = 0,
): SyncMessage {
  return { app: APP, v: PROTOCOL_VERSION, kind: 'inkDraft', from, key, stroke, offset };
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The message, checked field by field, or null when it is not ours or not well formed. */
export function parseMessage(data: unknown): SyncMessage | null {
  if (!isRecord(data) || data.app !== APP || data.v !== PROTOCOL_VERSION) return null;
  if (typeof data.from !== 'string' || data.from.length === 0 || data.from.length > 64) return null;
  if (data.kind === 'hello') return helloMessage(data.from);
  if (data.kind === 'ink' || data.kind === 'inkDraft') {
    if (typeof data.key !== 'string' || !parseInkKey(data.key)) return null;
    if (data.kind === 'ink') {
      const ink = parseStepInk(data.ink);
      return ink ? inkMessage(data.from, data.key, ink) : null;
    }
    const stroke = data.stroke === null ? null : parseStroke(data.stroke);
    const offset = data.offset;
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset % 3 !== 0)
      return null;
    if (offset + (stroke?.points.length ?? 0) > 3 * MAX_POINTS) return null;
    return stroke || data.stroke === null
      ? inkDraftMessage(data.from, data.key, stroke, offset)
      : null;
  }
  if (data.kind !== 'state' || typeof data.at !== 'number' || !Number.isFinite(data.at))
    return null;
  const s = data.state;
  if (
    !isRecord(s) ||
    typeof s.hash !== 'string' ||
    s.hash.length > MAX_HASH ||
    !s.hash.startsWith('#')
  )
    return null;
  if (typeof s.blackout !== 'boolean' || typeof s.overview !== 'boolean' || !isRecord(s.playing))
    return null;
  if (s.followAlong !== undefined && typeof s.followAlong !== 'boolean') return null;
  const playing: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(s.playing)) {
    if (typeof value !== 'boolean' || key.length > 40) return null;
    playing[key] = value;
  }
  // Optional, so a window without questions still understands the others.
  const questions: Record<string, string> = {};
  if (s.questions !== undefined) {
    if (!isRecord(s.questions)) return null;
    for (const [key, value] of Object.entries(s.questions)) {
      if (typeof value !== 'string' || key.length > 120 || value.length > 20) return null;
      questions[key] = value;
    }
  }
  return stateMessage(data.from, data.at, {
    hash: s.hash,
    blackout: s.blackout,
    overview: s.overview,
    playing,
    followAlong: s.followAlong === true,
    ...(s.questions === undefined ? {} : { questions }),
  });
}

export const sameState = (a: DeckState, b: DeckState) =>
  a.hash === b.hash &&
  a.blackout === b.blackout &&
  a.overview === b.overview &&
  (a.followAlong ?? false) === (b.followAlong ?? false) &&
  JSON.stringify(Object.entries(a.playing).sort()) ===
    JSON.stringify(Object.entries(b.playing).sort()) &&
  JSON.stringify(Object.entries(a.questions ?? {}).sort()) ===
    JSON.stringify(Object.entries(b.questions ?? {}).sort());
