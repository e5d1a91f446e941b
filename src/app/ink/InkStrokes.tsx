import { strokePath, type Stroke } from './stroke';

/**
 * Strokes as SVG paths in stage coordinates (viewBox 1280×720). Colours come
 * from the theme (`--ink-red` …), so they suit each theme and print in the light one.
 */
export function InkStrokes({ strokes }: { strokes: readonly Stroke[] }) {
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
}
