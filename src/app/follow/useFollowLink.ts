import { useLocationHash } from '../../deck/stores/useHashParams';
import { useFigureSettings } from '../../deck/stores/figureSettings';
import { withParked } from '../../deck/stores/slideLinks';
import type { Position } from '../../deck/navigation';
import type { Slide } from '../../deck/types';
import { followLink, reachNote, trainingNote } from './followLink';

export interface FollowAlong {
  /** The link of what is on screen. */
  link: string;
  /** Sentences for under the code: who cannot open the link, what a training figure does. */
  notes: string[];
}

/** The follow-along link of `position`, kept up to date as the figures and the hash change. */
export function useFollowLink(slides: readonly Slide[], position: Position): FollowAlong {
  const hash = useLocationHash();
  const figures = useFigureSettings();
  const { origin, pathname } = window.location;
  // The phone shows every slide: the settings of slides the stage has left go with it too.
  const link = followLink({ origin, pathname, hash: withParked(hash) }, slides, position, figures);
  const slide = slides[position.slide];
  const notes = [reachNote(link), slide ? trainingNote(slide) : null].filter(
    (note): note is string => note !== null,
  );
  return { link, notes };
}
