import { describe, expect, it } from 'vitest';
import { borderDashes, inlineSvgStyle, isTransparent } from './exportFigure';

/** A computed style as a lookup, with every other property at its initial value. */
const computed =
  (values: Record<string, string>) =>
  (property: string): string =>
    values[property] ?? '';

describe('inlineSvgStyle', () => {
  it('writes the resolved colours and leaves out initial values', () => {
    const css = inlineSvgStyle(
      'path',
      computed({ fill: 'none', stroke: 'rgb(31, 119, 180)', 'stroke-width': '2px', opacity: '1' }),
    );
    expect(css).toBe('fill:none;stroke:rgb(31, 119, 180);stroke-width:2px');
  });

  it('writes fonts on text only', () => {
    const values = { fill: 'rgb(0, 0, 0)', 'font-size': '16px', 'font-family': 'system-ui' };
    expect(inlineSvgStyle('text', computed(values))).toContain('font-size:16px');
    expect(inlineSvgStyle('rect', computed(values))).not.toContain('font');
  });

  it('leaves out what the parent already gives, except opacity, which is not inherited', () => {
    const parent = computed({ fill: 'rgb(1, 2, 3)', opacity: '0.5', stroke: 'rgb(9, 9, 9)' });
    const css = inlineSvgStyle(
      'rect',
      computed({ fill: 'rgb(1, 2, 3)', opacity: '0.5', stroke: 'rgb(0, 0, 0)' }),
      { tagName: 'g', read: parent },
    );
    expect(css).toBe('stroke:rgb(0, 0, 0);opacity:0.5');
  });

  it('writes the font of a text in a group, where the font was not written', () => {
    const font = { fill: 'rgb(0, 0, 0)', 'font-family': 'system-ui', 'font-size': '16px' };
    const css = inlineSvgStyle('text', computed(font), { tagName: 'g', read: computed(font) });
    expect(css).toBe('font-family:system-ui;font-size:16px');
    const inTspan = inlineSvgStyle('tspan', computed(font), {
      tagName: 'text',
      read: computed(font),
    });
    expect(inTspan).toBe('');
  });
});

describe('isTransparent', () => {
  it.each([
    ['transparent', true],
    ['rgba(0, 0, 0, 0)', true],
    ['rgb(0 0 0 / 0)', true],
    ['', true],
    ['rgb(255, 255, 255)', false],
    ['rgba(0, 0, 0, 0.15)', false],
    ['rgb(0 0 0 / 0.5)', false],
  ])('%s → %s', (colour, expected) => expect(isTransparent(colour)).toBe(expected));
});

describe('borderDashes', () => {
  it('draws dashed and dotted borders as dash arrays scaled by the width, solid as a line', () => {
    expect(borderDashes('dashed', 2)).toBe('6 6');
    expect(borderDashes('dotted', 3)).toBe('3 3');
    expect(borderDashes('solid', 2)).toBeNull();
  });
});
