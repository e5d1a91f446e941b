import { useElementDimension } from './useElementDimension';

/**
 * The layout height of an element, for a chart whose box the page's layout
 * sizes (e.g. a flex item that takes the room a slide has left): the chart
 * draws at this height, so that a message or an open panel above it shrinks
 * the chart instead of pushing its labels off the slide. The element's own
 * content must not size it (an absolutely placed SVG).
 */
export const useElementHeight = (initial: number) => useElementDimension('clientHeight', initial);
