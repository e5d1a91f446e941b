import { useRef } from 'react';
import { useDrawEachSnapshot } from '../../runtime/useTrainingRun';
import { LineLegend } from '../shared/RunControls';
import { curvesText, drawCurves } from './draw';
import type { RaceSnapshot } from './raceRun';

/** The −ELBO curves of every line, redrawn with each snapshot. */
export function RaceCurves({ race }: { race: RaceSnapshot | null }) {
  const curvesSvg = useRef<SVGSVGElement>(null);
  useDrawEachSnapshot(race, (race) => {
    if (race && curvesSvg.current) drawCurves(curvesSvg.current, race.lines, 470, 250);
  });
  const step = race?.step ?? 0;
  return (
    <figure className="widget__panel">
      <figcaption>
        −ELBO per image: held-out (solid), training with each estimator’s own samples (dashed)
      </figcaption>
      <svg
        ref={curvesSvg}
        role="img"
        aria-label={race ? curvesText(race.lines, step) : 'No run yet'}
      />
      <LineLegend lines={race?.lines ?? []} />
    </figure>
  );
}
