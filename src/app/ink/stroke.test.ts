import { describe, expect, it } from 'vitest';
import {
  pressureOf,
  reportsPressure,
  strokePath,
  toStage,
  touches,
  withPoint,
  type Stroke,
} from './stroke';

const line: Stroke = {
  id: 'a',
  tool: 'pen',
  color: 'red',
  pressure: false,
  points: [100, 100, 0.5, 200, 100, 0.5],
};

describe('ink coordinates', () => {
  it('maps a window point to stage pixels at any scale and offset', () => {
    // The stage at scale 0.8 (1024×576), its corner at (10, 96) on screen.
    const box = { left: 10, top: 96, width: 1024, height: 576 };
    expect(toStage(10, 96, box)).toEqual({ x: 0, y: 0 });
    expect(toStage(10 + 512, 96 + 288, box)).toEqual({ x: 640, y: 360 });
    expect(toStage(10 + 1024, 96 + 576, box)).toEqual({ x: 1280, y: 720 });
    // The same stage point at scale 1.5: the same stage coordinates.
    const big = { left: -5, top: 0, width: 1920, height: 1080 };
    expect(toStage(-5 + 0.25 * 1920, 0.75 * 1080, big)).toEqual({ x: 320, y: 540 });
  });

  it('clamps points outside the stage to its edge and rounds to a tenth of a pixel', () => {
    const box = { left: 0, top: 0, width: 640, height: 360 };
    expect(toStage(-50, 400, box)).toEqual({ x: 0, y: 720 });
    expect(toStage(1 / 3, 1 / 7, box)).toEqual({ x: 0.7, y: 0.3 });
    expect(toStage(5, 5, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });
});

describe('pressure', () => {
  it('keeps a pen’s pressure and ignores the constant pressure of a mouse', () => {
    expect(reportsPressure('pen', 0.2)).toBe(true);
    expect(reportsPressure('mouse', 0.5)).toBe(false);
    expect(reportsPressure('touch', 1)).toBe(false);
    expect(reportsPressure('touch', 0.37)).toBe(true);
    expect(pressureOf(0.234, true)).toBe(0.23);
    expect(pressureOf(0.9, false)).toBe(0.5);
    expect(pressureOf(3, true)).toBe(1);
  });

  it('a pen stroke with pressure is wider where pressed harder', () => {
    const width = (p: number) => {
      const s: Stroke = { ...line, pressure: true, points: [0, 50, p, 300, 50, p] };
      const ys = strokePath(s)
        .match(/-?\d+(\.\d+)?/g)!
        .map(Number)
        .filter((_, i) => i % 2 === 1);
      return Math.max(...ys) - Math.min(...ys);
    };
    expect(width(1)).toBeGreaterThan(width(0.1) * 1.5);
  });
});

describe('strokes', () => {
  it('skips points closer than a third of a pixel', () => {
    const pts = withPoint([1, 1, 0.5], 1.2, 1.1, 0.5);
    expect(pts).toEqual([1, 1, 0.5]);
    expect(withPoint(pts, 2, 1, 0.5)).toEqual([1, 1, 0.5, 2, 1, 0.5]);
  });

  it('the eraser touches a stroke within its radius plus half the stroke’s width', () => {
    expect(touches(line, 150, 100, 10)).toBe(true);
    expect(touches(line, 150, 112, 10)).toBe(true); // 12 ≤ 10 + 3
    expect(touches(line, 150, 114, 10)).toBe(false);
    expect(touches(line, 215, 100, 10)).toBe(false); // past the end: 15 > 13
    const dot: Stroke = { ...line, points: [50, 50, 0.5] };
    expect(touches(dot, 58, 50, 10)).toBe(true);
    expect(touches({ ...line, tool: 'highlighter' }, 150, 120, 10)).toBe(true); // 20 ≤ 10 + 12
  });

  it('draws a closed outline, and a dot for a single point', () => {
    expect(strokePath(line)).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+Z$/);
    expect(strokePath({ ...line, id: 'dot', points: [5, 5, 0.5] })).toMatch(/^M.*Z$/);
  });
});
