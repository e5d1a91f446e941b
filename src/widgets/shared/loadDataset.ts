/**
 * Fetches a data file once per page, with progress, and checks it before use.
 * The download is bounded: a file far larger than the data set can be is
 * refused (from its Content-Length, or once that many bytes have arrived), and
 * a download that receives nothing for a while is given up. A failed or
 * corrupt download is forgotten, so "Try again" fetches it afresh.
 */
import { decodeImageSet, imageSetLength, ImageSetError, type ImageSet } from '../../ml/imageSet';
import { datasets, type DatasetInfo } from './datasets';

export type LoadState =
  | { status: 'loading'; received: number; total: number | null }
  | { status: 'error'; message: string }
  | { status: 'ready'; set: ImageSet };

export interface DownloadLimits {
  /** More bytes than this and the download is refused. */
  maxBytes: number;
  /** No byte for this long and the download is given up. */
  stallMs: number;
}

/** The file's length in the image-set format. */
export const expectedBytes = (info: DatasetInfo) =>
  imageSetLength(info.side, info.side, info.train + info.heldOut);

/** How long a download may go without receiving anything. */
export const STALL_MS = 10_000;

/**
 * Twice the length the data set has today, so that a rebuilt file with more
 * images still loads, while a wrong or endless answer stops early. A file that
 * is none of the data sets gets the largest cap.
 */
export function limitsFor(url: string): DownloadLimits {
  const all = Object.values(datasets);
  const info = all.find((d) => url.endsWith(d.file));
  const bytes = info ? expectedBytes(info) : Math.max(...all.map(expectedBytes));
  return { maxBytes: 2 * bytes, stallMs: STALL_MS };
}

const formatBytes = (n: number) => `${n.toLocaleString('en')} bytes`;

/**
 * The bytes at `url`, read as a stream with progress and within `limits`;
 * throws an `ImageSetError` with a message for the user when it cannot.
 */
export async function downloadBytes(
  url: string,
  onProgress: (received: number, total: number | null) => void,
  limits: DownloadLimits,
  fetchFile: (url: string, init: RequestInit) => Promise<Response> = fetch,
): Promise<Uint8Array> {
  const controller = new AbortController();
  let fail: (e: Error) => void = () => {};
  const stalled = new Promise<never>((_, reject) => (fail = reject));
  stalled.catch(() => {}); // only read through the races below
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** (Re)starts the stall clock: called whenever something arrives. */
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Rejected first, so the races below end with this message, not the abort's.
      fail(
        new ImageSetError(
          `Could not download ${url}: nothing arrived for ${limits.stallMs / 1000} seconds. Check the connection and try again.`,
        ),
      );
      controller.abort();
    }, limits.stallMs);
  };
  const tooLarge = (what: string) =>
    new ImageSetError(
      `Could not download ${url}: ${what}, more than the ${formatBytes(limits.maxBytes)} this data file can be. The server sent something else; try again later.`,
    );
  try {
    arm();
    let response: Response;
    try {
      response = await Promise.race([fetchFile(url, { signal: controller.signal }), stalled]);
    } catch (e) {
      if (e instanceof ImageSetError) throw e;
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
    if (total !== null && total > limits.maxBytes) {
      void response.body?.cancel().catch(() => {});
      controller.abort();
      throw tooLarge(`the server announces ${formatBytes(total)}`);
    }
    if (!response.body) {
      const bytes = new Uint8Array(await Promise.race([response.arrayBuffer(), stalled]));
      if (bytes.length > limits.maxBytes) throw tooLarge(`${formatBytes(bytes.length)} arrived`);
      return bytes;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    try {
      for (;;) {
        const { done, value } = await Promise.race([reader.read(), stalled]);
        if (done) break;
        arm();
        received += value.length;
        if (received > limits.maxBytes) throw tooLarge(`${formatBytes(received)} arrived`);
        chunks.push(value);
        onProgress(received, total);
      }
    } catch (e) {
      void reader.cancel().catch(() => {});
      controller.abort();
      throw e;
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}

const loaded = new Map<string, Promise<ImageSet>>();

/** The checked image set at `url` (relative to the app's base). */
export function loadImageSet(
  url: string,
  onProgress: (received: number, total: number | null) => void,
): Promise<ImageSet> {
  let promise = loaded.get(url);
  if (!promise) {
    const name = url.split('/').pop() ?? url;
    promise = downloadBytes(url, onProgress, limitsFor(url)).then((bytes) =>
      decodeImageSet(bytes, name),
    );
    promise.catch(() => loaded.delete(url));
    loaded.set(url, promise);
  }
  return promise;
}

export const describeLoadError = (e: unknown) =>
  e instanceof ImageSetError ? e.message : `The data could not be read: ${String(e)}`;
