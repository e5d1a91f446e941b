import { gumbelNoise } from '../../ml/noise';
import type { Seed } from '../../ml/types';

/** Gumbel noise of `shape` from the numerics core, read back once as plain numbers. */
export async function drawnNoise(shape: number[], seed: Seed): Promise<Float32Array> {
  const t = gumbelNoise(shape, seed);
  const values = (await t.data()) as Float32Array;
  t.dispose();
  return values;
}
