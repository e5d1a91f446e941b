// Prints the plain closing line CI reads, "N passed, N failed", from the JSON
// reports that `npm test` leaves in tests/.artifacts/. A stage that never wrote
// its report (the gate stopped earlier, at typecheck or lint) counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const stage of ['unit', 'browser']) {
  const file = `tests/.artifacts/${stage}.json`;
  if (!existsSync(file)) {
    console.log(`${stage}: no report (the gate stopped before it)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numTotalTestSuites === 0 ? 1 : 0);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
