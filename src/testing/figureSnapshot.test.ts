import { describe, expect, it } from 'vitest';
import { roundNumbers } from './figureSnapshot';

describe('the rounding of a figure snapshot', () => {
  it('rounds every number of a geometry attribute to 0.1 px, and −0 to 0', () => {
    expect(roundNumbers('translate(12.345,-0.04)')).toBe('translate(12.3,0)');
    expect(roundNumbers('M0,100.5H0.5V0.55H-6.06')).toBe('M0,100.5H0.5V0.6H-6.1');
    expect(roundNumbers('1e-13 2.4999999999999 7')).toBe('0 2.5 7');
  });

  it('keeps a change of 0.1 px or more visible', () => {
    expect(roundNumbers('109.8')).not.toBe(roundNumbers('109.9'));
  });
});
