/**
 * `npm run perf-doc`: writes docs/performance.md from the bench runs kept in
 * docs/bench/*.json (each the stdout of `npm run bench`), oldest first, or
 * from the files given as arguments in their order. To add a run:
 * `npm run -s bench > docs/bench/<commit>.json && npm run perf-doc`.
 */
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
if (process.argv.length <= 2) runs.sort((a, b) => a.date.localeCompare(b.date));
await writeFile('docs/performance.md', performanceDoc(runs));
process.stderr.write(`docs/performance.md from ${runs.length} run(s)\n`);
