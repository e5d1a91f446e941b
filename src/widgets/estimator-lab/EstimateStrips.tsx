import { useEffect, useRef } from 'react';
import type { EstimatorId } from '../../ml/estimators/registry';
import { lineColors, lineLabels } from '../shared/estimatorLines';
import { drawEstimateStrip, formatMoments } from './draw';
import type { LabSnapshot } from './labRun';
import type { ToyProblem } from '../../ml/toyProblems';

/** One histogram strip of single-sample estimates per estimator, on a common axis. */
export function EstimateStrips(p: {
  names: readonly EstimatorId[];
  probe: LabSnapshot['probe'];
  problem: ToyProblem;
}) {
  const { probe, problem } = p;
  const strips = useRef(new Map<string, SVGSVGElement | null>());

  useEffect(() => {
    if (!probe) return;
    const all = probe.distributions.flatMap((d) => d.component);
    const sorted = [...all].sort((a, b) => a - b);
    // A common axis for every strip, from the 1st to the 99th percentile.
    const lo = sorted[Math.floor(0.01 * sorted.length)] ?? -1;
    const hi = sorted[Math.floor(0.99 * sorted.length)] ?? 1;
    const exactValue = probe.exactGradient[problem.bestClass];
    // A probe of the previous problem (K just changed) waits for the new one.
    if (exactValue === undefined || probe.exactGradient.length !== problem.k) return;
    const domain: [number, number] = [
      Math.min(lo, exactValue) - 1e-3,
      Math.max(hi, exactValue) + 1e-3,
    ];
    for (const d of probe.distributions) {
      const svg = strips.current.get(d.name);
      if (svg) drawEstimateStrip(svg, d, exactValue, domain, 200, 46);
    }
  }, [probe, problem.bestClass, problem.k]);

  return (
    <figure className="widget__panel">
      <figcaption>
        Single-sample estimates of ∂E/∂l (optimal class) at step {probe ? probe.step : '…'}: exact
        (black), mean (dashed)
      </figcaption>
      {p.names.map((name) => {
        const d = probe?.distributions.find((x) => x.name === name);
        return (
          <div className="lab-strip" key={name}>
            <span className="lab-strip__name">
              <span
                className="swatch"
                style={{ background: lineColors[name] }}
                aria-hidden="true"
              />
              {lineLabels[name]}
            </span>
            <svg
              ref={(el) => void strips.current.set(name, el)}
              role="img"
              aria-label={`${lineLabels[name]} estimates`}
            />
            <span className="lab-strip__numbers">{d ? formatMoments(d.moments, ' · ') : '…'}</span>
          </div>
        );
      })}
    </figure>
  );
}
