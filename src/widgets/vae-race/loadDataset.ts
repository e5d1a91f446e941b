/**
 * Fetches a data file once per page, with progress, and checks it before use.
 * A failed or corrupt download is forgotten, so "Try again" fetches it afresh.
 */
import { decodeImageSet, ImageSetError, type ImageSet } from '../../ml/imageSet';

export type LoadState =
  | { status: 'loading'; received: number; total: number | null }
  | { status: 'error'; message: string }
  | { status: 'ready'; set: ImageSet };

const loaded = new Map<string, Promise<ImageSet>>();

async function fetchWithProgress(
  url: string,
  onProgress: (received: number, total: number | null) => void,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new ImageSetError(
      `Could not download ${url}: the network failed. Check the connection and try again.`,
    );
  }
  if (!response.ok)
    throw new ImageSetError(
      `Could not download ${url}: the server answered ${response.status} ${response.statusText}.`,
    );
  const header = Number(response.headers.get('content-length'));
  const total = Number.isFinite(header) && header > 0 ? header : null;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The checked image set at `url` (relative to the app's base). */
export function loadImageSet(
  url: string,
  onProgress: (received: number, total: number | null) => void,
): Promise<ImageSet> {
  let promise = loaded.get(url);
  if (!promise) {
    const name = url.split('/').pop() ?? url;
    promise = fetchWithProgress(url, onProgress).then((bytes) => decodeImageSet(bytes, name));
    promise.catch(() => loaded.delete(url));
    loaded.set(url, promise);
  }
  return promise;
}

export const describeLoadError = (e: unknown) =>
  e instanceof ImageSetError ? e.message : `The data could not be read: ${String(e)}`;
