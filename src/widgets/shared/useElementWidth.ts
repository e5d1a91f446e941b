import { useElementDimension } from './useElementDimension';

/**
 * The layout width of an element. Figures draw their SVGs at this width, so
 * that an SVG's viewBox scale is 1 and its text renders at the size the CSS
 * gives it, on the stage and in the phone's reading view alike.
 */
export const useElementWidth = (initial: number) => useElementDimension('clientWidth', initial);
