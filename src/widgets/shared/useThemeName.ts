import { useSyncExternalStore } from 'react';

/** The page's theme (`data-theme` on <html>), so canvas drawings can redraw when it changes. */
export function useThemeName(): string {
  return useSyncExternalStore(
    (notify) => {
      const observer = new MutationObserver(notify);
      observer.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['data-theme'],
      });
      return () => observer.disconnect();
    },
    () => document.documentElement.dataset.theme ?? 'light',
    () => 'light',
  );
}
