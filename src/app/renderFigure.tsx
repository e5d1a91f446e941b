import type { RenderFigure } from '../deck/SlideView';
import { WidgetSlot } from '../widgets/WidgetSlot';
import { PredictedFigure } from './predict/PredictedFigure';

/** How the shell shows a figure block: in a widget slot (the deck itself knows no widget). */
export const renderFigure: RenderFigure = ({ block, step, live, active }) => {
  const slot = (
    <WidgetSlot
      name={block.name}
      variant={block.variant}
      description={block.description}
      step={step}
      live={live}
      active={active}
    />
  );
  // A question goes with the live figure only: thumbnails and print show the figure alone.
  return block.question && live ? (
    <PredictedFigure question={block.question}>{slot}</PredictedFigure>
  ) : (
    slot
  );
};
