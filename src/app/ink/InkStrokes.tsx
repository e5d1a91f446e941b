import { memo } from 'react';
import { strokePath, type Stroke } from './stroke';
import { useStepStrokes } from './inkStore';

/**
 * Strokes as SVG paths in stage coordinates (viewBox 1280×720). Colours come
 * from the theme (`--ink-red` …), so they suit each theme and print in the light one.
 */
export const InkStrokes = memo(function InkStrokes({ strokes }: { strokes: readonly Stroke[] }) {
  return (
    <>
      {strokes.map((stroke) => (
        <path
          key={stroke.id}
          className={`ink-stroke ink-stroke--${stroke.tool}`}
          d={strokePath(stroke)}
          fill={`var(--ink-${stroke.color})`}
          data-stroke-id={stroke.id}
        />
      ))}
    </>
  );
});

/** A printed page's ink: an SVG over the page in stage coordinates (it re-renders with its step's ink only). */
export function PrintInk({ inkKey }: { inkKey: string }) {
  const strokes = useStepStrokes(inkKey);
  if (strokes.length === 0) return null;
  return (
    <svg className="print-ink" viewBox="0 0 1280 720" data-strokes={strokes.length}>
      <InkStrokes strokes={strokes} />
    </svg>
  );
}
