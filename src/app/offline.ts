import { useEffect, useState } from 'react';

export type OfflineStatus = 'unsupported' | 'preparing' | 'ready' | 'failed';

/**
 * Registers the service worker of a production build and reports when the app
 * works offline: a worker controls the page and its cache holds every file.
 */
export function useOfflineStatus(): OfflineStatus {
  const supported =
    import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
  const [status, setStatus] = useState<OfflineStatus>(supported ? 'preparing' : 'unsupported');
  useEffect(() => {
    if (!supported) return;
    let alive = true;
    const check = async () => {
      const registration = await navigator.serviceWorker.ready;
      const keys = await caches.keys();
      if (alive && registration.active && keys.some((k) => k.startsWith('gsx-')))
        setStatus('ready');
    };
    navigator.serviceWorker.register('./sw.js').then(
      () => void check(),
      () => alive && setStatus('failed'),
    );
    navigator.serviceWorker.addEventListener('controllerchange', check);
    return () => {
      alive = false;
      navigator.serviceWorker.removeEventListener('controllerchange', check);
    };
  }, [supported]);
  return status;
}
