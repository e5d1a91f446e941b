import { useEffect, useState } from 'react';

export type OfflineStatus = 'unsupported' | 'preparing' | 'ready' | 'failed';

/**
 * Resolves true once the registration has an active worker (its install, which
 * fills the precache, succeeded), false when the worker being installed fails.
 */
function whenActive(registration: ServiceWorkerRegistration): Promise<boolean> {
  if (registration.active) return Promise.resolve(true);
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onChange = () => {
      if (worker.state === 'activated' || worker.state === 'redundant') {
        worker.removeEventListener('statechange', onChange);
        resolve(worker.state === 'activated' || registration.active !== null);
      }
    };
    worker.addEventListener('statechange', onChange);
  });
}

/**
 * Registers the service worker of a production build (made by vite-plugin-pwa,
 * see scripts/offlinePlugin.ts) and reports when the app works offline: the
 * worker for this deployment's scope is active and its precache is there.
 * `./sw.js` and the scope `./` are relative to the page, so every deployment
 * under its own sub-path gets its own worker and cache.
 */
export function useOfflineStatus(): OfflineStatus {
  const supported =
    import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
  const [status, setStatus] = useState<OfflineStatus>(supported ? 'preparing' : 'unsupported');
  useEffect(() => {
    if (!supported) return;
    let alive = true;
    const check = async (registration: ServiceWorkerRegistration) => {
      const active = await whenActive(registration);
      const keys = await caches.keys();
      const cached = keys.some((k) => k.includes('-precache-') && k.endsWith(registration.scope));
      if (alive) setStatus(active && cached ? 'ready' : 'failed');
    };
    navigator.serviceWorker.register('./sw.js', { scope: './' }).then(
      (registration) => void check(registration),
      () => alive && setStatus('failed'),
    );
    return () => {
      alive = false;
    };
  }, [supported]);
  return status;
}
