import { useEffect, useEffectEvent, useState } from 'react';

/** A result and the key of the inputs it was computed for. */
export interface AsyncResult<T> {
  key: string;
  value: T;
}

/**
 * Runs `compute` in an effect whenever `key` changes (null: nothing to run)
 * and keeps its latest result with the key it was computed for, so the view
 * can tell a current result from one of earlier inputs. A computation whose
 * key changed meanwhile, or whose view went away, is stale: `isStale()` turns
 * true so it can give up, and whatever it still reports (through `report`,
 * e.g. progress, or by resolving) is dropped. A result of null is no result.
 * With `delayMs`, the computation starts only once the key has held that long.
 */
export function useAsyncResult<T>(
  key: string | null,
  compute: (isStale: () => boolean, report: (value: T) => void) => Promise<T | null>,
  delayMs = 0,
): AsyncResult<T> | null {
  const [result, setResult] = useState<AsyncResult<T> | null>(null);
  const start = useEffectEvent(compute);
  useEffect(() => {
    if (key === null) return;
    let stale = false;
    const isStale = () => stale;
    const report = (value: T) => {
      if (!stale) setResult({ key, value });
    };
    const run = () => void start(isStale, report).then((value) => value !== null && report(value));
    const timer = delayMs > 0 ? window.setTimeout(run, delayMs) : undefined;
    if (delayMs <= 0) run();
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [key, delayMs]);
  return result;
}
