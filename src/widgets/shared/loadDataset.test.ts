import { afterEach, describe, expect, it, vi } from 'vitest';
import { datasets } from './datasets';
import { downloadBytes, expectedBytes, limitsFor, STALL_MS } from './loadDataset';
import { readFileSync } from 'node:fs';

const limits = { maxBytes: 1000, stallMs: 5000 };

/** A response whose body gives `chunks` one by one. */
function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled < chunks.length) controller.enqueue(chunks[pulled++]!);
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    response: new Response(body, { headers }),
    get pulled() {
      return pulled;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

afterEach(() => vi.useRealTimers());

describe('downloadBytes', () => {
  it('returns the bytes of a download within the limits, with progress', async () => {
    const { response } = streamed([bytes(300, 1), bytes(200, 2)], { 'content-length': '500' });
    const progress: [number, number | null][] = [];
    const got = await downloadBytes(
      'd.bin',
      (r, t) => progress.push([r, t]),
      limits,
      async () => response,
    );
    expect(got.length).toBe(500);
    expect(got[0]).toBe(1);
    expect(got[499]).toBe(2);
    expect(progress).toEqual([
      [300, 500],
      [500, 500],
    ]);
  });

  it('refuses a file whose Content-Length is over the cap before reading its body', async () => {
    const fake = streamed([bytes(10)], { 'content-length': '1001' });
    await expect(
      downloadBytes(
        'd.bin',
        () => {},
        limits,
        async () => fake.response,
      ),
    ).rejects.toThrow(
      'Could not download d.bin: the server announces 1,001 bytes, more than the 1,000 bytes this data file can be.',
    );
    expect(fake.pulled).toBeLessThanOrEqual(1); // a stream may pull once ahead; nothing was read
    expect(fake.cancelled).toBe(true);
  });

  it('accepts a Content-Length exactly at the cap', async () => {
    const { response } = streamed([bytes(1000)], { 'content-length': '1000' });
    await expect(
      downloadBytes(
        'd.bin',
        () => {},
        limits,
        async () => response,
      ),
    ).resolves.toHaveLength(1000);
  });

  it('stops a download without Content-Length once more than the cap has arrived', async () => {
    // An endless body, a chunk per macrotask: without the cap the test times out.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        pulled++;
        controller.enqueue(bytes(300));
      },
    });
    await expect(
      downloadBytes(
        'd.bin',
        () => {},
        limits,
        async () => new Response(endless),
      ),
    ).rejects.toThrow('Could not download d.bin: 1,200 bytes arrived, more than the 1,000 bytes');
    expect(pulled).toBeLessThan(6);
  });

  it('gives up when nothing arrives for the stall time, while waiting for the answer or in the body', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const never = downloadBytes(
      'd.bin',
      () => {},
      limits,
      (_url, init) => {
        signal = init.signal ?? undefined;
        return new Promise<Response>(() => {});
      },
    );
    const neverSettled = expect(never).rejects.toThrow(
      'Could not download d.bin: nothing arrived for 5 seconds. Check the connection and try again.',
    );
    await vi.advanceTimersByTimeAsync(4999);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await neverSettled;
    expect(signal?.aborted).toBe(true);

    // Bytes keep the download alive: three chunks 3 s apart take 9 s in all;
    // then a pause longer than the stall time ends it.
    let sent = 0;
    let cancelled = false;
    const slow = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        new Promise<void>((resolve) => {
          if (sent === 3) return; // no more bytes, ever
          setTimeout(() => {
            sent++;
            controller.enqueue(bytes(100));
            resolve();
          }, 3000);
        }),
      cancel: () => void (cancelled = true),
    });
    const progress: number[] = [];
    let settled = false;
    const stuck = downloadBytes(
      'd.bin',
      (r) => progress.push(r),
      limits,
      async () => new Response(slow),
    );
    const stuckSettled = expect(stuck).rejects.toThrow('nothing arrived for 5 seconds');
    void stuck.catch(() => {}).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(9000);
    expect(progress).toEqual([100, 200, 300]);
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await stuckSettled;
    expect(cancelled).toBe(true);
  });

  it('says so when the network fails or the server answers an error', async () => {
    await expect(
      downloadBytes(
        'd.bin',
        () => {},
        limits,
        () => Promise.reject(new TypeError('Failed to fetch')),
      ),
    ).rejects.toThrow('Could not download d.bin: the network failed.');
    await expect(
      downloadBytes(
        'd.bin',
        () => {},
        limits,
        async () => new Response('no', { status: 404, statusText: 'Not Found' }),
      ),
    ).rejects.toThrow('Could not download d.bin: the server answered 404 Not Found.');
  });
});

describe('limitsFor', () => {
  it('caps each data file at twice the length its data set has, which is its real length today', () => {
    for (const info of Object.values(datasets)) {
      expect(readFileSync(`public/${info.file}`).length).toBe(expectedBytes(info));
      expect(limitsFor(`./${info.file}`)).toEqual({
        maxBytes: 2 * expectedBytes(info),
        stallMs: STALL_MS,
      });
    }
    expect(limitsFor('./data/other.bin').maxBytes).toBe(2 * expectedBytes(datasets.fashion));
  });
});
