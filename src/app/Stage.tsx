import { useLayoutEffect, useState, type ReactNode } from 'react';
import type { Slide } from '../deck/types';
import { SlideView } from '../deck/SlideView';
import { renderFigure } from './renderFigure';
import { useSwipe } from './useSwipe';

/** The logical size of every slide; the stage scales it to fit the window. */
export const STAGE_WIDTH = 1280;
export const STAGE_HEIGHT = 720;

interface StageProps {
  slide: Slide;
  step: number;
  /** False while an overlay covers the stage or the tab is hidden. */
  active: boolean;
  onNext: () => void;
  onPrevious: () => void;
  /** Drawn over the slide, in the stage's coordinates (the ink). */
  children?: ReactNode;
}

/** A fixed 16:9 stage, scaled to fill its box whatever the window's size. */
export function Stage({ slide, step, active, onNext, onPrevious, children }: StageProps) {
  const [box, setBox] = useState<HTMLElement | null>(null);
  const [scale, setScale] = useState(1);
  useSwipe(box, onNext, onPrevious);

  useLayoutEffect(() => {
    if (!box) return;
    const fit = () =>
      setScale(Math.min(box.clientWidth / STAGE_WIDTH, box.clientHeight / STAGE_HEIGHT));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [box]);

  return (
    <main className="stage-box" ref={setBox} id="slide-content">
      <div
        className="stage"
        style={{ width: STAGE_WIDTH, height: STAGE_HEIGHT, transform: `scale(${scale})` }}
        data-scale={scale.toFixed(4)}
      >
        <SlideView
          key={slide.id}
          slide={slide}
          step={step}
          live
          active={active}
          renderFigure={renderFigure}
        />
        {children}
      </div>
    </main>
  );
}
