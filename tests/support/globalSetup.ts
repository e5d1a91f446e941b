/**
 * The browser tests run against the production build made with `--mode e2e`
 * (identical but for a read-only test hook). `npm run test:browser` builds it
 * first; this only checks that it is there, so a stale or missing build is a
 * clear failure rather than a confusing one.
 */
import { existsSync, readFileSync } from 'node:fs';

export default function setup() {
  if (!existsSync('dist/index.html')) {
    throw new Error('No dist/ build: run `npm run test:browser`, which builds it first.');
  }
  if (!readFileSync('dist/index.html', 'utf8').includes('data-build-mode="e2e"')) {
    throw new Error('dist/ is not an e2e build: run `npm run test:browser`, which builds one.');
  }
}
