import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Slide } from '../deck/types';
import { SlideView } from '../deck/SlideView';
import { renderFigure } from './renderFigure';

interface OverviewProps {
  slides: readonly Slide[];
  current: number;
  /** The chosen slide, or null when the overview was closed without a choice. */
  onChoose: (index: number | null) => void;
  /** Opens the handout dialog (figures computed for print). */
  onPrepareHandout: () => void;
}

const COLUMNS = 4;

/** A grid of every slide; arrows move, Enter or a click opens, Esc or O closes. */
export function Overview({ slides, current, onChoose, onPrepareHandout }: OverviewProps) {
  const grid = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    opener.current = document.activeElement;
    grid.current?.querySelectorAll<HTMLButtonElement>('button')[current]?.focus();
    const back = opener.current;
    return () => {
      if (back instanceof HTMLElement) back.focus();
    };
  }, [current]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(grid.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS }[
      event.key as 'ArrowRight'
    ];
    if (move !== undefined) {
      buttons[Math.min(Math.max(index + move, 0), buttons.length - 1)]?.focus();
    } else if (event.key === 'Escape' || event.key.toLowerCase() === 'o') {
      onChoose(null);
    } else if (event.key === 'Home') {
      buttons[0]?.focus();
    } else if (event.key === 'End') {
      buttons[buttons.length - 1]?.focus();
    } else {
      return; // Enter and Space press the focused button; Tab moves as usual.
    }
    event.preventDefault();
  };

  return (
    <div
      className="overlay overview"
      role="dialog"
      aria-modal="true"
      aria-label="Overview of all slides"
      onKeyDown={onKeyDown}
    >
      <h2 className="overlay__title">All slides</h2>
      <div className="overview__grid" ref={grid}>
        {slides.map((slide, index) => (
          <button
            type="button"
            key={slide.id}
            className="overview__item"
            aria-current={index === current ? 'true' : undefined}
            onClick={() => onChoose(index)}
          >
            <span className="overview__thumb" aria-hidden="true">
              <span className="overview__thumb-stage">
                <SlideView
                  slide={slide}
                  step={slide.steps - 1}
                  live={false}
                  active={false}
                  headingLevel={2}
                  renderFigure={renderFigure}
                />
              </span>
            </span>
            <span className="overview__label">
              {index + 1}. {slide.title}
            </span>
          </button>
        ))}
      </div>
      <p className="overview__foot">
        <button type="button" onClick={onPrepareHandout}>
          Prepare handout…
        </button>{' '}
        computes every live figure for printing.
      </p>
    </div>
  );
}
