import { describe, expect, it } from 'vitest';
import { serveApp } from './support/app';
import { callMl } from './support/ml';
import { heapMeter, largestGrowth } from './support/heap';

const app = serveApp();

/** Trained before the first reading: V8 keeps creating literal boilerplates and caches until about here. */
const WARM_UP = 500;
/** Trained between the two readings, 10 steps a frame as the widget does: about 30 s on wasm here. */
const STEPS = 1000;
/**
 * Live JavaScript objects may grow by this many over STEPS steps. Measured in
 * windows of 500 steps: +17 (300–600), +6, +1, +2, 0 (to 2,600), and +9 from
 * 500 to 5,000 (V8's own boilerplates and caches while it warms up); the
 * session's curves grow arrays in place and add no objects. One object leaked
 * per frame adds 100, one per step 1,000.
 */
const MAX_NEW_OBJECTS = 40;
/**
 * The used heap in bytes may grow by this much. Readings scatter by about
 * 0.2 MB (code compiled, flushed, recompiled); the curves need about 1 KB a
 * line. It catches a leak of a kilobyte a step, such as retained images.
 */
const MAX_GROWTH_BYTES = 1_000_000;

describe('the VAE race in the browser', () => {
  it('keeps its live objects, JS heap and tf.memory() flat as it trains', async () => {
    const { page, log } = await app.open('#/title');
    // The page settles first: the service worker caches every file and the status
    // bar then says so, which adds a few objects of its own that are not the race's.
    await page.locator('.status-bar__offline').waitFor({ timeout: 60_000 });
    // …and the print view draws the static computation graphs a few seconds after
    // the first load (so that Ctrl+P has them): their code and drawings are the
    // page's, not the race's, and must be in place before the first reading.
    await page
      .locator('.all-slides--print .estimator-graphs svg:not(:empty)')
      .first()
      .waitFor({ state: 'attached', timeout: 60_000 });
    await callMl(page, 'initBackend');
    const heap = await heapMeter(page);
    await callMl(page, 'raceOpen');
    await callMl(page, 'raceAdvanceTo', WARM_UP);
    const read = async () => ({
      objects: await heap.liveObjects(),
      bytes: await heap.usedAfterGc(),
      tf: await callMl(page, 'tfMemory'),
    });
    const before = await read();
    expect(await callMl(page, 'raceAdvanceTo', WARM_UP + STEPS)).toBe(WARM_UP + STEPS);
    const after = await read();
    expect(after.tf).toEqual(before.tf);
    expect(
      after.objects.total - before.objects.total,
      `new objects: ${largestGrowth(before.objects, after.objects)}`,
    ).toBeLessThanOrEqual(MAX_NEW_OBJECTS);
    expect(after.bytes - before.bytes).toBeLessThan(MAX_GROWTH_BYTES);
    await callMl(page, 'raceClose');
    await heap.detach();
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
