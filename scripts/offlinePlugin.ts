import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { serviceWorkerSource } from './serviceWorkerSource.ts';

/** Files a browser never fetches: KaTeX's older font formats and the threaded wasm. */
const SKIP = /\.(ttf|woff)$|threaded-simd\.wasm$|\.map$/;

function publicFiles(dir: string, prefix = ''): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory()
        ? publicFiles(full, `${prefix}${name}/`)
        : [`${prefix}${name}`];
    });
  } catch {
    return [];
  }
}

/**
 * Writes `sw.js` next to the built files, listing every file the app needs, so
 * that after one visit it starts and works with no network. The version is a
 * hash of the file names (which carry content hashes) and of the public files'
 * bytes, so a new deployment
 * gets a new service worker and a new cache.
 */
export function offlineServiceWorker(): Plugin {
  let publicDir = 'public';
  return {
    name: 'offline-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const files = [
        './',
        ...Object.keys(bundle).filter((f) => !SKIP.test(f)),
        ...publicFiles(publicDir).filter((f) => !SKIP.test(f)),
      ].sort();
      // Built files carry content hashes in their names; public files (the data)
      // do not, so their bytes go into the version too.
      const hash = createHash('sha256').update(files.join('\n'));
      for (const f of publicFiles(publicDir).filter((f) => !SKIP.test(f)))
        hash.update(readFileSync(path.join(publicDir, f)));
      const version = hash.digest('hex').slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: serviceWorkerSource(version, files),
      });
    },
  };
}
