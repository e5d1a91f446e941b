/**
 * The browser tests run against two builds that `npm run test:browser` makes
 * first: `dist/`, the production build as deployed, and `dist-e2e/`, the same
 * with a read-only test hook. A test file that serves one checks it is there
 * (so a stale or missing build is a clear failure rather than a confusing one);
 * the dev-server test needs neither.
 */
import { existsSync, readFileSync } from 'node:fs';

export function requireBuild(dir: 'dist' | 'dist-e2e'): void {
  const mode = dir === 'dist' ? 'production' : 'e2e';
  const index = `${dir}/index.html`;
  if (!existsSync(index) || !readFileSync(index, 'utf8').includes(`data-build-mode="${mode}"`)) {
    throw new Error(`No ${mode} build in ${dir}/: run \`npm run test:browser\`, which builds it.`);
  }
}
