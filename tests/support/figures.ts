/** Draws the figure cases of src/testing/figureTestApi.ts in the page, through the e2e build's hook. */
import type { Page } from 'playwright-core';
import type { CanvasSnapshot, ElementSnapshot } from '../../src/testing/figureSnapshot';

type Hook = { figures: () => Promise<Record<string, (...a: unknown[]) => unknown>> };

async function callFigures<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ([name, fnArgs]) => {
      const api = await (window as unknown as { __explorer: Hook }).__explorer.figures();
      return api[name as string]!(...(fnArgs as unknown[]));
    },
    [fn, args] as const,
  ) as Promise<T>;
}

export const figureNames = (page: Page) => callFigures<string[]>(page, 'figureNames');

export const drawFigure = (page: Page, name: string) =>
  callFigures<ElementSnapshot | CanvasSnapshot>(page, 'drawFigure', name);
