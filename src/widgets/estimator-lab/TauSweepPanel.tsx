import { useEffect, useRef } from 'react';
import { drawSweep } from './draw';
import type { SweepPoint } from './probe';

/** Bias and spread of the Gumbel-Softmax estimators over τ, at the reference line's logits. */
export function TauSweepPanel({ sweep }: { sweep: readonly SweepPoint[] | null }) {
  const sweepSvg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (sweepSvg.current && sweep) drawSweep(sweepSvg.current, sweep, 330, 250);
  }, [sweep]);
  return (
    <figure className="widget__panel">
      <figcaption>τ sweep at these logits: bias (solid) and sd (dashed) of GS and ST-GS</figcaption>
      <svg
        ref={sweepSvg}
        role="img"
        aria-label={sweep ? sweepText(sweep) : 'Computing the τ sweep'}
      />
    </figure>
  );
}

function sweepText(points: readonly SweepPoint[]): string {
  return (
    'Over τ from 0.05 to 10: Gumbel-Softmax bias ' +
    points.map((p) => p.gumbel.bias.toFixed(3)).join(', ') +
    '; its standard deviation ' +
    points.map((p) => p.gumbel.sd.toFixed(3)).join(', ') +
    '.'
  );
}
