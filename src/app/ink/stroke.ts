/**
 * What one ink stroke is, where it lies on the stage, and how it is drawn.
 * Strokes live in the stage's own coordinates (the 1280×720 design stage,
 * scaled to the window), so they line up at any window size and in print.
 */
import { getStroke } from 'perfect-freehand';

export const STAGE_W = 1280;
export const STAGE_H = 720;

/** What a stroke is drawn with (the eraser removes strokes, it draws none). */
export type InkTool = 'pen' | 'highlighter';
/** The tools of the toolbar. */
export type InkMode = InkTool | 'eraser';

/** Colour slots; each theme gives each slot a colour with high contrast on its background. */
export const inkColors = ['red', 'blue', 'green', 'text'] as const;
export type InkColor = (typeof inkColors)[number];
export const inkColorNames: Record<InkColor, string> = {
  red: 'Red',
  blue: 'Blue',
  green: 'Green',
  text: 'Text colour (black or white)',
};

export interface Stroke {
  /** Unique within the deck: erasing, undo and the other window name strokes by it. */
  id: string;
  tool: InkTool;
  color: InkColor;
  /** Whether the device gave pressure (a pen): the width then follows it. */
  pressure: boolean;
  /** Stage pixels and pressure, flattened: [x0, y0, p0, x1, y1, p1, …], x in [0, 1280], y in [0, 720], p in [0, 1]. */
  points: number[];
}

/** A stroke longer than this is ended and a new one begun (messages and storage stay small). */
export const MAX_POINTS = 2000;

/** A point of the window (clientX/Y) in stage pixels, given the stage's box on screen; clamped to the stage. */
export function toStage(
  clientX: number,
  clientY: number,
  box: { left: number; top: number; width: number; height: number },
): { x: number; y: number } {
  const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  const x = box.width > 0 ? ((clientX - box.left) / box.width) * STAGE_W : 0;
  const y = box.height > 0 ? ((clientY - box.top) / box.height) * STAGE_H : 0;
  // A tenth of a stage pixel is finer than any screen shows, and keeps storage small.
  return { x: round1(clamp(x, STAGE_W)), y: round1(clamp(y, STAGE_H)) };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The pressure to keep for a pointer event: the pen's own, else a constant. */
export function pressureOf(pressure: number, hasPressure: boolean): number {
  if (!hasPressure) return 0.5;
  return Math.round(Math.min(1, Math.max(0, pressure)) * 100) / 100;
}

/**
 * Whether a pointer reports real pressure: a pen does; a mouse reports 0.5 while
 * a button is down, and most touch screens 0 or 1, which would only thin the line.
 */
export function reportsPressure(pointerType: string, pressure: number): boolean {
  if (pointerType === 'pen') return true;
  return pointerType === 'touch' && pressure > 0 && pressure < 1 && pressure !== 0.5;
}

/** Appends a point unless it is within a third of a stage pixel of the last one. */
export function withPoint(points: readonly number[], x: number, y: number, p: number): number[] {
  const n = points.length;
  if (n >= 3 && Math.hypot(points[n - 3]! - x, points[n - 2]! - y) < 0.34)
    return points as number[];
  return [...points, x, y, p];
}

/** The stroke's width in stage pixels. */
export const strokeSize = (tool: InkTool) => (tool === 'pen' ? 6 : 24);

const outlines = new WeakMap<Stroke, string>();

/**
 * The stroke's outline as an SVG path (filled), made by perfect-freehand: a
 * pen with pressure thins and thickens with it; without, the line is even.
 * Cached per stroke object (strokes are immutable).
 */
export function strokePath(stroke: Stroke, finished = true): string {
  const cached = outlines.get(stroke);
  if (cached !== undefined) return cached;
  const pts: [number, number, number][] = [];
  for (let i = 0; i + 2 < stroke.points.length; i += 3)
    pts.push([stroke.points[i]!, stroke.points[i + 1]!, stroke.points[i + 2]!]);
  const outline = getStroke(pts, {
    size: strokeSize(stroke.tool),
    thinning: stroke.pressure && stroke.tool === 'pen' ? 0.6 : 0,
    smoothing: 0.5,
    streamline: 0.4,
    simulatePressure: false,
    last: finished,
  });
  const d = pathOf(outline);
  if (finished) outlines.set(stroke, d);
  return d;
}

function pathOf(outline: number[][]): string {
  if (outline.length === 0) return '';
  const f = (v: number) => (Math.round(v * 10) / 10).toString();
  const [first, ...rest] = outline;
  return `M${f(first![0]!)} ${f(first![1]!)}${rest.map((p) => `L${f(p[0]!)} ${f(p[1]!)}`).join('')}Z`;
}

/** Distance from (x, y) to the segment a–b. */
function toSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Whether the eraser (a disc of `radius` stage pixels at x, y) touches the stroke. */
export function touches(stroke: Stroke, x: number, y: number, radius: number): boolean {
  const reach = radius + strokeSize(stroke.tool) / 2;
  const p = stroke.points;
  if (p.length === 3) return Math.hypot(p[0]! - x, p[1]! - y) <= reach;
  for (let i = 0; i + 5 < p.length; i += 3) {
    if (toSegment(x, y, p[i]!, p[i + 1]!, p[i + 3]!, p[i + 4]!) <= reach) return true;
  }
  return false;
}
