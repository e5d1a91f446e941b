/**
 * The Gumbel-max widget's tensor work, kept at the edge (STYLE.md, convention
 * 6): plain numbers in, plain numbers out. Draws are made in chunks on the
 * active backend, histogrammed there, and only the bin counts are read back.
 */
import * as tf from './tfjs';
import { deriveSeed } from './counterHash';
import { gumbelNoise } from './noise';
import type { Probabilities, Seed } from './types';

export interface OneDraw {
  logP: number[];
  noise: number[];
  perturbed: number[];
  winner: number;
}

/** One Gumbel-max draw, explained: log πᵢ, gᵢ, their sum and its argmax. */
export async function explainOneDraw(
  p: Probabilities,
  seed: Seed,
  drawIndex: number,
): Promise<OneDraw> {
  const noiseTensor = gumbelNoise([p.length], deriveSeed(seed, 1, drawIndex));
  const noise = Array.from(await noiseTensor.data());
  noiseTensor.dispose();
  const logP = p.map(Math.log);
  const perturbed = logP.map((l, i) => l + noise[i]!);
  return { logP, noise, perturbed, winner: perturbed.indexOf(Math.max(...perturbed)) };
}

/** Noise histogram bins: [−3, 9) in steps of 0.25; the few values ≥ 9 are counted apart. */
export const NOISE_LOW = -3;
export const NOISE_HIGH = 9;
export const NOISE_BINS = 48;

export interface ManyDraws {
  n: number;
  /** How often each class was drawn. */
  counts: number[];
  /** Histogram of every Gumbel value used (n·K of them). */
  noiseCounts: number[];
  noiseAbove: number;
}

/**
 * The draws run in chunks sized by time: each chunk is measured and the next
 * one sized to take about CHUNK_TARGET_MS, so that with the yields between
 * chunks no main-thread task comes near 50 ms on any backend or machine. (A
 * fixed 65,536 rows took about 50 ms on wasm at K = 10 on a quiet 2-core
 * machine, and far more on the cpu backend.)
 */
export const CHUNK_TARGET_MS = 12;
export const MIN_CHUNK_ROWS = 256;
export const MAX_CHUNK_ROWS = 65_536;
const FIRST_CHUNK_ROWS = 2048;

/**
 * The next chunk's rows from the last one's: the measured rate times the
 * target, growing at most fourfold a chunk (a fast chunk can be luck, e.g. a
 * timer's coarse resolution), rounded down to a multiple of MIN_CHUNK_ROWS
 * and kept within [MIN_CHUNK_ROWS, MAX_CHUNK_ROWS].
 */
export function nextChunkRows(rows: number, elapsedMs: number, targetMs = CHUNK_TARGET_MS): number {
  const rate = rows / Math.max(elapsedMs, 0.1); // rows per ms; a 0 ms reading is a coarse clock
  const wanted = Math.min(rate * targetMs, 4 * rows);
  const rounded = Math.floor(wanted / MIN_CHUNK_ROWS) * MIN_CHUNK_ROWS;
  return Math.min(MAX_CHUNK_ROWS, Math.max(MIN_CHUNK_ROWS, rounded));
}

/** Lets the page handle input and paint: a new task, without setTimeout's 4 ms clamp. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface ChunkPlan {
  /** Rows of the first chunk. */
  firstRows: number;
  /** Rows of the next chunk, from the last chunk's rows and its measured time. */
  nextRows: (rows: number, elapsedMs: number) => number;
  /** What to wait for between chunks: a new task, or an animation frame. */
  between: 'task' | 'frame';
}

/**
 * wasm and cpu do a chunk's work on the main thread before tidy returns, so
 * its time is measured and budgeted. webgl only queues it, and compiles its
 * shaders for each tensor shape: a new chunk size every chunk cost a shader
 * compilation of up to half a second each (SwiftShader, 24 s for 10⁶ draws
 * instead of 2.5 s). There the chunks keep one size, and a frame between them
 * lets the queue drain.
 */
export function chunkPlanFor(backend: string): ChunkPlan {
  return backend === 'webgl' || backend === 'webgpu'
    ? { firstRows: MAX_CHUNK_ROWS, nextRows: () => MAX_CHUNK_ROWS, between: 'frame' }
    : { firstRows: FIRST_CHUNK_ROWS, nextRows: nextChunkRows, between: 'task' };
}

/**
 * n Gumbel-max draws from π with the stream deriveSeed(seed, 2). Row r uses
 * noise indices r·K … r·K+K−1, so the result does not depend on the chunking
 * (`plan`, chosen for the active backend by default). `shouldStop` is polled between chunks so
 * a hidden widget stops working.
 */
export async function drawMany(
  p: Probabilities,
  n: number,
  seed: Seed,
  shouldStop: () => boolean = () => false,
  plan: ChunkPlan = chunkPlanFor(tf.getBackend()),
): Promise<ManyDraws | null> {
  const k = p.length;
  const stream = deriveSeed(seed, 2);
  const logits = tf.tensor1d(p.map(Math.log));
  let counts = tf.zeros([k], 'int32');
  let noiseCounts = tf.zeros([NOISE_BINS + 1], 'int32');
  const width = (NOISE_HIGH - NOISE_LOW) / NOISE_BINS;
  try {
    let chunkRows = plan.firstRows;
    for (let start = 0, rows = 0; start < n; start += rows) {
      if (shouldStop()) return null;
      rows = Math.min(chunkRows, n - start);
      const began = performance.now();
      const [nextCounts, nextNoise] = tf.tidy(() => {
        const g = gumbelNoise([rows, k], stream, start * k);
        const winners = tf.cast(tf.argMax(tf.add(g, logits), 1), 'int32');
        const bins = tf.cast(
          tf.clipByValue(
            tf.floor(tf.div(tf.sub(tf.reshape(g, [-1]), NOISE_LOW), width)),
            0,
            NOISE_BINS,
          ),
          'int32',
        );
        const empty = tf.tensor1d([], 'float32');
        return [
          tf.add(counts, tf.cast(tf.bincount(winners as tf.Tensor1D, empty, k), 'int32')),
          tf.add(
            noiseCounts,
            tf.cast(tf.bincount(bins as tf.Tensor1D, empty, NOISE_BINS + 1), 'int32'),
          ),
        ];
      });
      counts.dispose();
      noiseCounts.dispose();
      counts = nextCounts!;
      noiseCounts = nextNoise!;
      const elapsed = performance.now() - began;
      // Test builds record each chunk, so the browser tests and the bench can read their times.
      if (__TEST_HOOKS__) performance.measure('gumbel-max-chunk', { start: began, detail: rows });
      if (rows === chunkRows) chunkRows = plan.nextRows(rows, elapsed);
      await (plan.between === 'frame' ? tf.nextFrame() : yieldToPage());
    }
    const all = Array.from(await noiseCounts.data());
    return {
      n,
      counts: Array.from(await counts.data()),
      noiseCounts: all.slice(0, NOISE_BINS),
      noiseAbove: all[NOISE_BINS]!,
    };
  } finally {
    tf.dispose([logits, counts, noiseCounts]);
  }
}
