/** The controls made from settings, rendered to markup in node (no DOM needed). */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { SettingControl } from './SettingControl';
import { labSchema } from '../estimator-lab/model';
import { raceSchema } from '../vae-race/model';

const html = (element: React.ReactElement) => renderToStaticMarkup(element);
const noop = () => {};

describe('a control made from its setting', () => {
  it('is a labelled typed field for a number without options, carrying the limits', () => {
    const out = html(
      <SettingControl setting={raceSchema.latents} value={8} onChange={noop} onProblem={noop} />,
    );
    expect(out).toMatch(/^<label>N <input/);
    expect(out).toContain('data-setting="vae.n"');
    expect(out).toContain('value="8"');
    expect(out).toContain('aria-description="1 to 30, whole numbers"');
  });

  it('is a labelled list for a number with options, with the option texts and a value from a link added', () => {
    const out = html(
      <SettingControl setting={labSchema.speed} value={3} onChange={noop} onProblem={noop} />,
    );
    expect(out).toMatch(/^<label>speed, at most <select>/);
    expect(out.match(/<option/g)).toHaveLength(labSchema.speed.options!.length + 1);
    expect(out).toContain('<option value="3" selected="">180 steps/s</option>');
    expect(out).toContain('<option value="50">3000 steps/s</option>');
  });

  it('is a select for a choice, offering every choice by its text', () => {
    const out = html(
      <SettingControl
        setting={raceSchema.schedule}
        value="paper"
        onChange={noop}
        onProblem={noop}
      />,
    );
    expect(out).toMatch(/^<label>T schedule <select>/);
    for (const c of raceSchema.schedule.choices) expect(out).toContain(`value="${c}"`);
    expect(out).toContain('<option value="paper" selected="">paper: r = 1e-4, every 500</option>');
  });

  it('is a labelled checkbox for a flag, disabled with its note when asked', () => {
    const out = html(
      <SettingControl
        setting={raceSchema.exact}
        value={false}
        disabled
        note="(K^N ≤ 256)"
        onChange={noop}
        onProblem={noop}
      />,
    );
    expect(out).toBe('<label><input type="checkbox" disabled=""/> exact (K^N ≤ 256)</label>');
  });
});
