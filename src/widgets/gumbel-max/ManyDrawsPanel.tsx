import { useEffect, useRef } from 'react';
import type { Probabilities } from '../../ml/types';
import { LabelledNumberField } from '../shared/NumberField';
import type { ManyDraws } from '../../ml/gumbelMaxDraws';
import { drawClassFrequencies, drawNoiseHistogram } from './draw';
import { gumbelMaxSchema } from './model';

/** Many draws: class frequencies against π, and the noise against the Gumbel density. */
export function ManyDrawsPanel(p: {
  shown: ManyDraws | null;
  probabilities: Probabilities;
  draws: number;
  busy: boolean;
  test: string | null;
  width: number;
  onDraws: (draws: number) => void;
  onProblem: (key: string, text: string | null) => void;
}) {
  const { shown, probabilities, width } = p;
  const k = probabilities.length;
  const freqSvg = useRef<SVGSVGElement>(null);
  const noiseSvg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!shown) return;
    if (freqSvg.current)
      drawClassFrequencies(freqSvg.current, shown, probabilities, width / 2 - 4, 130);
    if (noiseSvg.current) drawNoiseHistogram(noiseSvg.current, shown, k, width / 2 - 4, 130);
  }, [shown, k, probabilities, width]);
  return (
    <figure className="widget__panel">
      <figcaption>
        <LabelledNumberField
          className="widget__draws"
          setting={gumbelMaxSchema.draws}
          value={p.draws}
          onChange={p.onDraws}
          onProblem={p.onProblem}
        />{' '}
        <span className="gumbel-max__test">{p.busy ? 'drawing…' : (p.test ?? '')}</span>
      </figcaption>
      <div className="widget__row">
        <svg
          ref={freqSvg}
          role="img"
          aria-label="Class frequencies against π with a two-standard-error band"
        />
        <svg
          ref={noiseSvg}
          role="img"
          aria-label="Histogram of the Gumbel noise against its density"
        />
      </div>
    </figure>
  );
}
