import { useEffect, useRef } from 'react';
import { drawSweep } from './draw';
import { useElementWidth } from '../shared/useElementWidth';
import type { SweepPoint } from './probe';

/** Bias and spread of the Gumbel-Softmax estimators over T, at the reference line's logits. */
export function TauSweepPanel({ sweep }: { sweep: readonly SweepPoint[] | null }) {
  const sweepSvg = useRef<SVGSVGElement>(null);
  // Drawn at the width it is shown (8 px spare for the last x tick's label).
  const [sweepBox, boxWidth] = useElementWidth(338);
  const width = boxWidth - 8;
  useEffect(() => {
    if (sweepSvg.current && sweep) drawSweep(sweepSvg.current, sweep, width, 300);
  }, [sweep, width]);
  return (
    <figure className="widget__panel" ref={sweepBox}>
      <figcaption>Over T, at these logits: bias (solid) and sd (dashed) of GS and ST-GS</figcaption>
      <svg
        ref={sweepSvg}
        role="img"
        aria-label={sweep ? sweepText(sweep) : 'Computing the temperature sweep'}
      />
    </figure>
  );
}

function sweepText(points: readonly SweepPoint[]): string {
  return (
    'Over the temperature T from 0.05 to 10: Gumbel-Softmax bias ' +
    points.map((p) => p.gumbel.bias.toFixed(3)).join(', ') +
    '; its standard deviation ' +
    points.map((p) => p.gumbel.sd.toFixed(3)).join(', ') +
    '.'
  );
}
