import { useRef } from 'react';
import { useDrawEachSnapshot } from '../../runtime/useTrainingRun';
import { LineLegend } from '../shared/RunControls';
import { useElementWidth } from '../shared/useElementWidth';
import { curvesText, drawCurves } from './draw';
import { EVALUATE_EVERY, type RaceSnapshot } from './raceRun';
import { estimatorById } from '../../ml/estimators/registry';
import type { LineName } from '../shared/estimatorLines';

/** Evaluations of the decoder and likelihood (the race's f) per example and step; null for exact. */
const costOf = (name: LineName) => (name === 'exact' ? null : estimatorById(name).evaluations);

/** The −ELBO curves of every line, redrawn with each snapshot. */
export function RaceCurves({ race, heldOut }: { race: RaceSnapshot | null; heldOut: number }) {
  const curvesSvg = useRef<SVGSVGElement>(null);
  // Drawn at the width it is shown, so that its text keeps its CSS size (17 px);
  // 8 px to spare for the last x tick's label, centred on the plot's right edge.
  const [curvesBox, boxWidth] = useElementWidth(478);
  const width = boxWidth - 8;
  const step = race?.step ?? 0;
  const lines = race?.lines ?? [];
  // Costs are shown once some line's differs from the lecture's one evaluation a step.
  const showCost = lines.some((l) => (costOf(l.name) ?? 1) !== 1);
  // More than six lines, or the costs and their note, make the legend and notes up to four
  // lines longer: the chart gives them its height, so that the figure stays on the slide
  // (and a fifth legend line past thirteen lines, every estimator of the registry, another 25 px).
  const height = lines.length > 13 ? 165 : lines.length > 6 || showCost ? 190 : 270;
  useDrawEachSnapshot(
    race,
    (race) => {
      if (race && curvesSvg.current) drawCurves(curvesSvg.current, race.lines, width, height);
    },
    `${width}x${height}`,
  );
  return (
    <figure className="widget__panel" ref={curvesBox}>
      <figcaption>
        −ELBO per image. Solid: held-out ({heldOut} images, one-hot samples, every {EVALUATE_EVERY}{' '}
        steps). Dashed: training.
      </figcaption>
      <svg
        ref={curvesSvg}
        role="img"
        aria-label={race ? curvesText(race.lines, step) : 'No run yet'}
      />
      <LineLegend lines={lines} cost={showCost ? costOf : undefined} />
      {showCost ? (
        <p className="race-note">
          n f: decoder evaluations per image and step (the race’s f); a copy’s step costs that many.
        </p>
      ) : null}
      <p className="race-note">
        Gumbel-Softmax's dashed line is its relaxed training objective, not a one-hot −ELBO: it does
        not measure what the solid lines do, and its gap to them changes with T.
      </p>
    </figure>
  );
}
