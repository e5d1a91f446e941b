/**
 * A proxy for a real GPU (issue 16): on the webgl backend, the WebGL calls per
 * five-estimator race step and per frame of each figure (draw calls = kernel
 * launches, shader compilations after warm-up, texture uploads, readbacks),
 * counted by wrapping the context's methods (src/testing/gpuCounts.ts), and
 * tfjs's kernels per unit from tf.profile. Deterministic, unlike the times.
 */
import type { BenchContext } from './runBench';
import { callMl } from '../support/ml';
import type { CountedWork } from '../../src/testing/gpuCounts';

export const COUNTED_WORK: CountedWork[] = [
  'race-step',
  'race-step-one',
  'race-frame',
  'race-evaluation',
  'lab-frame',
  'gumbel-one-draw',
  'gumbel-draws-chunk',
  'sweep-noise',
];

/** The issue's counts before any change (main at 5b517c5), per five-estimator race step. */
export const ISSUE_BASELINE = { drawCalls: 434, textureUploads: 59 };

export async function benchGpu({ browser, e2eUrl }: BenchContext) {
  const page = await browser.context.newPage();
  await page.goto(`${e2eUrl}#/title`);
  // The app's own choice first: after useBackend, the automatic choice keeps the hand-chosen one.
  const auto = (await callMl(page, 'initBackend')).name;
  await callMl(page, 'useBackend', 'webgl');
  const rows: Record<string, unknown> = {};
  for (const work of COUNTED_WORK) {
    try {
      const counts = await callMl(page, 'countWork', work, work.startsWith('race') ? 3 : 5);
      rows[work] = counts;
      process.stderr.write(
        `  gpu ${work}: ${JSON.stringify(counts.perUnit)}, ${counts.kernels} kernels\n`,
      );
    } catch (error) {
      // E.g. a one-estimator race fails to build at 5b517c5 (tf.stack of one copy); report, go on.
      rows[work] = { error: String(error).split('\n')[0] };
      process.stderr.write(`  gpu ${work}: ${String(error).split('\n')[0]}\n`);
    }
  }
  // The kernels of the race step on the backend the app picks (wasm here).
  await callMl(page, 'useBackend', auto);
  const autoRace = await callMl(page, 'countWork', 'race-step', 1);
  await page.close();
  return {
    what: 'WebGL calls per unit of work on the webgl backend (SwiftShader here: the counts, not its times, say what a GPU would pay), and tfjs kernels per unit from tf.profile',
    goal: `per race step: draw calls at most half of ${ISSUE_BASELINE.drawCalls}, texture uploads a handful (was ${ISSUE_BASELINE.textureUploads}), shader compilations after warm-up 0`,
    issueBaseline: ISSUE_BASELINE,
    webgl: rows,
    raceStepKernelsOnAutoBackend: { backend: auto, kernels: autoRace.kernels },
  };
}
