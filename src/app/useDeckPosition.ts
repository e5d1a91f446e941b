import { useCallback, useEffect, useRef, useState } from 'react';
import { formatHash, parseHash, splitHash, type HashSlide } from '../deck/hash';
import { samePosition, type Position } from '../deck/navigation';
import { getFigureSettings } from '../deck/stores/figureSettings';
import { moveQuery, parkFollowed, unparkAll } from '../deck/stores/slideLinks';
import { flushHashWrites, replaceHash } from '../deck/stores/useHashParams';

/**
 * The deck's position, kept in the URL hash: each move pushes a history entry
 * (so back and forward walk the steps), a reload restores it, and a hash that
 * points nowhere is replaced by the nearest valid one with a notice.
 * `onNotice` gets that notice, or null when the deck moves without one: a
 * notice about the last link must not stay over a slide it does not concern.
 *
 * With `perSlideLinks` (the stage, where one slide's figures are mounted at a
 * time) a move to another slide takes the settings of the figures shown off
 * the hash and brings back those of the slide reached (stores/slideLinks): a
 * figure's settings belong to its slide's link. The reading view shows every
 * slide at once, so its hash keeps them all.
 */
export function useDeckPosition(
  slides: readonly HashSlide[],
  onNotice: (text: string | null) => void,
  { perSlideLinks }: { perSlideLinks: boolean },
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

  const perSlide = useRef(perSlideLinks);
  useEffect(() => {
    perSlide.current = perSlideLinks;
    // Into the reading view: every slide is on the page, so every setting is in its link.
    if (!perSlideLinks) replaceHash(unparkAll(window.location.hash));
  }, [perSlideLinks]);

  useEffect(() => {
    const follow = () => {
      const resolved = parseHash(slides, window.location.hash);
      const canonical =
        formatHash(slides, resolved.position) + splitHash(window.location.hash).query;
      if (canonical !== window.location.hash) {
        window.history.replaceState(window.history.state, '', canonical);
      }
      const from = slides[current.current.slide]?.id;
      const to = slides[resolved.position.slide]?.id;
      if (perSlide.current && from !== undefined && to !== undefined) {
        parkFollowed(from, to, getFigureSettings(), splitHash(canonical).query);
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
      // Widget state after `?` stays while the deck moves within a slide; to another
      // slide on the stage, the figures' settings go with their slide.
      // A setting changed a moment ago is in the hash before the hash is read.
      flushHashWrites();
      let query = splitHash(window.location.hash).query;
      const from = slides[current.current.slide]?.id;
      const to = slides[next.slide]?.id;
      if (perSlide.current && from !== undefined && to !== undefined && from !== to) {
        query = moveQuery(query, from, to, new Set(Object.keys(getFigureSettings())));
      }
      const hash = formatHash(slides, next) + query;
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
