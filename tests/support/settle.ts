/** Waiting in a browser test until a value that work in flight may still change has stopped. */

/**
 * Reads `read` every `every` ms and returns its value once it has stayed the
 * same for `quiet` ms. Work already in flight when a figure was paused (a
 * step the worker had begun) may still land, so a test reads "where it
 * stopped" with this rather than at once. Throws when the value is still
 * changing after `timeout` ms: something that should have stopped did not.
 */
export async function settledValue<T>(
  read: () => Promise<T>,
  { quiet = 500, every = 100, timeout = 15_000 } = {},
): Promise<T> {
  const start = Date.now();
  let value = await read();
  let since = Date.now();
  while (Date.now() - since < quiet) {
    if (Date.now() - start > timeout)
      throw new Error(`still changing after ${timeout} ms (last ${String(value)})`);
    await new Promise((resolve) => setTimeout(resolve, every));
    const next = await read();
    if (next !== value) {
      value = next;
      since = Date.now();
    }
  }
  return value;
}
