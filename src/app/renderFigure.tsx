import type { RenderFigure } from '../deck/SlideView';
import { WidgetSlot } from '../widgets/WidgetSlot';

/** How the shell shows a figure block: in a widget slot (the deck itself knows no widget). */
export const renderFigure: RenderFigure = ({ block, step, live, active }) => (
  <WidgetSlot
    name={block.name}
    variant={block.variant}
    description={block.description}
    step={step}
    live={live}
    active={active}
  />
);
