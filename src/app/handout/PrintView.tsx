import { useEffect, useState } from 'react';
import type { Slide } from '../../deck/types';
import { SlideView, type RenderFigure } from '../../deck/SlideView';
import { renderFigure } from '../renderFigure';
import {
  figureKey,
  HANDOUT_TRAINING_STEPS,
  handoutPagesOf,
  useHandout,
  usePrintNotes,
} from './handoutStore';
import './handout.css';
import { useInkedSteps } from '../ink/inkStore';
import { inkKey } from '../ink/inkFormat';
import { pagesWithInk } from '../ink/inkPages';
import { PrintInk } from '../ink/InkStrokes';

/** Figures that need no computation: they print live, drawn by their own code. */
const STATIC_FIGURES: ReadonlySet<string> = new Set(['estimator-graphs']);
const STATIC_FIGURES_DELAY_MS = 4000;

/**
 * What Ctrl+P prints (hidden on screen): one page a slide at its last step,
 * or, once a handout is prepared, one page per chosen step with the prepared
 * pictures; speaker notes beside each slide with `?print-notes` or the
 * dialog's choice. A figure without a picture prints a line saying how to make one.
 */
export function PrintView({ slides }: { slides: readonly Slide[] }) {
  const handout = useHandout();
  const notes = usePrintNotes();
  const staticReady = useAfterFirstLoad();
  const inked = useInkedSteps();
  // Every step with ink prints too, its ink on top in the stage's coordinates.
  const pages = pagesWithInk(handout?.pages ?? handoutPagesOf(slides, 'last'), inked, slides);

  const figure =
    (slide: number, step: number): RenderFigure =>
    ({ block }) => {
      const index = slides[slide]!.blocks.indexOf(block);
      const html = handout?.figures[figureKey(slide, step, index)];
      if (html !== undefined) {
        return (
          <div
            className="handout-figure"
            data-widget={block.name}
            dangerouslySetInnerHTML={{ __html: html }}
          />
        );
      }
      if (STATIC_FIGURES.has(block.name) && staticReady) {
        return renderFigure({ block, step, live: true, active: false });
      }
      return (
        <p className="print-missing" data-widget={block.name}>
          <strong>This live figure is not prepared for print.</strong> Press H, or open Help (?) →
          Prepare handout, then print again. The figure: {block.description}
        </p>
      );
    };

  return (
    <div
      className={`all-slides all-slides--print${notes ? ' all-slides--notes' : ''}`}
      aria-hidden="true"
      data-handout={handout ? handout.steps : undefined}
    >
      {pages.map(({ slide: index, step }) => {
        const slide = slides[index]!;
        const trained = slide.blocks.flatMap((b) =>
          b.kind === 'widget' && b.step <= step && handout && b.name in HANDOUT_TRAINING_STEPS
            ? [HANDOUT_TRAINING_STEPS[b.name as keyof typeof HANDOUT_TRAINING_STEPS]]
            : [],
        );
        return (
          <section
            key={`${index}/${step}`}
            className="all-slides__slide"
            data-slide-index={index}
            data-slide-id={slide.id}
            data-step={step}
          >
            <div className="print-page__slide">
              <SlideView
                slide={slide}
                step={step}
                live={false}
                active={false}
                headingLevel={2}
                renderFigure={figure(index, step)}
              />
              <PrintInk inkKey={inkKey(slide.id, step)} />
            </div>
            {notes && (
              <aside className="print-page__notes">
                <h3>Notes</h3>
                <div dangerouslySetInnerHTML={{ __html: slide.notesHtml || '<p>(none)</p>' }} />
              </aside>
            )}
            <p className="print-page__footer">
              {index + 1}/{slides.length}
              {slide.steps > 1 ? ` · step ${step + 1} of ${slide.steps}` : ''}
              {trained.length > 0 ? ` · trained ${trained.join(' and ')} steps for print` : ''}
            </p>
          </section>
        );
      })}
    </div>
  );
}

/**
 * True some seconds after the deck has loaded (or when printing starts): the
 * static figures then load their code for print, after the first slide and
 * its measurements (the benchmark counts the scripts of the first load).
 */
function useAfterFirstLoad(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const done = () => setReady(true);
    let idle = 0;
    const timer = setTimeout(() => {
      if ('requestIdleCallback' in window)
        idle = window.requestIdleCallback(done, { timeout: 3000 });
      else done();
    }, STATIC_FIGURES_DELAY_MS);
    window.addEventListener('beforeprint', done);
    return () => {
      clearTimeout(timer);
      if (idle) window.cancelIdleCallback(idle);
      window.removeEventListener('beforeprint', done);
    };
  }, []);
  return ready;
}
