/**
 * Coalescing for the sync channel: of the values pushed between two frames
 * only the latest is applied, once, in the next frame. A burst of thousands
 * of messages therefore costs one update, not thousands.
 */

/** Runs `run` once later; the returned function cancels it. */
export type Schedule = (run: () => void) => () => void;

export interface LatestOnly<T> {
  /** Keeps `value` as the one to apply, replacing any not yet applied. */
  push: (value: T) => void;
  /** Drops the pending value and the scheduled run. */
  dispose: () => void;
}

export function latestOnly<T>(apply: (value: T) => void, schedule: Schedule): LatestOnly<T> {
  let pending: { value: T } | null = null;
  let cancel: (() => void) | null = null;
  const flush = () => {
    cancel = null;
    const next = pending;
    pending = null;
    if (next) apply(next.value);
  };
  return {
    push(value) {
      pending = { value };
      cancel ??= schedule(flush);
    },
    dispose() {
      cancel?.();
      cancel = null;
      pending = null;
    },
  };
}

/** A window in the background gets no animation frames; it still catches up this often. */
const HIDDEN_FALLBACK_MS = 250;

/**
 * The next animation frame, or a short timeout if the page gets no frames
 * (a hidden tab), whichever comes first.
 */
export const nextFrame: Schedule = (run) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    run();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, HIDDEN_FALLBACK_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};
