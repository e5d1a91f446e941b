/**
 * The appendix: every estimator since 2017 that the registry holds runs in
 * the appendix's toy lab and in the race (those that apply to its K), without
 * a console error or growth of the training worker's tensors, and lowers its
 * objective within a few hundred steps.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveApp } from './support/app';
import { estimators } from '../src/ml/estimators/registry';

const app = serveApp();
const since2017 = estimators.filter((e) => e.era === 'since-2017').map((e) => e.id);

type Hook = {
  step: number;
  snapshot: () => unknown;
  memory: () => Promise<{ numTensors: number }>;
};
/** The run behind a widget's test hook (`labRun`, `vaeRace`), as plain data. */
const run = <T>(page: Page, hook: string, what: 'snapshot' | 'memory' | 'step') =>
  page.evaluate(
    async ([name, part]) => {
      const r = (window as unknown as { __explorer: Record<string, () => Hook | null> }).__explorer[
        name!
      ]!();
      if (!r) return null;
      if (part === 'snapshot') return r.snapshot();
      if (part === 'memory') return (await r.memory()).numTensors;
      return r.step;
    },
    [hook, what] as const,
  ) as Promise<T>;

/** Plays until `steps`, pauses, and returns the step it rests at. */
async function playTo(page: Page, hook: string, steps: number, timeout: number) {
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect
    .poll(() => run<number>(page, hook, 'step'), { timeout })
    .toBeGreaterThanOrEqual(steps);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  let rest = -1;
  await expect
    .poll(async () => {
      const before = rest;
      rest = await run<number>(page, hook, 'step');
      return rest === before;
    })
    .toBe(true);
  return rest;
}

/** Live tensors after a paused run takes `steps` single steps: the same as before them. */
async function expectNoGrowth(page: Page, hook: string, steps: number) {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  // A warm-up step first: kernels and the probe may cache on first use.
  const start = await run<number>(page, hook, 'step');
  await step.click();
  await expect.poll(() => run<number>(page, hook, 'step')).toBe(start + 1);
  const before = await run<number>(page, hook, 'memory');
  for (let i = 0; i < steps; i++) {
    await step.click();
    await expect.poll(() => run<number>(page, hook, 'step')).toBe(start + 2 + i);
  }
  expect(await run<number>(page, hook, 'memory')).toBe(before);
}

describe('the appendix', () => {
  it('has estimators since 2017 to show', () => {
    expect(since2017.length).toBeGreaterThan(0);
  });

  it('trains every estimator since 2017 in its toy lab', async () => {
    const { page, log } = await app.open(
      `#/beyond-lab?lab.est=${since2017.join(',')}&lab.preset=linear&lab.k=2&lab.speed=50&lab.tau=1`,
    );
    // Seven strips are compact (one line each): beside each histogram, its sd alone.
    await expect
      .poll(() => page.locator('.estimator-lab .lab-strip__numbers').last().textContent(), {
        timeout: 60_000,
      })
      .toContain('sd');
    await playTo(page, 'labRun', 300, 60_000);
    const lab = await run<{
      lines: { name: string; objective: number[]; stopped: string | null }[];
    }>(page, 'labRun', 'snapshot');
    for (const id of since2017) {
      const line = lab.lines.find((l) => l.name === id);
      expect(line, id).toBeDefined();
      expect(line!.stopped, id).toBeNull();
      // E[b] on two classes (the linear problem): every estimator's mean points downhill
      // there (even straight-through's is exact for a linear f), so each must lower it from
      // ½ within 300 steps. (On E[(b − 0.45)²] the biased ones stall near ½, where a
      // below-the-start check would be a coin flip of the noise.)
      expect(line!.objective.at(-1)!, id).toBeLessThan(line!.objective[0]!);
    }
    await expectNoGrowth(page, 'labRun', 5);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('races every estimator since 2017 that applies to K = 2 in the VAE race', async () => {
    const binary = since2017; // every estimator applies to two classes
    const { page, log } = await app.open(
      `#/results?vae.k=2&vae.est=${binary.join(',')}&vae.speed=50`,
    );
    await expect
      .poll(() => page.locator('.vae-race .race-table__ours th').textContent(), {
        timeout: 60_000,
      })
      .toMatch(/at step 0/);
    // Seven of ours: their numbers are in a table of their own, under the paper's.
    await expect
      .poll(() => page.locator('.vae-race .race-table__since-ours').textContent())
      .toMatch(/\d/);
    await playTo(page, 'vaeRace', 200, 120_000);
    const race = await run<{
      lines: { name: string; heldOut: { values: number[] }; stopped: string | null }[];
    }>(page, 'vaeRace', 'snapshot');
    for (const id of binary) {
      const line = race.lines.find((l) => l.name === id);
      expect(line, id).toBeDefined();
      expect(line!.stopped, id).toBeNull();
      // Held-out −ELBO at step 0 and at the last evaluation (every 100 steps).
      expect(line!.heldOut.values.length, id).toBeGreaterThanOrEqual(3);
      expect(line!.heldOut.values.at(-1)!, id).toBeLessThan(line!.heldOut.values[0]!);
    }
    // The results table has a column of their own for them, marked as ours.
    for (const e of estimators.filter((x) => binary.includes(x.id) && !x.paperColumn))
      await expect
        .poll(() =>
          page.locator('.race-table th[title="ours, not in the paper"]').allTextContents(),
        )
        .toContain(`${e.label}‡`);
    await expectNoGrowth(page, 'vaeRace', 3);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
