/**
 * A static copy of a drawn figure for print: the whole widget (charts,
 * canvases, captions, legends, the values its fields show) as one standalone
 * SVG with its computed styles inlined, by the figure-export core. Made in the
 * working copy, which draws in the light theme, so the copy prints light
 * whatever the theme on screen.
 */
import { figureToSvg } from '../../plots/exportFigure';

export function captureFigure(slot: HTMLElement): string {
  return figureToSvg(slot.querySelector('.widget') ?? slot);
}
