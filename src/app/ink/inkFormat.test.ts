import { describe, expect, it } from 'vitest';
import { lectureSlides } from '../../lecture';
import {
  contentHash,
  inkFile,
  inkKey,
  parseInkKey,
  parseStroke,
  readInkFile,
  type StepInkData,
} from './inkFormat';
import { pagesWithInk } from './inkPages';
import type { Stroke } from './stroke';

const stroke: Stroke = {
  id: 'k1',
  tool: 'highlighter',
  color: 'green',
  pressure: true,
  points: [0, 0, 0, 1280, 720, 1, 640.5, 360.2, 0.42],
};
const ink: StepInkData = { hash: '1234abcd', strokes: [stroke] };

describe('ink format', () => {
  it('round-trips a file through JSON', () => {
    const file = inkFile({ [inkKey('gumbel-max', 2)]: ink }, new Date(0));
    const read = readInkFile(JSON.stringify(file));
    expect(read).toEqual({ ok: true, steps: { 'gumbel-max/2': ink } });
  });

  it('refuses a corrupt or incompatible file with a message saying why', () => {
    const message = (text: string) => {
      const read = readInkFile(text);
      return read.ok ? 'ok' : read.message;
    };
    expect(message('{"app":"gsx-ink"')).toMatch(/not JSON/);
    expect(message('{"hello":1}')).toMatch(/not an ink file/);
    expect(message('{"app":"gsx-ink","v":2,"steps":{}}')).toMatch(
      /version 2; this deck reads version 1/,
    );
    expect(message('{"app":"gsx-ink","v":1}')).toMatch(/no steps/);
    const bad = (s: unknown) =>
      message(
        JSON.stringify({ app: 'gsx-ink', v: 1, steps: { 'title/0': { hash: 'a', strokes: [s] } } }),
      );
    expect(bad({ ...stroke, points: [1, 2] })).toMatch(/damaged.*title\/0.*nothing was imported/);
    expect(bad({ ...stroke, points: [1281, 0, 0] })).toMatch(/damaged/);
    expect(bad({ ...stroke, points: [5, 5, NaN] })).toMatch(/damaged/);
    expect(bad({ ...stroke, color: 'url(#x)' })).toMatch(/damaged/);
    expect(bad({ ...stroke, tool: 'eraser' })).toMatch(/damaged/);
    expect(message(JSON.stringify({ app: 'gsx-ink', v: 1, steps: { '../x': ink } }))).toMatch(
      /damaged/,
    );
  });

  it('checks strokes field by field', () => {
    expect(parseStroke(structuredClone(stroke))).toEqual(stroke);
    expect(parseStroke({ ...stroke, id: '' })).toBeNull();
    expect(parseStroke({ ...stroke, pressure: 'yes' })).toBeNull();
    expect(parseStroke({ ...stroke, points: [] })).toBeNull();
    expect(parseStroke(null)).toBeNull();
  });

  it('keys name a slide id and a step', () => {
    expect(parseInkKey('gumbel-max/12')).toEqual({ slideId: 'gumbel-max', step: 12 });
    expect(parseInkKey('gumbel-max')).toBeNull();
    expect(parseInkKey('Gumbel/1')).toBeNull();
    for (const slide of lectureSlides) expect(parseInkKey(inkKey(slide.id, 0))).not.toBeNull();
  });

  it('the content hash changes with what a slide shows, not with its notes', () => {
    const slide = lectureSlides[1]!;
    expect(contentHash(slide)).toMatch(/^[0-9a-f]{8}$/);
    expect(contentHash({ ...slide, notesHtml: 'other' })).toBe(contentHash(slide));
    expect(contentHash({ ...slide, titleHtml: `${slide.titleHtml}!` })).not.toBe(
      contentHash(slide),
    );
    expect(contentHash({ ...slide, steps: slide.steps + 1 })).not.toBe(contentHash(slide));
    expect(new Set(lectureSlides.map(contentHash)).size).toBe(lectureSlides.length);
  });

  it('prints every step with ink, in deck order, once', () => {
    const slides = lectureSlides.slice(0, 3);
    const last = slides.map((s, i) => ({ slide: i, step: s.steps - 1 }));
    const withInk = pagesWithInk(
      last,
      [
        inkKey(slides[2]!.id, 0),
        inkKey(slides[0]!.id, slides[0]!.steps - 1),
        'gone/0',
        inkKey(slides[1]!.id, 99),
      ],
      slides,
    );
    expect(withInk).toEqual(
      [...last, { slide: 2, step: 0 }].sort((a, b) => a.slide - b.slide || a.step - b.step),
    );
  });
});
