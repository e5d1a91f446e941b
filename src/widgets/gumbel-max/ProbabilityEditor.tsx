import { useEffect, useRef } from 'react';
import type { Probabilities } from '../../ml/types';
import { NumberField } from '../shared/NumberField';
import { drawProbabilityEditor } from './draw';
import {
  addClass,
  MAX_CLASSES,
  MIN_CLASSES,
  probabilitySetting,
  removeClass,
  setProbability,
} from './model';

/** p as draggable bars and typed fields, with buttons that add or remove a class. */
export function ProbabilityEditor(p: {
  probabilities: Probabilities;
  width: number;
  /** Changes p by a function of the latest p (a state update). */
  update: (change: (old: Probabilities) => Probabilities) => void;
  onProblem: (key: string, text: string | null) => void;
}) {
  const { probabilities, update } = p;
  const k = probabilities.length;
  const editor = useRef<SVGSVGElement>(null);
  const setP = (i: number, value: number) => {
    const next = setProbability(probabilities, i, value);
    if (next) update(() => next);
  };
  useEffect(() => {
    if (editor.current)
      drawProbabilityEditor(
        editor.current,
        probabilities,
        (next) => update(() => next),
        p.width,
        120,
      );
  });
  return (
    <figure className="widget__panel">
      <figcaption>
        <span>
          Class probabilities p: <span className="drag-hint">drag a bar, use the arrow keys</span>{' '}
          or type
        </span>
      </figcaption>
      <svg
        ref={editor}
        className="draggable-chart"
        role="group"
        aria-label={`Probabilities ${probabilities.map((x) => x.toFixed(3)).join(', ')}`}
      />
      <div className="widget__inputs">
        {probabilities.map((x, i) => (
          <NumberField
            key={`${k}-${i}`}
            setting={probabilitySetting(i, k)}
            value={x}
            ariaLabel={`Probability of class ${i + 1}`}
            onChange={(v) => setP(i, v)}
            onProblem={p.onProblem}
          />
        ))}
        <button type="button" disabled={k >= MAX_CLASSES} onClick={() => update(addClass)}>
          + class
        </button>
        <button
          type="button"
          disabled={k <= MIN_CLASSES}
          onClick={() => update((old) => removeClass(old, k - 1))}
        >
          − class
        </button>
      </div>
    </figure>
  );
}
