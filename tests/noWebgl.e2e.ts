import { describe, expect, it } from 'vitest';
import { serveApp } from './support/app';

// A browser without WebGL, as on some locked-down or very old machines. (This
// Chromium keeps WebGL despite --disable-3d-apis, so every canvas refuses it.)
const noWebGL = `
for (const proto of [HTMLCanvasElement.prototype, OffscreenCanvas.prototype]) {
  const original = proto.getContext;
  proto.getContext = function (type, ...rest) {
    return /webgl/.test(String(type)) ? null : original.call(this, type, ...rest);
  };
}`;
const app = serveApp({ initScript: noWebGL });

describe('without WebGL', () => {
  it('falls back to WebAssembly with a visible reason', async () => {
    const { page, log } = await app.open();
    await page.keyboard.press('Shift+?');
    const status = page.locator('.compute-status');
    await expect.poll(() => status.getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
    expect(await status.textContent()).toContain('WebGL 2 is not available');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('says that a forced webgl failed and which backend took over', async () => {
    const { page } = await app.open('', { query: '?backend=webgl' });
    await page.keyboard.press('Shift+?');
    const status = page.locator('.compute-status');
    await expect.poll(() => status.getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
    expect(await status.textContent()).toMatch(/webgl failed: .*Using wasm/);
    await page.close();
  });
});
