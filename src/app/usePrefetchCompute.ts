/**
 * Gets the live figures ready in the background once the first slide has
 * painted (issue 16): the training worker starts with its own backend (for
 * the lab and the race), every widget's code is fetched, and tfjs starts its
 * backend on the page (for the Gumbel-max and temperature figures). So the
 * wasm binary is fetched and compiled while the title slide shows, and a
 * figure computes soon after its slide is reached. It waits for an idle
 * moment, so first paint is never delayed, and is skipped when the browser
 * asks to save data. Every start is idempotent: a figure that needs
 * something first simply finds it started (or starts it itself).
 */
import { useEffect } from 'react';
import { parseBackendName } from '../ml/backendPlan';
import { preloadWidgets } from '../widgets/registry';

/** The longest wait for an idle moment after the deck has mounted. */
const IDLE_TIMEOUT_MS = 2000;

async function prefetch(forced: ReturnType<typeof parseBackendName>) {
  // Imported here, not above: the training client's code stays out of the deck's first load.
  (await import('../runtime/useTrainingRun')).startTrainingWorker();
  await preloadWidgets();
  const backend = await import('../ml/backend');
  await backend.initBackend(forced);
}

export function usePrefetchCompute(): void {
  useEffect(() => {
    const connection = (navigator as { connection?: { saveData?: boolean } }).connection;
    if (connection?.saveData) return;
    const forced = parseBackendName(new URLSearchParams(window.location.search).get('backend'));
    // A failure here is reported by the figure that needs what failed, when it tries again.
    const start = () => void prefetch(forced).catch(() => {});
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(start, 500);
    return () => window.clearTimeout(id);
  }, []);
}
