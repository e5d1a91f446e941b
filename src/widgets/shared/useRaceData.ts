import { useState } from 'react';
import { useAsyncResult } from './useAsyncResult';
import type { DatasetInfo } from './datasets';
import { describeLoadError, loadImageSet, type LoadState } from './loadDataset';

/** The race's data set as it loads (with progress), and a way to try again after an error. */
export function useRaceData(info: DatasetInfo): { load: LoadState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const loadKey = `${info.file}#${attempt}`;
  const loaded = useAsyncResult<LoadState>(loadKey, (_isStale, report) =>
    loadImageSet(`${import.meta.env.BASE_URL}${info.file}`, (received, total) =>
      report({ status: 'loading', received, total }),
    ).then(
      (images): LoadState => ({ status: 'ready', set: images }),
      (e: unknown): LoadState => ({ status: 'error', message: describeLoadError(e) }),
    ),
  );
  const load: LoadState =
    loaded?.key === loadKey ? loaded.value : { status: 'loading', received: 0, total: null };
  return { load, retry: () => setAttempt((a) => a + 1) };
}
