/**
 * The service worker's code, as text with the version and file list filled in.
 * Navigations go to the network first (a new deployment shows on the next
 * visit) and fall back to the cache after a few seconds or when offline; the
 * content-hashed files come from the cache first. A new version fills its own
 * cache and takes over only when no page of the old one is open, so a page
 * never mixes files of two versions.
 */
export function serviceWorkerSource(version: string, files: readonly string[]): string {
  return `// Generated at build time by scripts/offlinePlugin.ts.
const VERSION = ${JSON.stringify(version)};
const CACHE = 'gsx-' + VERSION;
const FILES = ${JSON.stringify(files)};
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gsx-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'version') event.source?.postMessage({ kind: 'version', version: VERSION, files: FILES.length });
});

function networkFirst(request) {
  return new Promise((resolve) => {
    let settled = false;
    const fallback = () =>
      caches.match('./', { cacheName: CACHE }).then((cached) => {
        if (!settled && cached) {
          settled = true;
          resolve(cached);
        }
      });
    const timer = setTimeout(fallback, NAVIGATION_TIMEOUT_MS);
    fetch(request).then(
      (response) => {
        clearTimeout(timer);
        if (!settled) {
          settled = true;
          resolve(response);
        }
      },
      () => {
        clearTimeout(timer);
        fallback().then(() => {
          if (!settled) resolve(Response.error());
        });
      },
    );
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)));
});
`;
}
