import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Slide } from '../../deck/types';
import { contentHash, inkKey, type InkKey } from './inkFormat';
import { editInk, sendDraft, useAllInk, useRemoteDraft } from './inkStore';
import { InkStrokes } from './InkStrokes';
import {
  MAX_POINTS,
  pressureOf,
  reportsPressure,
  strokePath,
  toStage,
  touches,
  withPoint,
  type InkColor,
  type InkMode,
  type Stroke,
} from './stroke';
import './ink.css';

export interface InkToolChoice {
  mode: InkMode;
  color: InkColor;
}

/** The eraser's radius in stage pixels. */
const ERASER_RADIUS = 10;

/** One pointer drawing (or erasing) on one step. */
interface Gesture {
  pointerId: number;
  key: InkKey;
  hash: string;
  stroke: Stroke | null;
  /** How many numbers of the stroke's points the other windows have. */
  sent: number;
  erased: Set<string>;
}

const newId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * The ink over the stage, in the stage's coordinates (a 1280×720 viewBox inside
 * the scaled stage). While `drawing`, it takes every pointer (mouse, touch,
 * pen) so that the figures underneath get none and a touch stroke does not
 * scroll; otherwise pointers pass through to the figures.
 */
export function InkLayer({
  slide,
  step,
  drawing,
  tool,
}: {
  slide: Slide;
  step: number;
  drawing: boolean;
  tool: InkToolChoice;
}) {
  const key = inkKey(slide.id, step);
  const hash = useMemo(() => contentHash(slide), [slide]);
  const record = useAllInk().get(key);
  const strokes = record?.history.strokes ?? [];
  const remote = useRemoteDraft(key);
  const svg = useRef<SVGSVGElement>(null);
  const gesture = useRef<Gesture | null>(null);
  const frame = useRef(0);
  const [draft, setDraft] = useState<Stroke | null>(null);
  const [erasing, setErasing] = useState<ReadonlySet<string>>(new Set());

  const render = () => {
    frame.current = 0;
    const g = gesture.current;
    setDraft(g?.stroke ?? null);
    setErasing(new Set(g?.erased ?? []));
    if (g?.stroke) {
      // Only the new points: a whole long stroke every frame would cost more than drawing it.
      sendDraft(g.key, { ...g.stroke, points: g.stroke.points.slice(g.sent) }, g.sent);
      g.sent = g.stroke.points.length;
    }
  };
  const schedule = () => {
    if (!frame.current) frame.current = requestAnimationFrame(render);
  };

  const finish = () => {
    const g = gesture.current;
    gesture.current = null;
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    if (!g) return;
    if (g.stroke) editInk(g.key, { type: 'add', stroke: g.stroke }, g.hash);
    if (g.erased.size > 0) editInk(g.key, { type: 'erase', ids: [...g.erased] }, g.hash);
    setDraft(null);
    setErasing(new Set());
  };
  // A stroke in progress is kept when drawing stops or the deck moves on.
  const finishRef = useRef(finish);
  useEffect(() => {
    finishRef.current = finish;
  });
  useEffect(() => () => finishRef.current(), [key, drawing]);

  const at = (event: { clientX: number; clientY: number }) =>
    toStage(event.clientX, event.clientY, svg.current!.getBoundingClientRect());

  const extend = (g: Gesture, event: globalThis.PointerEvent) => {
    const p = at(event);
    if (!g.stroke) {
      for (const s of strokes) if (touches(s, p.x, p.y, ERASER_RADIUS)) g.erased.add(s.id);
      return;
    }
    const points = withPoint(
      g.stroke.points,
      p.x,
      p.y,
      pressureOf(event.pressure, g.stroke.pressure),
    );
    g.stroke = { ...g.stroke, points };
    if (points.length >= 3 * MAX_POINTS) {
      // A very long stroke goes on as a new one from the same point.
      editInk(g.key, { type: 'add', stroke: g.stroke }, g.hash);
      g.stroke = { ...g.stroke, id: newId(), points: points.slice(-3) };
      g.sent = 0;
    }
  };

  const down = (event: PointerEvent<SVGSVGElement>) => {
    if (!drawing || gesture.current) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    svg.current!.setPointerCapture(event.pointerId);
    const hasPressure = reportsPressure(event.pointerType, event.pressure);
    const p = at(event);
    gesture.current = {
      pointerId: event.pointerId,
      key,
      hash,
      sent: 0,
      erased: new Set(),
      stroke:
        tool.mode === 'eraser'
          ? null
          : {
              id: newId(),
              tool: tool.mode,
              color: tool.color,
              pressure: hasPressure,
              points: [p.x, p.y, pressureOf(event.pressure, hasPressure)],
            },
    };
    extend(gesture.current, event.nativeEvent);
    schedule();
  };
  const move = (event: PointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    if (!g || g.pointerId !== event.pointerId) return;
    event.stopPropagation();
    const native = event.nativeEvent;
    const coalesced = native.getCoalescedEvents?.() ?? [];
    for (const e of coalesced.length > 0 ? coalesced : [native]) extend(g, e);
    schedule();
  };
  const up = (event: PointerEvent<SVGSVGElement>) => {
    if (gesture.current?.pointerId !== event.pointerId) return;
    event.stopPropagation();
    finish();
  };

  const shown = erasing.size > 0 ? strokes.filter((s) => !erasing.has(s.id)) : strokes;
  const changedSince = record !== undefined && strokes.length > 0 && record.hash !== hash;
  return (
    <>
      <svg
        ref={svg}
        className={`ink-layer${drawing ? ` ink-layer--drawing ink-layer--${tool.mode}` : ''}`}
        viewBox="0 0 1280 720"
        aria-hidden="true"
        data-strokes={strokes.length}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      >
        <InkStrokes strokes={shown} />
        {[remote, draft].map(
          (s) =>
            s && (
              <path
                key={s.id}
                className={`ink-stroke ink-stroke--${s.tool}`}
                d={strokePath(s, false)}
                fill={`var(--ink-${s.color})`}
              />
            ),
        )}
      </svg>
      {changedSince && (
        <p className="ink-note" role="note">
          This slide changed since the ink was drawn.
        </p>
      )}
    </>
  );
}
