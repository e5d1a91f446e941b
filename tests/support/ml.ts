/** Calls into the page's numerics through the e2e build's hook. */
import type { Page } from 'playwright-core';
import type * as MlTestApi from '../../src/testing/mlTestApi';

type Api = typeof MlTestApi;
type Fn = { [K in keyof Api]: Api[K] extends (...args: never[]) => unknown ? K : never }[keyof Api];

/** Runs `api[name](...args)` in the page and returns its (awaited) result. */
export function callMl<K extends Fn>(
  page: Page,
  name: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> {
  return page.evaluate(
    async ([fn, fnArgs]) => {
      const hook = (
        window as unknown as {
          __explorer: { ml: () => Promise<Record<string, (...a: unknown[]) => unknown>> };
        }
      ).__explorer;
      const api = await hook.ml();
      return api[fn as string]!(...(fnArgs as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Api[K]>>>;
}
