import { useCallback, useState } from 'react';

const viewParam = () => new URLSearchParams(window.location.search).get('view');
const SYNC_KEY = 'gsx.sync';

/**
 * Only windows of a presenter session mirror each other: the presenter view,
 * windows opened with ?view=audience, and the tab that opened a presenter view
 * (remembered for that tab across reloads). Two ordinary tabs stay independent.
 */
function inPresenterSession(): boolean {
  const view = viewParam();
  if (view === 'handout') return false; // the handout's working copy mirrors nothing
  if (view === 'presenter' || view === 'audience') return true;
  try {
    return window.sessionStorage.getItem(SYNC_KEY) === '1';
  } catch {
    return false;
  }
}

export interface PresenterWindow {
  /** Whether this window is the presenter view (`?view=presenter`). */
  presenter: boolean;
  /** Whether this window mirrors the other windows of a presenter session. */
  synced: boolean;
  /** Opens the presenter view in a second window and starts mirroring. */
  open: () => void;
}

/** The presenter view: which window this is, and opening the second one. */
export function usePresenterWindow(showNotice: (text: string) => void): PresenterWindow {
  const [presenter] = useState(() => viewParam() === 'presenter');
  const [synced, setSynced] = useState(inPresenterSession);
  const open = useCallback(() => {
    const url = new URL(window.location.href);
    url.searchParams.set('view', 'presenter');
    const opened = window.open(url.href, 'gsx-presenter', 'popup,width=1280,height=800');
    if (!opened) {
      showNotice('The browser blocked the presenter window; allow pop-ups for this page.');
      return;
    }
    try {
      window.sessionStorage.setItem(SYNC_KEY, '1');
    } catch {
      // Synced for now, not after a reload.
    }
    setSynced(true);
  }, [showNotice]);
  return { presenter, synced, open };
}
