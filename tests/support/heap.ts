/**
 * The page's JavaScript heap, measured through the DevTools protocol.
 *
 * - `usedAfterGc`: a full, forced collection (HeapProfiler.collectGarbage),
 *   then the isolate's used size. Readings of a live race scatter by about
 *   0.2 MB as V8 compiles, flushes and recompiles code, so bytes catch only
 *   large leaks over a short run.
 * - `liveObjects`: a heap snapshot (which collects first), counting JavaScript
 *   objects and functions by constructor. Code, strings and V8's internal
 *   arrays are left out, so the count of a page that retains nothing new stays
 *   put within a few objects however long it runs, and a leak of one object a
 *   frame shows at once.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface ObjectCount {
  total: number;
  byConstructor: Map<string, number>;
}

export interface HeapMeter {
  /** Used JS heap in bytes, after a full collection. */
  usedAfterGc: () => Promise<number>;
  liveObjects: () => Promise<ObjectCount>;
  detach: () => Promise<void>;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Objects ('object') and functions ('closure') by name; DOM and native entries left out. */
export function countObjects(snapshot: Snapshot): ObjectCount {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt] = [fields.indexOf('type'), fields.indexOf('name')];
  const byConstructor = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]!];
    if (type !== 'object' && type !== 'closure') continue;
    const name = type === 'closure' ? '(closure)' : snapshot.strings[snapshot.nodes[i + nameAt]!]!;
    byConstructor.set(name, (byConstructor.get(name) ?? 0) + 1);
    total += 1;
  }
  return { total, byConstructor };
}

/** The constructors whose counts grew most from `before` to `after`, for messages. */
export function largestGrowth(before: ObjectCount, after: ObjectCount, top = 5): string {
  return [...after.byConstructor]
    .map(([name, n]) => [name, n - (before.byConstructor.get(name) ?? 0)] as const)
    .filter(([, grew]) => grew > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, grew]) => `${name.slice(0, 40)} +${grew}`)
    .join(', ');
}

export async function heapMeter(page: Page): Promise<HeapMeter> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  return {
    usedAfterGc: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    },
    liveObjects: async () => {
      const chunks: string[] = [];
      const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
      cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      try {
        await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      } finally {
        cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      }
      return countObjects(JSON.parse(chunks.join('')) as Snapshot);
    },
    detach: () => cdp.detach(),
  };
}
