/**
 * The handout's working copy of the deck (an iframe with `?view=handout`)
 * copies its figures itself, in its own window: the export reads computed
 * styles and checks element types, and elements of another window fail
 * `instanceof` checks against this one's classes.
 */
import { captureFigure } from './captureFigure';

export interface WorkingCopy {
  /** A static copy (standalone SVG) of the figure in this widget slot. */
  capture: (slot: HTMLElement) => string;
}

type WithCopy = Window & { __handoutCopy?: WorkingCopy };

/** Whether this page is the handout's working copy (`?view=handout`): it mirrors and remembers nothing. */
export const isWorkingCopy = () =>
  new URLSearchParams(window.location.search).get('view') === 'handout';

/** Called in the working copy: offers its capture to the page that opened it. */
export function exposeWorkingCopy() {
  (window as WithCopy).__handoutCopy = { capture: captureFigure };
}

/** The working copy's capture, once its app has started. */
export function workingCopyIn(frame: HTMLIFrameElement): WorkingCopy | undefined {
  return (frame.contentWindow as WithCopy | null)?.__handoutCopy;
}
