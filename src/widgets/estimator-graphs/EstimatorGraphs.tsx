import { useEffect, useMemo, useRef } from 'react';
import '../shared/widget.css';
import './graphs.css';
import type { WidgetProps } from '../widgetProps';
import { useElementWidth } from '../shared/useElementWidth';
import { drawGraphs, layoutGraphs } from './draw';
import { viewAt, type Graph } from './model';
import { SaveMenu } from '../shared/SaveMenu';

/** The estimators' computation graphs, stepping with the deck: structure, forward, backward. */
export function EstimatorGraphs({ step, variant }: WidgetProps) {
  const svg = useRef<SVGSVGElement>(null);
  const view = viewAt(step, variant);
  // Drawn at the width it is shown, so that its text keeps its CSS size.
  const [box, width] = useElementWidth(variant === 'gumbel' ? 560 : 1160);
  const layout = useMemo(
    () => layoutGraphs(view.graphs, width, variant === 'gumbel' ? 430 : 410),
    [view.graphs, width, variant],
  );
  useEffect(() => {
    if (svg.current) drawGraphs(svg.current, view.graphs, view.phase, layout);
  }, [view.graphs, view.phase, layout]);
  const text =
    view.phase === 'structure'
      ? 'The graphs, before anything flows. '
      : view.phase === 'forward'
        ? 'The forward pass, black arrows. '
        : 'The forward pass in black and the backward pass in red, each arrow labelled with its local derivative. ';
  return (
    <div
      ref={box}
      className="widget estimator-graphs"
      data-phase={view.phase}
      data-graphs={view.graphs.length}
    >
      <svg ref={svg} role="img" aria-label={text + view.graphs.map((g) => g.summary).join(' ')} />
      <div className="graph-legend-row">
        <p className="graph-legend" aria-hidden="true">
          <span className="legend-box legend-box--deterministic" /> computed{' '}
          <span className="legend-box legend-box--stochastic" /> random{' '}
          <span className="legend-line legend-line--forward" /> forward{' '}
          <span className="legend-line legend-line--backward" /> backward{' '}
          <span className="legend-line legend-line--replaced" /> replaced by the estimator{' '}
          <span className="graph-legend__symbols">{symbolsOf(view.graphs)}</span>
        </p>
        <SaveMenu settings={{ step: step + 1 }} svg />
      </div>
    </div>
  );
}

/** The legend's definitions of the symbols the shown graphs use. */
function symbolsOf(graphs: readonly Graph[]): string {
  const ids = new Set(graphs.map((g) => g.id));
  return [
    'θ: parameters',
    ids.has('score-function') ? 'b: baseline' : '',
    ids.has('gumbel-softmax') ? 'g: Gumbel noise' : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
