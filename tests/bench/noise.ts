/**
 * Drawing Gumbel samples per backend: our counter-based generator against
 * tf.randomUniform plus the transform, and against plain JavaScript with
 * Math.random. Ratios are within one run (the machine is noisy).
 */
import type { BenchContext } from './runBench';
import { callMl } from '../support/ml';

const SIZES = [1e4, 1e5, 1e6];

export async function benchNoise({ browser, e2eUrl }: BenchContext) {
  const page = await browser.context.newPage();
  await page.goto(e2eUrl);
  await page.locator('.stage .slide').waitFor();
  const results: Record<string, unknown> = {};
  for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
    await callMl(page, 'useBackend', backend);
    const rows: Record<string, unknown> = {};
    for (const n of SIZES) {
      const reps = n >= 1e6 ? 5 : 9;
      const ms = {
        counterNoReadback: await callMl(page, 'timeGumbelDraw', 'counter', n, false, reps),
        counterReadback: await callMl(page, 'timeGumbelDraw', 'counter', n, true, reps),
        randomUniformNoReadback: await callMl(
          page,
          'timeGumbelDraw',
          'randomUniform',
          n,
          false,
          reps,
        ),
        randomUniformReadback: await callMl(page, 'timeGumbelDraw', 'randomUniform', n, true, reps),
        mathRandomJs: await callMl(page, 'timeGumbelDraw', 'mathRandom', n, true, reps),
      };
      rows[String(n)] = {
        medianMs: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, round(v)])),
        speedupOverRandomUniformNoReadback: round(
          ms.randomUniformNoReadback / ms.counterNoReadback,
        ),
        speedupOverRandomUniformReadback: round(ms.randomUniformReadback / ms.counterReadback),
        speedupOverMathRandom: round(ms.mathRandomJs / ms.counterReadback),
      };
      process.stderr.write(`  noise ${backend} n=${n} done\n`);
    }
    results[backend] = rows;
  }
  await page.close();
  return {
    goal: 'on webgl, 1e6 samples without readback at least 5x faster than tf.randomUniform plus the transform',
    ...results,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
