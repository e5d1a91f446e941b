import { useEffect, useRef, useState } from 'react';
import type { Slide } from '../deck/types';
import { SlideView } from '../deck/SlideView';
import { renderFigure } from './renderFigure';

interface AllSlidesProps {
  slides: readonly Slide[];
  /** Live widgets, or their static descriptions. */
  live: boolean;
  /** The slide to scroll to when the view opens. */
  current: number;
  /** Called with the slide being read: the one across a line a third of the way down. */
  onScrolledTo?: (index: number) => void;
}

/** The observer's root shrunk to a line one third of the way down the screen. */
const READING_LINE_MARGIN = '-33% 0px -66% 0px';

/**
 * Every slide with every step shown, one after the other: the scrolling
 * reading view on phones (print on a larger screen is ./handout/PrintView).
 */
export function AllSlides({ slides, live, current, onScrolledTo }: AllSlidesProps) {
  const list = useRef<HTMLDivElement>(null);
  const [onScreen, setOnScreen] = useState<ReadonlySet<number>>(new Set());
  const initial = useRef(current);
  const report = useRef(onScrolledTo);
  useEffect(() => {
    report.current = onScrolledTo;
  });

  useEffect(() => {
    if (!list.current) return;
    const items = [...list.current.querySelectorAll<HTMLElement>('[data-slide-index]')];
    items[initial.current]?.scrollIntoView({ block: 'start' });
    const indexOf = (entry: IntersectionObserverEntry) =>
      Number((entry.target as HTMLElement).dataset.slideIndex);
    // Which slides are at least partly on screen: their widgets run. The set
    // is kept here and handed to React whole, so that nothing else happens
    // while React renders (an updater that told the deck would update the
    // App during AllSlides' render).
    const visible = new Set<number>();
    const onScreenObserver = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(indexOf(entry));
        else visible.delete(indexOf(entry));
      }
      setOnScreen(new Set(visible));
    });
    // Which slide is being read: the one across a line a third of the way
    // down the screen. A slide whose last pixels are still at the top is not.
    const readingObserver = new IntersectionObserver(
      (entries) => {
        const crossing = entries.filter((e) => e.isIntersecting).map(indexOf);
        if (crossing.length > 0) report.current?.(Math.max(...crossing));
      },
      { rootMargin: READING_LINE_MARGIN },
    );
    items.forEach((item) => {
      onScreenObserver.observe(item);
      readingObserver.observe(item);
    });
    return () => {
      onScreenObserver.disconnect();
      readingObserver.disconnect();
    };
  }, []);

  return (
    <main className="all-slides" ref={list}>
      {slides.map((slide, index) => (
        <section
          key={slide.id}
          className="all-slides__slide"
          data-slide-index={index}
          data-slide-id={slide.id}
          aria-label={`Slide ${index + 1}: ${slide.title}`}
        >
          <SlideView
            slide={slide}
            step={slide.steps - 1}
            live={live && onScreen.has(index)}
            active={live && onScreen.has(index)}
            headingLevel={2}
            renderFigure={renderFigure}
          />
        </section>
      ))}
    </main>
  );
}
