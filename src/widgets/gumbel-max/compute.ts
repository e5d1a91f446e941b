/**
 * The Gumbel-max widget's tensor work, kept at the edge (STYLE.md, convention
 * 6): plain numbers in, plain numbers out. Draws are made in chunks on the
 * active backend, histogrammed there, and only the bin counts are read back.
 */
import * as tf from '../../ml/tfjs';
import { deriveSeed } from '../../ml/counterHash';
import { gumbelNoise } from '../../ml/noise';
import type { Probabilities, Seed } from '../../ml/types';

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

const CHUNK_ROWS = 65_536;

/**
 * n Gumbel-max draws from π with the stream deriveSeed(seed, 2). Row r uses
 * noise indices r·K … r·K+K−1, so the result does not depend on the chunking.
 * `shouldStop` is polled between chunks so a hidden widget stops working.
 */
export async function drawMany(
  p: Probabilities,
  n: number,
  seed: Seed,
  shouldStop: () => boolean = () => false,
): Promise<ManyDraws | null> {
  const k = p.length;
  const stream = deriveSeed(seed, 2);
  const logits = tf.tensor1d(p.map(Math.log));
  let counts = tf.zeros([k], 'int32');
  let noiseCounts = tf.zeros([NOISE_BINS + 1], 'int32');
  const width = (NOISE_HIGH - NOISE_LOW) / NOISE_BINS;
  try {
    for (let start = 0; start < n; start += CHUNK_ROWS) {
      if (shouldStop()) return null;
      const rows = Math.min(CHUNK_ROWS, n - start);
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
      // Let the page breathe between chunks (and the webgl queue drain).
      await tf.nextFrame();
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
