import type { DatasetInfo } from './datasets';
import type { LoadState } from './loadDataset';

/** The data set's download progress, or why it failed with a way to try again. */
export function DataLoadStatus({
  load,
  info,
  onRetry,
}: {
  load: LoadState;
  info: DatasetInfo;
  onRetry: () => void;
}) {
  return (
    <>
      {load.status === 'loading' && (
        <p className="race-status">
          <label>
            Loading {info.label}{' '}
            <progress
              max={load.total ?? undefined}
              value={load.total ? load.received : undefined}
            />
          </label>{' '}
          {(load.received / 1024).toFixed(0)} KB
        </p>
      )}
      {load.status === 'error' && (
        <p className="widget__problem" role="alert">
          {load.message}{' '}
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
    </>
  );
}
