import { useCallback, useEffect, useRef, useState } from 'react';
import { formatHash, parseHash, splitHash, type HashSlide } from '../deck/hash';
import { samePosition, type Position } from '../deck/navigation';

/**
 * The deck's position, kept in the URL hash: each move pushes a history entry
 * (so back and forward walk the steps), a reload restores it, and a hash that
 * points nowhere is replaced by the nearest valid one with a notice.
 * `onNotice` gets that notice, or null when the deck moves without one: a
 * notice about the last link must not stay over a slide it does not concern.
 */
export function useDeckPosition(
  slides: readonly HashSlide[],
  onNotice: (text: string | null) => void,
) {
  const [position, setPosition] = useState<Position>(() => {
    const resolved = parseHash(slides, window.location.hash);
    return resolved.position;
  });
  const current = useRef(position);
  const moveTo = useCallback((next: Position) => {
    current.current = next;
    setPosition((old) => (samePosition(old, next) ? old : next));
  }, []);

  useEffect(() => {
    const follow = () => {
      const resolved = parseHash(slides, window.location.hash);
      const canonical =
        formatHash(slides, resolved.position) + splitHash(window.location.hash).query;
      if (canonical !== window.location.hash) {
        window.history.replaceState(window.history.state, '', canonical);
      }
      if (resolved.notice) onNotice(resolved.notice);
      else if (!samePosition(current.current, resolved.position)) onNotice(null);
      moveTo(resolved.position);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [slides, onNotice, moveTo]);

  const go = useCallback(
    (next: Position, options: { replace?: boolean } = {}) => {
      // Widget state after `?` stays as it is while the deck moves.
      const hash = formatHash(slides, next) + splitHash(window.location.hash).query;
      if (hash !== window.location.hash) {
        if (options.replace) window.history.replaceState(window.history.state, '', hash);
        else window.location.hash = hash;
      }
      if (!samePosition(current.current, next)) onNotice(null);
      moveTo(next);
    },
    [slides, onNotice, moveTo],
  );

  return [position, go] as const;
}
