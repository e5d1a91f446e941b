import { useEffect, useMemo, useRef } from 'react';
import { drawFigureCell } from './draw';
import { FIGURE_PROBABILITIES, FIGURE_TEMPERATURES } from './model';
import { relaxedSamples } from '../../ml/fixedNoiseSamples';
import { EXPECTATION_ROWS } from './useSweepNoise';

interface SevenClassColumns {
  columns: { tau: number; mean: number[]; sample: number[] }[];
  categoricalSample: number[];
}

/** Jang et al.'s Fig. 1 from the held noise: E[y] and one sample per temperature. */
export function SevenClassFigure({ figureNoise }: { figureNoise: Float32Array | null }) {
  const cells = useRef<(SVGSVGElement | null)[]>([]);
  const logPi7 = useMemo(() => FIGURE_PROBABILITIES.map(Math.log), []);
  const figure = useMemo((): SevenClassColumns | null => {
    if (!figureNoise) return null;
    const sampleNoise = figureNoise.subarray(0, 7);
    const rest = figureNoise.subarray(7);
    const columns = FIGURE_TEMPERATURES.map((tau) => {
      const all = relaxedSamples(logPi7, rest, tau, new Float32Array(rest.length));
      const mean = new Array<number>(7).fill(0);
      for (let r = 0; r < EXPECTATION_ROWS; r++)
        for (let i = 0; i < 7; i++) mean[i]! += all[r * 7 + i]! / EXPECTATION_ROWS;
      return {
        tau,
        mean,
        sample: Array.from(relaxedSamples(logPi7, sampleNoise, tau, new Float32Array(7))),
      };
    });
    const perturbed = logPi7.map((l, i) => l + sampleNoise[i]!);
    const winner = perturbed.indexOf(Math.max(...perturbed));
    return { columns, categoricalSample: logPi7.map((_, i) => (i === winner ? 1 : 0)) };
  }, [figureNoise, logPi7]);

  useEffect(() => {
    if (!figure) return;
    const rows = [
      [FIGURE_PROBABILITIES, ...figure.columns.map((c) => c.mean)],
      [figure.categoricalSample, ...figure.columns.map((c) => c.sample)],
    ];
    rows.forEach((row, r) =>
      row.forEach((values, c) => {
        const svg = cells.current[c * 2 + r];
        if (svg) drawFigureCell(svg, values, r === 0 ? 'var(--series-1)' : 'var(--series-3)');
      }),
    );
  }, [figure]);

  return (
    <figure className="widget__panel">
      <figcaption>
        Seven classes (Jang et al. 2017, Fig. 1): top E[y], below one sample y with the same noise
        in each column; bars from 0 to 1
      </figcaption>
      <div className="figure-grid" role="img" aria-label={figureText(figure)}>
        {['categorical', ...FIGURE_TEMPERATURES.map((t) => `T = ${t}`)].map((title, c) => (
          <div key={title} className="figure-grid__column">
            <span className="figure-grid__head">{title}</span>
            {[0, 1].map((r) => (
              <svg key={r} ref={(el) => void (cells.current[c * 2 + r] = el)} aria-hidden="true" />
            ))}
          </div>
        ))}
      </div>
    </figure>
  );
}

function figureText(figure: { columns: { tau: number; mean: number[] }[] } | null): string {
  if (!figure) return 'Computing the seven-class figure';
  return (
    'Expected Gumbel-Softmax sample for seven classes: ' +
    figure.columns
      .map((c) => `at T = ${c.tau}, largest component ${Math.max(...c.mean).toFixed(2)}`)
      .join('; ') +
    '. Low T gives near one-hot samples and E[y] close to p; T = 10 makes both nearly uniform.'
  );
}
