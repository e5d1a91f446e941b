import type { Probabilities, Seed } from '../../ml/types';
import { useAsyncResult } from '../shared/useAsyncResult';
import { drawMany, explainOneDraw } from '../../ml/gumbelMaxDraws';

/** A short pause so that dragging a bar does not queue a draw per pixel. */
const MANY_DELAY_MS = 120;

/**
 * The widget's two computations: one explained draw, and many draws (their
 * class counts and noise histogram). Each result is kept until the next one
 * arrives; `busy` says the many draws shown are not of these settings yet.
 */
export function useGumbelDraws(p: {
  backend: string | null;
  active: boolean;
  probabilities: Probabilities;
  seed: Seed;
  drawIndex: number;
  draws: number;
}) {
  const running = p.backend !== null && p.active;
  const oneKey = `${p.backend}|${p.probabilities.join()}|${p.seed}|${p.drawIndex}`;
  const one = useAsyncResult(running ? oneKey : null, () =>
    explainOneDraw(p.probabilities, p.seed, p.drawIndex),
  );
  const manyKey = `${p.backend}|${p.probabilities.join()}|${p.draws}|${p.seed}`;
  const many = useAsyncResult(
    running ? manyKey : null,
    (isStale) => drawMany(p.probabilities, p.draws, p.seed, isStale),
    MANY_DELAY_MS,
  );
  return { one: one?.value ?? null, many: many?.value ?? null, busy: many?.key !== manyKey };
}
