import type { Page } from 'playwright-core';

/** A PNG decoded by the page's own image decoder (createImageBitmap): its size and RGBA pixels. */
export async function pngPixels(
  page: Page,
  png: Buffer,
): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }> {
  const { width, height, rgba } = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) {
      binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    }
    return { width: bitmap.width, height: bitmap.height, rgba: btoa(binary) };
  }, png.toString('base64'));
  return { width, height, rgba: new Uint8ClampedArray(Buffer.from(rgba, 'base64')) };
}
