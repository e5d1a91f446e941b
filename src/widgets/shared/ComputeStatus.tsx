import { useEffect, useState } from 'react';
import type { BackendInfo } from '../../ml/backend';
import { parseBackendName } from '../../ml/backendPlan';

/** The `?backend=` of the page's URL, or null; an unknown value is reported, not obeyed. */
export function requestedBackend(search: string): {
  forced: ReturnType<typeof parseBackendName>;
  problem?: string;
} {
  const raw = new URLSearchParams(search).get('backend');
  if (raw === null || raw === '') return { forced: null };
  const forced = parseBackendName(raw);
  return forced
    ? { forced }
    : {
        forced: null,
        problem: `“${raw.slice(0, 20)}” is not a backend (webgl, wasm or cpu); chosen automatically.`,
      };
}

export type Status =
  { state: 'loading' } | { state: 'ready'; info: BackendInfo } | { state: 'failed'; error: string };

/** Which backend computes the live figures, and why: loads tfjs on first use. */
export function useComputeStatus(): Status & { problem?: string } {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const { forced, problem } = requestedBackend(window.location.search);
  useEffect(() => {
    let alive = true;
    let unsubscribe = () => {};
    void import('../../ml/backend').then(async (backend) => {
      unsubscribe = backend.onBackendChange((info) => alive && setStatus({ state: 'ready', info }));
      try {
        const info = await backend.initBackend(forced);
        if (alive) setStatus({ state: 'ready', info });
      } catch (error) {
        if (alive) setStatus({ state: 'failed', error: String(error) });
      }
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [forced]);
  return problem ? { ...status, problem } : status;
}

/** One paragraph for the help overlay. */
export function ComputeStatus() {
  const status = useComputeStatus();
  return (
    <p className="compute-status" data-backend={status.state === 'ready' ? status.info.name : ''}>
      <strong>Computation: </strong>
      {status.state === 'loading' && 'starting TensorFlow.js…'}
      {status.state === 'failed' && `no backend could start (${status.error}).`}
      {status.state === 'ready' && (
        <>
          <span className="compute-status__name">{status.info.name}</span>. {status.info.reason}
          {status.info.renderer && <> WebGL renderer: {status.info.renderer}.</>} Add{' '}
          <code>?backend=webgl</code>, <code>wasm</code> or <code>cpu</code> to the address to
          choose.
        </>
      )}
      {status.problem && <span className="compute-status__problem"> {status.problem}</span>}
    </p>
  );
}

/**
 * A small label in a widget: which backend computes it, with the reason on
 * hover and for screen readers. Without `status`, the page's own backend;
 * the training figures pass their worker's.
 */
export function BackendBadge({ status }: { status?: Status }) {
  return status ? <BackendLabel status={status} /> : <PageBackendBadge />;
}

function PageBackendBadge() {
  return <BackendLabel status={useComputeStatus()} />;
}

function BackendLabel({ status }: { status: Status }) {
  const text =
    status.state === 'ready'
      ? status.info.name
      : status.state === 'loading'
        ? 'starting…'
        : 'unavailable';
  const reason =
    status.state === 'ready'
      ? status.info.reason
      : status.state === 'failed'
        ? status.error
        : 'loading TensorFlow.js';
  return (
    <span
      className="backend-badge"
      title={reason}
      data-backend={status.state === 'ready' ? status.info.name : ''}
      data-export="omit"
    >
      computed with <strong>{text}</strong>
      <span className="visually-hidden"> ({reason})</span>
    </span>
  );
}
