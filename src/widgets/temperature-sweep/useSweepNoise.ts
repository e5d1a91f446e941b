import { deriveSeed } from '../../ml/counterHash';
import type { Seed } from '../../ml/types';
import { useAsyncResult } from '../shared/useAsyncResult';
import { drawnNoise } from '../../ml/fixedNoiseSamples';

/** Monte Carlo rows behind the E[y] row of the figure. */
export const EXPECTATION_ROWS = 4000;

/**
 * The Gumbel noise of both figures, drawn once per seed and size by the
 * numerics core, then held while τ moves (and kept until new noise arrives).
 */
export function useSweepNoise(
  running: boolean,
  backend: string | null,
  seed: Seed,
  points: number,
) {
  const noise = useAsyncResult(running ? `${backend}|${seed}|${points}` : null, () =>
    Promise.all([
      drawnNoise([EXPECTATION_ROWS + 1, 7], deriveSeed(seed, 10)),
      drawnNoise([points, 3], deriveSeed(seed, 11)),
    ]),
  );
  return { figureNoise: noise?.value[0] ?? null, simplexNoise: noise?.value[1] ?? null };
}
