import { useRef } from 'react';
import { useDrawEachSnapshot } from '../../runtime/useTrainingRun';
import { useElementWidth } from '../shared/useElementWidth';
import { drawTraining } from './draw';
import type { LabSnapshot } from './labRun';

/** The training race: every line's true objective and probability of the best class. */
export function TrainingCurves({
  lab,
  perStep,
}: {
  lab: LabSnapshot | null;
  /** Each line's evaluations of f per step: given, the curves are drawn against evaluations. */
  perStep?: ((name: LabSnapshot['lines'][number]['name']) => number) | undefined;
}) {
  const objectiveSvg = useRef<SVGSVGElement>(null);
  const bestSvg = useRef<SVGSVGElement>(null);
  // Drawn at the width it is shown; 8 px to spare for the last x tick's label,
  // which is centred on the plot's right edge.
  const [trainingBox, boxWidth] = useElementWidth(338);
  const width = boxWidth - 8;
  useDrawEachSnapshot(
    lab,
    (lab) => {
      const drawn = lab?.lines ?? [];
      if (objectiveSvg.current)
        drawTraining(objectiveSvg.current, drawn, 'objective', width, 190, perStep);
      if (bestSvg.current) drawTraining(bestSvg.current, drawn, 'best', width, 190, perStep);
    },
    perStep ? `${width} evaluations` : width,
  );
  return (
    <figure className="widget__panel" ref={trainingBox}>
      <figcaption>
        Training to step {lab?.step ?? 0}
        {perStep ? ', against evaluations of f (the exact line: K a step)' : ''}. p(best):
        probability of the optimal class. Dashed: exact gradient.
      </figcaption>
      <svg
        ref={objectiveSvg}
        role="img"
        aria-label={`True objective against ${perStep ? 'evaluations of f' : 'training step'} for every estimator`}
      />
      <svg
        ref={bestSvg}
        role="img"
        aria-label={`Probability of the optimal class against ${perStep ? 'evaluations of f' : 'training step'}`}
      />
    </figure>
  );
}
