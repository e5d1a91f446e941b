import { useEffect, useRef } from 'react';
import type { OneDraw } from '../../ml/gumbelMaxDraws';
import { drawOneDraw } from './draw';

/** One draw explained: log p, the noise g, their sum, and the winner; Draw again draws the next. */
export function OneDrawPanel(p: {
  one: OneDraw | null;
  k: number;
  width: number;
  onDrawAgain: () => void;
}) {
  const { one, k } = p;
  const oneSvg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (oneSvg.current && one && one.logP.length === k)
      drawOneDraw(oneSvg.current, one, p.width, 120);
  }, [one, k, p.width]);
  return (
    <figure className="widget__panel">
      <figcaption>
        <span className="key key--1">log p</span> <span className="key key--2">g</span>{' '}
        <span className="key key--3">log p + g</span>, argmax outlined{' '}
        <button type="button" onClick={p.onDrawAgain}>
          Draw again
        </button>
      </figcaption>
      <svg
        ref={oneSvg}
        role="img"
        aria-label={one ? `One draw: class ${one.winner + 1} wins` : 'One draw'}
      />
    </figure>
  );
}
