import { useEffect, useRef, useState } from 'react';
import type { Slide } from '../deck/types';
import { SlideView } from '../deck/SlideView';

interface AllSlidesProps {
  slides: readonly Slide[];
  /** Live widgets (the phone reading view) or static descriptions (print). */
  live: boolean;
  /** The slide to scroll to when the view opens. */
  current: number;
  /** Only for printing: hidden on screen, one page a slide on paper. */
  printOnly?: boolean;
  /** Called with the slide that has scrolled to the top of the reading view. */
  onScrolledTo?: (index: number) => void;
}

/**
 * Every slide with every step shown, one after the other: the scrolling
 * reading view on phones, and what Ctrl+P prints on any screen.
 */
export function AllSlides({ slides, live, current, printOnly, onScrolledTo }: AllSlidesProps) {
  const list = useRef<HTMLDivElement>(null);
  const [onScreen, setOnScreen] = useState<ReadonlySet<number>>(new Set());
  const initial = useRef(current);
  const report = useRef(onScrolledTo);
  useEffect(() => {
    report.current = onScrolledTo;
  });

  useEffect(() => {
    if (printOnly || !list.current) return;
    const items = [...list.current.querySelectorAll<HTMLElement>('[data-slide-index]')];
    items[initial.current]?.scrollIntoView({ block: 'start' });
    const observer = new IntersectionObserver((entries) => {
      setOnScreen((old) => {
        const next = new Set(old);
        for (const entry of entries) {
          const index = Number((entry.target as HTMLElement).dataset.slideIndex);
          if (entry.isIntersecting) next.add(index);
          else next.delete(index);
        }
        const top = Math.min(...next);
        if (Number.isFinite(top)) report.current?.(top);
        return next;
      });
    });
    items.forEach((item) => observer.observe(item));
    return () => observer.disconnect();
  }, [printOnly]);

  const Wrapper = printOnly ? 'div' : 'main';
  return (
    <Wrapper
      className={printOnly ? 'all-slides all-slides--print' : 'all-slides'}
      ref={list}
      aria-hidden={printOnly || undefined}
    >
      {slides.map((slide, index) => (
        <section
          key={slide.id}
          className="all-slides__slide"
          data-slide-index={index}
          aria-label={`Slide ${index + 1}: ${slide.title}`}
        >
          <SlideView
            slide={slide}
            step={slide.steps - 1}
            live={live && onScreen.has(index)}
            active={live && onScreen.has(index)}
            headingLevel={2}
          />
        </section>
      ))}
    </Wrapper>
  );
}
