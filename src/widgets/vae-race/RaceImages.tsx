import { useEffect, useRef } from 'react';
import { useSnapshotPart } from '../../runtime/useTrainingRun';
import { lineLabels } from '../shared/estimatorLines';
import { drawImageRow } from './draw';
import { IMAGES_SHOWN, type RaceSnapshot } from './raceRun';

/** Held-out images, each line's reconstructions of them, and its samples from the prior. */
export function RaceImages({ race }: { race: RaceSnapshot | null }) {
  const canvases = useRef(new Map<string, HTMLCanvasElement | null>());
  // The images change only with an evaluation (every EVALUATE_EVERY steps) or a stopped line.
  const imagesId = race
    ? `${race.evaluations}|${race.lines.map((l) => (l.stopped ? 1 : 0)).join('')}`
    : '';
  const shown = useSnapshotPart(race, imagesId);
  useEffect(() => {
    if (!shown) return;
    const evaluation = shown.evaluation;
    const side = Math.sqrt(shown.pixels);
    // Past thirteen lines (every estimator of the registry) the rows shrink to fit the slide.
    const scale = side <= 8 ? (shown.lines.length > 13 ? 2 : 3) : 1;
    const draw = (id: string, pixels: Float32Array | null) => {
      const canvas = canvases.current.get(id);
      if (canvas) drawImageRow(canvas, pixels, IMAGES_SHOWN, side, side, scale);
    };
    draw('originals', evaluation?.originals ?? null);
    shown.lines.forEach((line, l) => {
      draw(
        `${line.name}-reconstructions`,
        line.stopped ? null : (evaluation?.reconstructions[l] ?? null),
      );
      draw(`${line.name}-prior`, line.stopped ? null : (evaluation?.priorSamples[l] ?? null));
    });
  }, [shown]);

  return (
    <figure className="widget__panel race-images">
      <figcaption>Held-out images, their reconstructions, and prior samples</figcaption>
      <div className="race-images__row race-images__head" aria-hidden="true">
        <span />
        <span>reconstructions</span>
        <span>prior samples</span>
      </div>
      <div className="race-images__row">
        <span>held-out images</span>
        <canvas
          ref={(el) => void canvases.current.set('originals', el)}
          role="img"
          aria-label="Six held-out images"
        />
        <span />
      </div>
      {(race?.lines ?? []).map((l) => (
        <div className="race-images__row" key={l.name}>
          <span>{lineLabels[l.name]}</span>
          <canvas
            ref={(el) => void canvases.current.set(`${l.name}-reconstructions`, el)}
            role="img"
            aria-label={`${lineLabels[l.name]}: reconstructions of the six held-out images`}
          />
          <canvas
            ref={(el) => void canvases.current.set(`${l.name}-prior`, el)}
            role="img"
            aria-label={`${lineLabels[l.name]}: six images decoded from prior samples`}
          />
        </div>
      ))}
    </figure>
  );
}
