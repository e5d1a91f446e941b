/** Reading the JSON that `npm run bench` prints (for scripts/performanceDoc.ts). */

/** One `npm run bench` output (only the parts read here are typed). */
export interface BenchRun {
  date: string;
  commit?: string;
  machine?: { cpus: number; node: string };
  [bench: string]: unknown;
}

export type Json = Record<string, unknown>;
export const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, key) => (v && typeof v === 'object' ? (v as Json)[key] : undefined),
    value,
  );
export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export const format = (x: number | null): string =>
  x === null ? '–' : Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : String(x);
