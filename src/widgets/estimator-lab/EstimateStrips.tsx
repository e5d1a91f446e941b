import { memo, useEffect, useRef } from 'react';
import { estimatorById, type EstimatorId } from '../../ml/estimators/registry';
import { lineColors, lineLabels } from '../shared/estimatorLines';
import { drawEstimateStrip, formatMoments, formatSd } from './draw';
import { stripDomain } from './stripDomain';
import { useElementWidth } from '../shared/useElementWidth';
import type { LabSnapshot } from './labRun';
import type { ToyProblem } from '../../ml/toyProblems';

/**
 * More strips than this do not fit the slide at two lines each: each becomes one line
 * (name, histogram, sd), its cost and the other moments in its tooltip.
 */
export const COMPACT_ABOVE = 6;

/**
 * One histogram strip of single-sample estimates per estimator, on a common
 * axis. Memoized: its probe changes every few steps, not with each snapshot.
 */
export const EstimateStrips = memo(function EstimateStrips(p: {
  names: readonly EstimatorId[];
  probe: LabSnapshot['probe'];
  problem: ToyProblem;
  /** Each line's evaluations of f per step, shown beside its name (absent: not shown). */
  perStep?: (name: EstimatorId) => number;
  /** Whether the strips compare at equal evaluations (each value a mean of estimates). */
  equalEvaluations?: boolean;
}) {
  const { probe, problem } = p;
  const strips = useRef(new Map<string, SVGSVGElement | null>());
  // Drawn at the width it is shown, so its text keeps its CSS size (17 px).
  const [stripsBox, stripsWidth] = useElementWidth(480);
  const compact = p.names.length > COMPACT_ABOVE;
  // A compact strip's histogram takes the grid column left between its name and its sd.
  const [plotCell, plotWidth] = useElementWidth(240);
  const width = compact ? plotWidth : stripsWidth;

  useEffect(() => {
    if (!probe) return;
    const exactValue = probe.exactGradient[problem.bestClass];
    // A probe of the previous problem (K just changed) waits for the new one.
    if (exactValue === undefined || probe.exactGradient.length !== problem.k) return;
    // A common axis for every strip: every estimate, mean and the exact value.
    const domain = stripDomain(
      probe.distributions.map((d) => d.component),
      exactValue,
    );
    probe.distributions.forEach((d, i) => {
      const svg = strips.current.get(d.name);
      const last = i === probe.distributions.length - 1;
      if (svg) drawEstimateStrip(svg, d, exactValue, domain, width, compact ? 18 : 30, last);
    });
  }, [probe, problem.bestClass, problem.k, width, compact]);

  return (
    <figure
      className={
        compact ? 'widget__panel lab-strips lab-strips--compact' : 'widget__panel lab-strips'
      }
      ref={stripsBox}
    >
      <figcaption>
        {p.equalEvaluations ? 'Equal-cost' : 'One-sample'} ∂E/∂l, step {probe ? probe.step : '…'}{' '}
        (l: logits). Full line: exact, dashed: mean.{' '}
        <span className="lab-note">Off the full line = biased.</span>
        {p.equalEvaluations
          ? ' Each value: the mean of ×n estimates, so that every strip’s values cost the same evaluations of f (n f).'
          : p.perStep
            ? ' n f: evaluations of f per step.'
            : ''}
      </figcaption>
      {p.names.map((name) => {
        const d = probe?.distributions.find((x) => x.name === name);
        const repeats = d?.repeats ?? 1;
        const cost = p.equalEvaluations
          ? `${repeats > 1 ? ` ×${repeats}` : ''} · ${estimatorById(name).evaluations * repeats} f`
          : p.perStep
            ? ` · ${p.perStep(name)} f`
            : '';
        return (
          <div
            className="lab-strip"
            key={name}
            title={
              compact && d
                ? `${lineLabels[name]}${cost}: ${formatMoments(d.shown, ' · ')}`
                : undefined
            }
          >
            <span className="lab-strip__name">
              <span
                className="swatch"
                style={{ background: lineColors[name] }}
                aria-hidden="true"
              />
              {lineLabels[name]}
              {cost && !compact ? <span className="lab-strip__cost">{cost}</span> : null}
            </span>
            <svg
              ref={(el) => {
                strips.current.set(name, el);
                if (compact && name === p.names[0]) plotCell(el as unknown as HTMLElement | null);
              }}
              role="img"
              aria-label={`${lineLabels[name]} estimates`}
            />
            <span className="lab-strip__numbers">
              {d ? (compact ? formatSd(d.shown) : formatMoments(d.shown, ' · ')) : '…'}
            </span>
          </div>
        );
      })}
    </figure>
  );
});
