import { useEffect, useRef } from 'react';
import type { Probabilities } from '../../ml/types';
import { LabelledNumberField } from '../shared/NumberField';
import type { ManyDraws } from '../../ml/gumbelMaxDraws';
import { drawClassFrequencies, drawNoiseHistogram } from './draw';
import { gumbelMaxSchema } from './model';

/** Below this width the two histograms stack instead of standing side by side. */
const SIDE_BY_SIDE = 480;

/** Many draws: class frequencies against p, and the noise against the Gumbel density. */
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
  const histogramWidth = width >= SIDE_BY_SIDE ? Math.floor((width - 12) / 2) : width;
  useEffect(() => {
    if (!shown) return;
    if (freqSvg.current)
      drawClassFrequencies(freqSvg.current, shown, probabilities, histogramWidth, 140);
    if (noiseSvg.current) drawNoiseHistogram(noiseSvg.current, shown, k, histogramWidth, 140);
  }, [shown, k, probabilities, histogramWidth]);
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
        <span className="gumbel-max__test key-number">{p.busy ? 'drawing…' : (p.test ?? '')}</span>
      </figcaption>
      <div className="widget__row">
        <figure className="gumbel-max__histogram">
          <figcaption>Class frequencies, p ± 2 SE</figcaption>
          <svg
            ref={freqSvg}
            role="img"
            aria-label="Class frequencies against p with a two-standard-error band"
          />
        </figure>
        <figure className="gumbel-max__histogram">
          <figcaption>Noise g, Gumbel density</figcaption>
          <svg
            ref={noiseSvg}
            role="img"
            aria-label="Histogram of the Gumbel noise against its density"
          />
        </figure>
      </div>
    </figure>
  );
}
