import { useCallback, type ReactNode } from 'react';
import type { Slide, SlideBlock } from './types';
import { registerFigure } from './figures';

/** A figure block of a slide, and how it is to be shown. */
export interface FigureRequest {
  block: Extract<SlideBlock, { kind: 'widget' }>;
  /** The slide's current step (figures may step with the deck). */
  step: number;
  /** Whether the figure may run live: false in thumbnails, print and future steps. */
  live: boolean;
  /** Whether the slide is the one on screen. */
  active: boolean;
}

/** Draws a figure block: handed to the slide view by the shell, which knows the widgets. */
export type RenderFigure = (figure: FigureRequest) => ReactNode;

interface SlideViewProps {
  slide: Slide;
  /** Blocks of steps up to this one are shown; later ones keep their space, invisible. */
  step: number;
  /** Whether widgets on this slide may run live. */
  live: boolean;
  /** Whether the slide is the one on screen (widgets pause otherwise). */
  active: boolean;
  /** Heading level: h1 on the stage, h2 in the overview and the reading view. */
  headingLevel?: 1 | 2;
  /** Draws the slide's figure blocks. */
  renderFigure: RenderFigure;
}

/** One slide at one step. */
export function SlideView({
  slide,
  step,
  live,
  active,
  headingLevel = 1,
  renderFigure,
}: SlideViewProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const text = slide.blocks.filter((b) => slide.layout !== 'split' || b.kind === 'html');
  const side = slide.layout === 'split' ? slide.blocks.filter((b) => b.kind === 'widget') : [];
  const renderBlocks = (blocks: Slide['blocks']) =>
    blocks.map((block, i) => {
      const hidden = block.step > step;
      if (block.kind === 'html') {
        return (
          <div
            key={i}
            className="slide__block"
            data-step={block.step}
            data-future={hidden || undefined}
            aria-hidden={hidden || undefined}
            dangerouslySetInnerHTML={{ __html: block.html }}
          />
        );
      }
      return (
        <FigureBlock
          key={i}
          step={block.step}
          index={slide.blocks.indexOf(block)}
          hidden={hidden}
          live={live && !hidden}
        >
          {renderFigure({ block, step, live: live && !hidden, active })}
        </FigureBlock>
      );
    });
  return (
    <article className={`slide slide--${slide.layout}`} data-slide-id={slide.id}>
      <Heading className="slide__title" dangerouslySetInnerHTML={{ __html: slide.titleHtml }} />
      {slide.layout === 'split' ? (
        <div className="slide__columns">
          <div className="slide__text">{renderBlocks(text)}</div>
          <div className="slide__side">{renderBlocks(side)}</div>
        </div>
      ) : (
        <div className="slide__body">{renderBlocks(text)}</div>
      )}
    </article>
  );
}

/** The box of one figure block, registered while it is on the page (so the shell can zoom it). */
function FigureBlock({
  step,
  index,
  hidden,
  live,
  children,
}: {
  step: number;
  /** The block's index in the slide (the handout finds a figure by it). */
  index: number;
  hidden: boolean;
  live: boolean;
  children: ReactNode;
}) {
  const register = useCallback(
    (element: HTMLDivElement | null) => (element ? registerFigure(element, { live }) : undefined),
    [live],
  );
  return (
    <div
      ref={register}
      className="slide__block slide__block--widget"
      data-step={step}
      data-block-index={index}
      data-future={hidden || undefined}
      aria-hidden={hidden || undefined}
    >
      {children}
    </div>
  );
}
