/**
 * The browser tests run against two builds that `npm run test:browser` makes
 * first: `dist/`, the production build as deployed, and `dist-e2e/`, the same
 * with a read-only test hook. This only checks that both are there, so a stale
 * or missing build is a clear failure rather than a confusing one.
 */
import { existsSync, readFileSync } from 'node:fs';

export default function setup() {
  for (const [dir, mode] of [
    ['dist', 'production'],
    ['dist-e2e', 'e2e'],
  ]) {
    const index = `${dir}/index.html`;
    if (!existsSync(index) || !readFileSync(index, 'utf8').includes(`data-build-mode="${mode}"`)) {
      throw new Error(
        `No ${mode} build in ${dir}/: run \`npm run test:browser\`, which builds it.`,
      );
    }
  }
}
