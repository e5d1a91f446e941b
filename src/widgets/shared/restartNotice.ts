/**
 * What a training figure says when a setting change opens a new run (a new
 * model or optimizer): which setting changed to what, and how far the old run
 * had come, so that a run thrown away is never a surprise. Settings that do
 * not change the run (the speed) keep it playing and say nothing.
 */
import type { Schema, Setting } from './settings';

/** One setting's value as its control shows it. */
function valueText(s: Setting, value: unknown): string {
  if (s.kind === 'flag') return value ? 'on' : 'off';
  if (s.kind === 'choice') return s.choiceText ? s.choiceText(value as string) : String(value);
  if (s.kind === 'set') {
    const chosen = value as readonly string[];
    return chosen.length === 0
      ? 'none'
      : chosen.map((c) => (s.choiceText ? s.choiceText(c) : c)).join(', ');
  }
  const n = value as number;
  return s.show ? s.show(n) : s.optionText ? s.optionText(n) : String(n);
}

/**
 * The sentence for a status line, e.g. “Learning rate changed to 0.01: the
 * race starts again from step 0 (the old run had reached step 750).”; empty
 * when the old run had not taken a step (nothing is lost).
 */
export function restartNotice<S>(
  schema: Schema<S>,
  before: S,
  patch: Partial<S>,
  oldStep: number,
  /** What starts again, e.g. “the race”. */
  what: string,
): string {
  if (oldStep <= 0) return '';
  const changes = (Object.keys(patch) as (keyof S & string)[])
    .filter((field) => patch[field] !== before[field])
    .map((field) => {
      const s = schema[field] as Setting;
      return `${s.label} changed to ${valueText(s, patch[field])}`;
    });
  const said = changes.join('; ') || 'settings changed';
  return (
    `${said[0]!.toUpperCase()}${said.slice(1)}: ${what} starts again from step 0 ` +
    `(the old run had reached step ${oldStep.toLocaleString('en')}).`
  );
}
