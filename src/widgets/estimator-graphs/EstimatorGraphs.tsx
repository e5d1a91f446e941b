import { useEffect, useRef } from 'react';
import '../shared/widget.css';
import './graphs.css';
import type { WidgetProps } from '../registry';
import { drawGraphs } from './draw';
import { viewAt } from './model';
import { SaveMenu } from '../shared/SaveMenu';

/** The estimators' computation graphs, stepping with the deck: structure, forward, backward. */
export function EstimatorGraphs({ step, variant }: WidgetProps) {
  const svg = useRef<SVGSVGElement>(null);
  const view = viewAt(step, variant);
  const width = variant === 'gumbel' ? 560 : 1160;
  const height = variant === 'gumbel' ? 460 : 390;
  useEffect(() => {
    if (svg.current) drawGraphs(svg.current, view.graphs, view.phase, width, height);
  }, [view.graphs, view.phase, width, height]);
  const text =
    view.phase === 'structure'
      ? 'The graphs, before anything flows. '
      : view.phase === 'forward'
        ? 'The forward pass, black arrows. '
        : 'The forward pass in black and the backward pass in red, each arrow labelled with its local derivative. ';
  return (
    <div
      className="widget estimator-graphs"
      data-phase={view.phase}
      data-graphs={view.graphs.length}
    >
      <svg ref={svg} role="img" aria-label={text + view.graphs.map((g) => g.summary).join(' ')} />
      <div className="graph-legend-row">
        <p className="graph-legend" aria-hidden="true">
          <span className="legend-box legend-box--deterministic" /> deterministic{' '}
          <span className="legend-box legend-box--stochastic" /> stochastic{' '}
          <span className="legend-line legend-line--forward" /> forward{' '}
          <span className="legend-line legend-line--backward" /> backward{' '}
          <span className="legend-line legend-line--replaced" /> replaced by an estimator
        </p>
        <SaveMenu settings={{ step: step + 1 }} svg />
      </div>
    </div>
  );
}
