/**
 * The figures on the page, registered by the slide view that lays them out, so
 * that the shell can find one (to zoom it) without querying the DOM for a
 * widget's CSS classes. A figure is the box of one figure block of a slide.
 */

interface FigureEntry {
  /** Whether the figure may run live now: it is shown on the stage or on screen in the reading view. */
  live: boolean;
}

const figures = new Map<HTMLElement, FigureEntry>();

/** Registers a figure's box; returns the function that removes it again. */
export function registerFigure(element: HTMLElement, entry: FigureEntry): () => void {
  figures.set(element, entry);
  return () => {
    if (figures.get(element) === entry) figures.delete(element);
  };
}

/** The live figure that contains `node`, if any. */
export function liveFigureAround(node: Node | null): HTMLElement | null {
  if (!node) return null;
  for (const [element, entry] of figures) if (entry.live && element.contains(node)) return element;
  return null;
}

/** The first live figure in document order, if any. */
export function firstLiveFigure(): HTMLElement | null {
  let first: HTMLElement | null = null;
  for (const [element, entry] of figures) {
    if (!entry.live) continue;
    if (!first || first.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING)
      first = element;
  }
  return first;
}
