/**
 * The files a figure is saved as: their names, made from the slide and the
 * settings, and the download itself.
 */
import { csvFormat } from 'd3';

/** Link keys written shorter in file names, in the lecture's notation (T and p). */
const SHORT_KEYS: Readonly<Record<string, string>> = { tau: 'T', pi: 'p' };

/** The longest file name made (before the extension): long enough for every widget's settings. */
const MAX_NAME = 150;

/**
 * A file name from the slide's id and the settings (link keys with or without
 * their widget prefix: `ts.tau` → `T`), e.g.
 * `temperature_T-0.5_seed-7.png`. Only letters, digits, `.`, `-` and `_`:
 * every other run of characters becomes one `-`.
 */
export function figureFileName(
  slide: string,
  settings: Readonly<Record<string, string | number | boolean>>,
  extension: string,
): string {
  const pieces = [safe(slide) || 'figure'];
  for (const [key, value] of Object.entries(settings)) {
    const name = key.slice(key.lastIndexOf('.') + 1);
    const text = safe(String(value));
    if (text !== '') pieces.push(`${safe(SHORT_KEYS[name] ?? name)}-${text}`);
  }
  return `${pieces
    .join('_')
    .slice(0, MAX_NAME)
    .replace(/[-_]+$/, '')}.${extension}`;
}

function safe(text: string): string {
  return text
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|-+$/g, '');
}

/** One row of a saved table: a column name to a number or a word. */
export type TableRow = Readonly<Record<string, string | number>>;

/**
 * A table as CSV text: a header row of `columns`, then one line per row, with
 * d3's quoting (a field with a comma, a quote or a line break is quoted).
 * Numbers keep full precision: JavaScript's shortest text that reads back as
 * the same double.
 */
export function tableToCsv(rows: readonly TableRow[], columns: readonly string[]): string {
  return csvFormat(rows as TableRow[], columns as string[]) + '\n';
}

/** Hands a file to the browser's download, named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document) {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started once click() returns; the URL is freed after it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Settings that change how fast a figure runs, not what it shows: left out of file names. */
const PACE_KEYS = new Set(['speed']);

/** A widget's formatted settings for a file name, without its pace, with `extra` (e.g. the step). */
export function pictureSettings(
  formatted: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, string | number>> = {},
): Record<string, string | number> {
  const kept = Object.entries(formatted).filter(
    ([key]) => !PACE_KEYS.has(key.slice(key.lastIndexOf('.') + 1)),
  );
  return { ...Object.fromEntries(kept), ...extra };
}

/**
 * Rows of several curves in one long table, by step and then by curve, so
 * the last row is the last step of the last curve. `rowOf(line, i)` is the
 * row of the i-th point of a line whose steps are `stepsOf(line)`.
 */
export function rowsByStep<Line>(
  lines: readonly Line[],
  stepsOf: (line: Line) => readonly number[],
  rowOf: (line: Line, i: number, step: number) => TableRow,
): TableRow[] {
  const rows: { step: number; order: number; row: TableRow }[] = [];
  lines.forEach((line, order) =>
    stepsOf(line).forEach((step, i) => rows.push({ step, order, row: rowOf(line, i, step) })),
  );
  return rows.sort((a, b) => a.step - b.step || a.order - b.order).map((r) => r.row);
}
