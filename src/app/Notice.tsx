import { useCallback, useEffect, useState } from 'react';
import { IsolatedText } from '../deck/IsolatedText';

interface NoticeState {
  text: string;
  id: number;
}

/**
 * A brief message for the user (a bad link, a refused fullscreen): shown for
 * six seconds, or until `show(null)` (the deck calls it when it moves on).
 */
export function useNotice(): [NoticeState | null, (text: string | null) => void] {
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const show = useCallback(
    (text: string | null) =>
      setNotice((old) => (text === null ? null : { text, id: (old?.id ?? 0) + 1 })),
    [],
  );
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);
  return [notice, show];
}

/** The live region is always present so that screen readers announce each notice. */
export function Notice({ text }: { text: NoticeState | null }) {
  return (
    <div className="notice" role="status" aria-live="polite" data-shown={text ? 'true' : 'false'}>
      {text && <IsolatedText text={text.text} />}
    </div>
  );
}
