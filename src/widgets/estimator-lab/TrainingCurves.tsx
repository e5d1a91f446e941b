import { useRef } from 'react';
import { useDrawEachSnapshot } from '../../runtime/useTrainingRun';
import { LineLegend } from '../shared/RunControls';
import { drawTraining } from './draw';
import type { LabSnapshot } from './labRun';

/** The training race: every line's true objective and probability of the best class. */
export function TrainingCurves({ lab }: { lab: LabSnapshot | null }) {
  const objectiveSvg = useRef<SVGSVGElement>(null);
  const bestSvg = useRef<SVGSVGElement>(null);
  useDrawEachSnapshot(lab, (lab) => {
    const drawn = lab?.lines ?? [];
    if (objectiveSvg.current) drawTraining(objectiveSvg.current, drawn, 'objective', 400, 200);
    if (bestSvg.current) drawTraining(bestSvg.current, drawn, 'best', 400, 180);
  });
  return (
    <figure className="widget__panel">
      <figcaption>
        Training, step {lab?.step ?? 0}: true objective, and the probability of the best class
      </figcaption>
      <svg
        ref={objectiveSvg}
        role="img"
        aria-label="True objective against training step for every estimator"
      />
      <svg
        ref={bestSvg}
        role="img"
        aria-label="Probability of the optimal class against training step"
      />
      <LineLegend lines={lab?.lines ?? []} />
    </figure>
  );
}
