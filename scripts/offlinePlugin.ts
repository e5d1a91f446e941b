import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { iconPng, iconSvg } from './appIcon.ts';

/** Writes the manifest's icons next to the built files: one SVG and two PNGs drawn from it. */
function appIcons(): Plugin {
  return {
    name: 'app-icons',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'icon.svg', source: iconSvg() });
      for (const size of [192, 512])
        this.emitFile({ type: 'asset', fileName: `icon-${size}.png`, source: iconPng(size) });
    },
  };
}

/**
 * The offline cache and the web app manifest, by vite-plugin-pwa (Workbox).
 *
 * - After one visit every file the app fetches is in Workbox's precache: code,
 *   KaTeX's woff2 fonts, the non-threaded wasm binaries, the data files, the icons.
 *   Left out: KaTeX's ttf/woff fonts (no current browser asks for them) and the
 *   threaded wasm (the app never loads it: no cross-origin isolation on GitHub Pages).
 * - Workbox names its precache after the service worker's scope
 *   (`workbox-precache-v2-https://user.github.io/a/`), so deployments at two
 *   sub-paths of one origin keep separate caches. Each updates only its own
 *   cache when it activates. `cleanupOutdatedCaches` stays off: it deletes every
 *   precache whose name merely contains this scope, which would include the
 *   caches of deployments nested under it (a site at the origin root would
 *   delete those of every project below it).
 * - Navigations to this deployment's page go to the network (a new deployment
 *   shows on the next visit); offline, or after 4 s without the page, the
 *   precached page of this version is used. `directoryIndex: null` keeps the
 *   precache from answering navigations to `./` before that route sees them.
 *   Navigations elsewhere under the scope (another project, when this one is
 *   at the origin root) are left to the browser.
 * - No skipWaiting, no clientsClaim: a new service worker waits until no page
 *   of the old version is open, so a page never mixes files of two versions.
 * - The Workbox runtime is bundled into sw.js (nothing from a CDN), and
 *   src/app/offline.ts registers `./sw.js` relative to the page, so any sub-path works.
 */
export function offlineApp(): Plugin[] {
  return [
    appIcons(),
    ...VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      includeManifestIcons: false,
      manifest: {
        name: 'ST and Gumbel-Softmax: an interactive lecture',
        short_name: 'Gumbel lecture',
        description:
          'An interactive lecture on straight-through and Gumbel-Softmax gradient estimators.',
        start_url: './',
        scope: './',
        display: 'fullscreen',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        lang: 'en',
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      },
      workbox: {
        mode: 'production',
        inlineWorkboxRuntime: true,
        sourcemap: false,
        globPatterns: ['**/*.{html,js,css,woff2,wasm,bin,svg,png}'],
        globIgnores: ['**/*threaded-simd*.wasm', 'sw.js'],
        // The wasm binaries and the Fashion-MNIST file are larger than Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        cleanupOutdatedCaches: false,
        clientsClaim: false,
        skipWaiting: false,
        navigateFallback: null,
        directoryIndex: null,
        runtimeCaching: [
          {
            // Only this deployment's own page: a site at the origin root must not
            // answer for the projects below it. In sw.js `location` is the worker's URL.
            urlPattern: ({ request, url }) =>
              request.mode === 'navigate' &&
              ['./', './index.html'].some(
                (page) => url.pathname === new URL(page, location.href).pathname,
              ),
            handler: 'NetworkOnly',
            options: {
              precacheFallback: { fallbackURL: 'index.html' },
              plugins: [
                {
                  // A page that takes over 4 s counts as a failed download, so the
                  // cached page is used (workbox-build allows networkTimeoutSeconds
                  // only with NetworkFirst, whose page cache could serve an older
                  // deployment's page). Copied into sw.js as text: no outside names.
                  requestWillFetch: async ({ request }) =>
                    new Request(request, { signal: AbortSignal.timeout(4000) }),
                },
              ],
            },
          },
        ],
      },
    }),
  ];
}
