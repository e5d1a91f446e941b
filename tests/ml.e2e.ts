import { describe, expect, it } from 'vitest';
import { serveApp } from './support/app';
import { callMl } from './support/ml';

const app = serveApp();

describe('numerics in the browser', () => {
  it('draws identical uniforms on webgl, wasm and cpu, and Gumbel values within 1e-5', async () => {
    const { page, log } = await app.open();
    const draws: Record<string, { u: number[]; g: number[]; far: number[] }> = {};
    for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
      await callMl(page, 'useBackend', backend);
      expect(await callMl(page, 'backendName')).toBe(backend);
      // On webgl the numbers must come from the GPU program, not the JavaScript fallback.
      expect(await callMl(page, 'webglNoiseAvailable')).toBe(backend === 'webgl');
      // The races' Adam runs fused where it can: on wasm, only if tfjs's memory was reachable.
      expect(await callMl(page, 'fusedAdamAvailable')).toBe(backend !== 'webgl');
      draws[backend] = {
        u: await callMl(page, 'uniforms', 20261126, 50_000),
        g: await callMl(page, 'gumbels', 20261126, 50_000),
        // Indices past 2³¹ (the offset travels as an int32 uniform on the GPU).
        far: await callMl(page, 'uniforms', 0xdeadbeef, 1000, 2 ** 31 + 12345),
      };
    }
    const { webgl, wasm, cpu } = draws as Record<'webgl' | 'wasm' | 'cpu', (typeof draws)[string]>;
    expect(webgl.u).toEqual(cpu.u);
    expect(wasm.u).toEqual(cpu.u);
    expect(webgl.far).toEqual(cpu.far);
    let worst = 0;
    webgl.g.forEach((g, i) => (worst = Math.max(worst, Math.abs(g - cpu.g[i]!))));
    expect(worst).toBeLessThan(1e-5);
    expect(wasm.g).toEqual(cpu.g);
    expect(Math.min(...webgl.u)).toBeGreaterThan(0);
    expect(Math.max(...webgl.u)).toBeLessThan(1);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('gives every estimator the same estimates on webgl, wasm and cpu for the same seed', async () => {
    // Same noise, same maths: the backends may differ only by float32 rounding.
    const { page } = await app.open();
    const names = await callMl(page, 'registeredEstimators');
    expect(names.length).toBeGreaterThanOrEqual(5);
    const results: Record<string, number[][]> = {};
    for (const backend of ['cpu', 'wasm', 'webgl'] as const) {
      await callMl(page, 'useBackend', backend);
      results[backend] = [];
      for (const name of names) {
        // Binary-only estimators (ARM, DisARM) on two classes, the others on four.
        const binary = (await callMl(page, 'estimatorClasses', name)) === 'binary';
        const logits = binary ? [0.2, -0.3] : [0.2, -0.3, 0.1, 0.4];
        const m = await callMl(page, 'labMoments', name, logits, 0.5, 500);
        expect(m.sd, `${backend} ${name}`).toBeGreaterThan(0.01);
        results[backend].push(m.first);
      }
    }
    for (const backend of ['wasm', 'webgl']) {
      results[backend]!.forEach((first, i) =>
        first.forEach((v, j) =>
          expect(v, `${backend} ${names[i]}`).toBeCloseTo(results.cpu![i]![j]!, 4),
        ),
      );
    }
    await page.close();
  });

  it('passes the KS test on the WebGL noise (1e5 samples, 0.1% level)', async () => {
    const { page } = await app.open();
    await callMl(page, 'useBackend', 'webgl');
    const { distance, critical } = await callMl(page, 'ksOfGumbel', 97, 100_000);
    expect(distance).toBeLessThan(critical);
    await page.close();
  });

  it('chooses wasm on this software WebGL and says why, in the help overlay', async () => {
    const { page, log } = await app.open();
    await page.keyboard.press('Shift+?');
    const status = page.locator('.compute-status');
    await expect.poll(() => status.getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
    expect(await status.textContent()).toMatch(/software.*SwiftShader/i);
    expect(log.failedRequests).toEqual([]);
    expect(log.offOrigin).toEqual([]);
    await page.close();
  });

  it('obeys ?backend= and reports a value it does not know', async () => {
    for (const forced of ['cpu', 'webgl'] as const) {
      const { page } = await app.open('', { query: `?backend=${forced}` });
      await page.keyboard.press('Shift+?');
      const status = page.locator('.compute-status');
      await expect
        .poll(() => status.getAttribute('data-backend'), { timeout: 60_000 })
        .toBe(forced);
      expect(await status.textContent()).toContain(`?backend=${forced}`);
      await page.close();
    }
    const { page } = await app.open('', { query: '?backend=quantum' });
    await page.keyboard.press('Shift+?');
    const status = page.locator('.compute-status');
    await expect.poll(() => status.getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
    expect(await status.textContent()).toContain('“quantum” is not a backend');
    await page.close();
  });

  it('moves to the next backend when the WebGL context is lost', async () => {
    const { page } = await app.open('', { query: '?backend=webgl' });
    const first = await callMl(page, 'initBackend', 'webgl');
    expect(first.name).toBe('webgl');
    const next = await callMl(page, 'loseWebGLContext');
    expect(next.name).toBe('wasm');
    expect(next.reason).toContain('WebGL context was lost');
    // It still computes, and the same numbers.
    expect(await callMl(page, 'uniforms', 1, 5)).toHaveLength(5);
    await page.close();
  });
});
