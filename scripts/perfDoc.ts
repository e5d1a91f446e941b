/**
 * `npm run perf-doc`: writes docs/performance.md from the bench runs kept in
 * docs/bench/*.json (each the stdout of `npm run bench`), in the order of the
 * commits they measured (a "before" run of an old commit made today comes
 * first), or from the files given as arguments in their order. To add a run:
 * `npm run -s bench > docs/bench/<commit>.json && npm run perf-doc`.
 */
import { execSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performanceDoc, type BenchRun } from './performanceDoc';

const dir = path.resolve('docs/bench');
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
const runs: BenchRun[] = [];
for (const file of files) {
  const run = JSON.parse(await readFile(file, 'utf8')) as BenchRun;
  if (typeof run.date !== 'string') throw new Error(`${file}: not the output of npm run bench`);
  runs.push(run);
}
/** When the run's commit was made (ISO), or the run's own date if git does not know it. */
function commitTime(run: BenchRun): string {
  const hash = /^[0-9a-f]{7,40}/.exec(run.commit ?? '')?.[0];
  if (!hash) return run.date;
  try {
    return execSync(`git show -s --format=%cI ${hash}`, { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return run.date;
  }
}
if (process.argv.length <= 2) {
  const key = new Map(runs.map((r) => [r, `${new Date(commitTime(r)).toISOString()} ${r.date}`]));
  runs.sort((a, b) => key.get(a)!.localeCompare(key.get(b)!));
}
await writeFile('docs/performance.md', performanceDoc(runs));
process.stderr.write(`docs/performance.md from ${runs.length} run(s)\n`);
