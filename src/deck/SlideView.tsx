import type { ReactNode } from 'react';
import type { Slide, SlideBlock } from './types';
import { WidgetSlot } from '../widgets/WidgetSlot';

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
  /**
   * Print only: what stands in a widget's place (a prepared picture, or a line
   * saying how to prepare one); undefined keeps the widget's own slot.
   */
  figure?: (block: Extract<SlideBlock, { kind: 'widget' }>, blockIndex: number) => ReactNode;
}

/** One slide at one step. */
export function SlideView({ slide, step, live, active, headingLevel = 1, figure }: SlideViewProps) {
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
        <div
          key={i}
          className="slide__block slide__block--widget"
          data-step={block.step}
          data-block-index={slide.blocks.indexOf(block)}
          data-future={hidden || undefined}
          aria-hidden={hidden || undefined}
        >
          {figure?.(block, slide.blocks.indexOf(block)) ?? (
            <WidgetSlot
              name={block.name}
              variant={block.variant}
              description={block.description}
              step={step}
              live={live && !hidden}
              active={active}
            />
          )}
        </div>
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
