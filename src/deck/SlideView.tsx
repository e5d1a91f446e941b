import type { Slide } from './types';
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
}

/** One slide at one step. */
export function SlideView({ slide, step, live, active, headingLevel = 1 }: SlideViewProps) {
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
          data-future={hidden || undefined}
          aria-hidden={hidden || undefined}
        >
          <WidgetSlot
            name={block.name}
            variant={block.variant}
            description={block.description}
            step={step}
            live={live && !hidden}
            active={active}
          />
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
