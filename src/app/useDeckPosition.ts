import { useCallback, useEffect, useState } from 'react';
import { formatHash, parseHash, splitHash, type HashSlide } from '../deck/hash';
import { samePosition, type Position } from '../deck/navigation';

/**
 * The deck's position, kept in the URL hash: each move pushes a history entry
 * (so back and forward walk the steps), a reload restores it, and a hash that
 * points nowhere is replaced by the nearest valid one with a notice.
 */
export function useDeckPosition(slides: readonly HashSlide[], onNotice: (text: string) => void) {
  const [position, setPosition] = useState<Position>(() => {
    const resolved = parseHash(slides, window.location.hash);
    return resolved.position;
  });

  useEffect(() => {
    const follow = () => {
      const resolved = parseHash(slides, window.location.hash);
      const canonical =
        formatHash(slides, resolved.position) + splitHash(window.location.hash).query;
      if (canonical !== window.location.hash) {
        window.history.replaceState(window.history.state, '', canonical);
      }
      if (resolved.notice) onNotice(resolved.notice);
      setPosition((old) => (samePosition(old, resolved.position) ? old : resolved.position));
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [slides, onNotice]);

  const go = useCallback(
    (next: Position, options: { replace?: boolean } = {}) => {
      // Widget state after `?` stays as it is while the deck moves.
      const hash = formatHash(slides, next) + splitHash(window.location.hash).query;
      if (hash !== window.location.hash) {
        if (options.replace) window.history.replaceState(window.history.state, '', hash);
        else window.location.hash = hash;
      }
      setPosition((old) => (samePosition(old, next) ? old : next));
    },
    [slides],
  );

  return [position, go] as const;
}
