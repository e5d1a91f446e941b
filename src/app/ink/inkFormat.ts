/**
 * Ink as data that leaves the tab: the record kept in localStorage for one
 * step, the exported file, and the check that a stroke from storage, a file
 * or the other window is well formed. Also the hash of a slide's content, so
 * that ink drawn on an older version of a slide can be flagged.
 */
import type { Slide } from '../../deck/types';
import { inkColors, MAX_POINTS, STAGE_H, STAGE_W, type Stroke } from './stroke';

/** What one step's ink is, wherever it is kept or sent. */
export interface StepInkData {
  /** contentHash of the slide when the ink was drawn. */
  hash: string;
  strokes: Stroke[];
}

/** A step of a slide: `slideId/step`. */
export type InkKey = string;
export const inkKey = (slideId: string, step: number): InkKey => `${slideId}/${step}`;
export function parseInkKey(key: string): { slideId: string; step: number } | null {
  const match = /^([a-z0-9][a-z0-9-]{0,79})\/(\d{1,3})$/.exec(key);
  return match ? { slideId: match[1]!, step: Number(match[2]) } : null;
}

/** Most strokes one step may hold (a generous bound that keeps a hostile file or message small). */
export const MAX_STROKES = 2000;

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The stroke, checked field by field, or null. */
export function parseStroke(x: unknown): Stroke | null {
  if (!isRecord(x)) return null;
  const { id, tool, color, pressure, points } = x;
  if (typeof id !== 'string' || id.length === 0 || id.length > 40) return null;
  if (tool !== 'pen' && tool !== 'highlighter') return null;
  if (typeof color !== 'string' || !(inkColors as readonly string[]).includes(color)) return null;
  if (typeof pressure !== 'boolean' || !Array.isArray(points)) return null;
  if (points.length === 0 || points.length % 3 !== 0 || points.length > 3 * MAX_POINTS) return null;
  for (let i = 0; i < points.length; i += 3) {
    const [px, py, pp] = [points[i], points[i + 1], points[i + 2]];
    if (typeof px !== 'number' || !(px >= 0 && px <= STAGE_W)) return null;
    if (typeof py !== 'number' || !(py >= 0 && py <= STAGE_H)) return null;
    if (typeof pp !== 'number' || !(pp >= 0 && pp <= 1)) return null;
  }
  return { id, tool, color: color as Stroke['color'], pressure, points: points as number[] };
}

/** One step's ink, checked, or null. */
export function parseStepInk(x: unknown): StepInkData | null {
  if (!isRecord(x) || typeof x.hash !== 'string' || x.hash.length > 16) return null;
  if (!Array.isArray(x.strokes) || x.strokes.length > MAX_STROKES) return null;
  const strokes: Stroke[] = [];
  for (const s of x.strokes) {
    const stroke = parseStroke(s);
    if (!stroke) return null;
    strokes.push(stroke);
  }
  return { hash: x.hash, strokes };
}

/** The exported file: every step's ink. */
export interface InkFile {
  app: 'gsx-ink';
  v: 1;
  /** When it was exported (ISO 8601), for the reader. */
  exported: string;
  steps: Record<InkKey, StepInkData>;
}

export function inkFile(steps: Record<InkKey, StepInkData>, now: Date): InkFile {
  return { app: 'gsx-ink', v: 1, exported: now.toISOString(), steps };
}

/** A file's text → its steps, or a message saying why it cannot be used. */
export function readInkFile(
  text: string,
): { ok: true; steps: Record<InkKey, StepInkData> } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not an ink file of this lecture (it is not JSON).' };
  }
  if (!isRecord(data) || data.app !== 'gsx-ink')
    return { ok: false, message: 'This file is not an ink file of this lecture.' };
  if (data.v !== 1)
    return {
      ok: false,
      message: `This ink file is of version ${String(data.v)}; this deck reads version 1.`,
    };
  if (!isRecord(data.steps)) return { ok: false, message: 'This ink file has no steps.' };
  const steps: Record<InkKey, StepInkData> = {};
  for (const [key, value] of Object.entries(data.steps)) {
    const ink = parseStepInk(value);
    if (!parseInkKey(key) || !ink)
      return {
        ok: false,
        message: `This ink file is damaged (the ink of "${key.slice(0, 60)}" cannot be read); nothing was imported.`,
      };
    steps[key] = ink;
  }
  return { ok: true, steps };
}

/**
 * A short hash of what a slide shows (title, text, figures, steps; not the
 * notes): FNV-1a, 32 bits, in hex. Ink drawn on another version is flagged.
 */
export function contentHash(slide: Slide): string {
  const text = [
    slide.titleHtml,
    String(slide.steps),
    ...slide.blocks.map((b) =>
      b.kind === 'html' ? `${b.step}:${b.html}` : `${b.step}:@${b.name}(${b.variant ?? ''})`,
    ),
  ].join('\u0000');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
