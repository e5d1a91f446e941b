/**
 * The estimators' series colours in every theme: readable on the theme's
 * background and panels (WCAG contrast ≥ 3:1, the level for graphics), and
 * apart from each other (CIE Lab distance ΔE76 ≥ 20, a difference plainly
 * visible side by side; ΔE ≈ 2.3 is the just-noticeable one).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lab, rgb } from 'd3-color';

const css = readFileSync(new URL('./deck.css', import.meta.url), 'utf8');

/** The custom properties of each theme's block: light (:root), dark and contrast. */
function themes(): Record<string, Record<string, string>> {
  const blocks: Record<string, string> = {
    light: css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {'))),
  };
  for (const name of ['dark', 'contrast']) {
    const at = css.indexOf(`:root[data-theme='${name}'] {`);
    blocks[name] = css.slice(at, css.indexOf('}', at));
  }
  return Object.fromEntries(
    Object.entries(blocks).map(([name, block]) => [
      name,
      Object.fromEntries(
        [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!]),
      ),
    ]),
  );
}

const luminance = (hex: string) => {
  const c = rgb(hex);
  const f = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const deltaE = (a: string, b: string) => {
  const x = lab(a);
  const y = lab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
};

describe('the series colours', () => {
  for (const [name, vars] of Object.entries(themes())) {
    it(`of the ${name} theme: fifteen, readable and apart (6-12, the estimators since 2017; 13-15, the paper's)`, () => {
      const series = Array.from({ length: 15 }, (_, i) => vars[`series-${i + 1}`]);
      expect(series.every((c) => c !== undefined)).toBe(true);
      // The lecture's five are older; the light theme's orange (series-2) is 2.7:1 and left as it is.
      for (const c of series.slice(5) as string[]) {
        expect(contrast(c, vars.bg!), `${c} on ${vars.bg}`).toBeGreaterThanOrEqual(3);
        expect(contrast(c, vars.panel!), `${c} on ${vars.panel}`).toBeGreaterThanOrEqual(3);
        // Not the exact-gradient reference line, which is drawn in --fg.
        expect(deltaE(c, vars.fg!), `${c} vs fg`).toBeGreaterThanOrEqual(20);
      }
      for (let i = 0; i < 15; i++)
        for (let j = Math.max(i + 1, 5); j < 15; j++)
          expect(
            deltaE(series[i]!, series[j]!),
            `${series[i]} vs ${series[j]}`,
          ).toBeGreaterThanOrEqual(20);
    });
  }
});
