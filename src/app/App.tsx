import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { lectureSlides } from '../lecture';
import {
  firstPosition,
  lastPosition,
  nextSlide,
  nextStep,
  previousSlide,
  previousStep,
  samePosition,
} from '../deck/navigation';
import { useDeckPosition } from './useDeckPosition';
import { useDeckKeys } from './useDeckKeys';
import { useMediaQuery } from './useMediaQuery';
import { usePageVisible } from './usePageVisible';
import { toggleFullscreen } from './fullscreen';
import type { DeckAction } from './keymap';
import { Stage } from './Stage';
import { StatusBar } from './StatusBar';
import { Overview } from './Overview';
import { HelpOverlay } from './HelpOverlay';
import { Notice, useNotice } from './Notice';
import { AllSlides } from './AllSlides';
import { PrintView } from './handout/PrintView';
import { HandoutDialog } from './handout/HandoutDialog';
import { exposeWorkingCopy } from './handout/workingCopy';
import { LaserPointer } from './LaserPointer';
import { PresenterPanel } from './PresenterPanel';
import { applyTheme, loadTheme, nextTheme, themeNames } from './theme';
import { zoomElement } from './zoom';
import { useDeckSync } from './sync/useDeckSync';
import { useLocationHash } from '../widgets/shared/useHashParams';
import { getPlaying, replacePlaying, subscribePlaying } from '../widgets/shared/playing';

/** Which layer covers the stage, if any. */
type Overlay = 'none' | 'overview' | 'help' | 'blackout' | 'handout';

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

/** The deck: wires the position, the keys, the views and the second window together. */
export function App() {
  const slides = lectureSlides;
  const counts = useMemo(() => slides.map((s) => s.steps), [slides]);
  const [notice, showNotice] = useNotice();
  const [position, go] = useDeckPosition(slides, showNotice);
  const [overlay, setOverlay] = useState<Overlay>('none');
  const [goToDigits, setGoToDigits] = useState<string | null>(null);
  const [theme, setTheme] = useState(loadTheme);
  const [pointer, setPointer] = useState(false);
  /** Undoes the current zoom of a figure, if one is zoomed. */
  const unzoom = useRef<(() => void) | null>(null);
  const [presenter] = useState(() => viewParam() === 'presenter');
  const [synced, setSynced] = useState(inPresenterSession);
  const reading = useMediaQuery('(max-width: 599px)') && !presenter;
  const pageVisible = usePageVisible();

  // The handout's working copy draws in the light theme and remembers nothing.
  const handoutCopy = viewParam() === 'handout';
  useEffect(() => applyTheme(handoutCopy ? 'light' : theme, !handoutCopy), [theme, handoutCopy]);
  useEffect(() => {
    if (handoutCopy) exposeWorkingCopy();
  }, [handoutCopy]);

  // Mirror everything the room sees to and from a presenter or audience window.
  const hash = useLocationHash();
  const playing = useSyncExternalStore(subscribePlaying, getPlaying, getPlaying);
  const local = useMemo(
    () => ({ hash, blackout: overlay === 'blackout', overview: overlay === 'overview', playing }),
    [hash, overlay, playing],
  );
  const syncProblem = useDeckSync(synced, local, (remote) => {
    if (remote.hash !== window.location.hash) window.location.replace(remote.hash);
    setOverlay((o) =>
      remote.blackout
        ? 'blackout'
        : remote.overview
          ? 'overview'
          : o === 'help' || o === 'handout'
            ? o
            : 'none',
    );
    replacePlaying(remote.playing);
  });

  /** Where the mouse was last: Z zooms the figure under it. */
  const lastPointer = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const move = (event: PointerEvent) =>
      (lastPointer.current = { x: event.clientX, y: event.clientY });
    window.addEventListener('pointermove', move);
    return () => window.removeEventListener('pointermove', move);
  }, []);

  /**
   * Zooms the figure panel around `target` (or under the mouse), else the whole
   * widget, else the slide's first figure; or ends the zoom.
   */
  const zoom = useCallback(
    (target: Element | null) => {
      if (unzoom.current) {
        unzoom.current();
        unzoom.current = null;
        return;
      }
      const p = lastPointer.current;
      const from = target ?? (p ? document.elementFromPoint(p.x, p.y) : null);
      const element = (from?.closest('.widget__panel, .widget') ??
        document.querySelector('.stage .widget, .stage .widget-slot')) as HTMLElement | null;
      if (element) unzoom.current = zoomElement(element);
      else showNotice('There is no figure on this slide to zoom into.');
    },
    [showNotice],
  );
  // Moving on ends a zoom.
  useEffect(() => {
    unzoom.current?.();
    unzoom.current = null;
  }, [position.slide, position.step]);
  useEffect(() => {
    const altClick = (event: MouseEvent) => {
      const figure = (event.target as Element | null)?.closest?.('.widget-slot');
      if (!event.altKey || (!figure && !unzoom.current)) return;
      event.preventDefault();
      zoom(event.target as Element);
    };
    window.addEventListener('click', altClick, true);
    return () => window.removeEventListener('click', altClick, true);
  }, [zoom]);

  const handle = useCallback(
    (action: DeckAction, event: KeyboardEvent): boolean => {
      if (overlay === 'help') {
        if (action === 'help' || event.key === 'Escape' || action === 'overview') {
          setOverlay('none');
          return true;
        }
        return false;
      }
      if (overlay === 'overview' || overlay === 'handout') return false; // they handle their own keys
      if (unzoom.current && (event.key === 'Escape' || action === 'zoom')) {
        zoom(null);
        return true;
      }
      if (overlay === 'blackout' && action !== 'blackout') setOverlay('none');
      switch (action) {
        case 'nextStep':
          go(nextStep(counts, position));
          return true;
        case 'previousStep':
          go(previousStep(counts, position));
          return true;
        case 'nextSlide':
          go(nextSlide(counts, position));
          return true;
        case 'previousSlide':
          go(previousSlide(counts, position));
          return true;
        case 'first':
          go(firstPosition());
          return true;
        case 'last':
          go(lastPosition(counts));
          return true;
        case 'fullscreen':
          void toggleFullscreen(showNotice);
          return true;
        case 'overview':
          setOverlay('overview');
          return true;
        case 'blackout':
          setOverlay((o) => (o === 'blackout' ? 'none' : 'blackout'));
          return true;
        case 'help':
          setOverlay('help');
          return true;
        case 'handout':
          setOverlay('handout');
          return true;
        case 'theme': {
          const next = nextTheme(theme);
          setTheme(next);
          showNotice(`Theme: ${themeNames[next]}.`);
          return true;
        }
        case 'pointer':
          setPointer((p) => !p);
          return true;
        case 'zoom':
          zoom(null);
          return true;
        case 'presenter':
          if (presenter) showNotice('This is the presenter view already.');
          else {
            const url = new URL(window.location.href);
            url.searchParams.set('view', 'presenter');
            const opened = window.open(url.href, 'gsx-presenter', 'popup,width=1280,height=800');
            if (!opened) {
              showNotice('The browser blocked the presenter window; allow pop-ups for this page.');
            } else {
              try {
                window.sessionStorage.setItem(SYNC_KEY, '1');
              } catch {
                // Synced for now, not after a reload.
              }
              setSynced(true);
            }
          }
          return true;
        case 'goTo':
          return true;
      }
    },
    [overlay, counts, position, go, showNotice, theme, zoom, presenter],
  );

  const onGoTo = useCallback(
    (digits: string | null, done: boolean) => {
      if (!done) {
        setGoToDigits(digits);
        return;
      }
      setGoToDigits(null);
      if (digits === null || digits === '') return;
      const number = Number(digits);
      if (number < 1 || number > slides.length) {
        showNotice(`There is no slide ${number}; the deck has ${slides.length}.`);
        return;
      }
      go({ slide: number - 1, step: 0 });
    },
    [slides.length, go, showNotice],
  );

  useDeckKeys(handle, onGoTo);
  useEffect(() => {
    // The benchmark reads this mark: the first slide's content is in the DOM.
    performance.mark('deck-ready');
  }, []);

  const slide = slides[position.slide] ?? slides[0]!;
  const after = nextStep(counts, position);
  const next = samePosition(after, position)
    ? null
    : { slide: slides[after.slide]!, position: after };
  const stage = (
    <Stage
      slide={slide}
      step={position.step}
      active={(overlay === 'none' || presenter) && pageVisible}
      onNext={() => go(nextStep(counts, position))}
      onPrevious={() => go(previousStep(counts, position))}
    />
  );
  return (
    <div
      className={`deck ${reading ? 'deck--reading' : 'deck--stage'}${presenter ? ' deck--presenter' : ''}`}
    >
      {reading ? (
        <AllSlides
          slides={slides}
          live
          current={position.slide}
          onScrolledTo={(index) => go({ slide: index, step: 0 }, { replace: true })}
        />
      ) : (
        <>
          {presenter ? (
            <div className="presenter">
              {stage}
              <PresenterPanel
                next={next}
                current={slide}
                blackout={overlay === 'blackout'}
                syncProblem={syncProblem}
              />
            </div>
          ) : (
            stage
          )}
          <StatusBar
            slides={slides}
            counts={counts}
            position={position}
            onNext={() => go(nextStep(counts, position))}
            onPrevious={() => go(previousStep(counts, position))}
            onOverview={() => setOverlay('overview')}
            onHelp={() => setOverlay('help')}
          />
          {!handoutCopy && <PrintView slides={slides} />}
        </>
      )}
      {overlay === 'overview' && (
        <Overview
          slides={slides}
          current={position.slide}
          onChoose={(index) => {
            setOverlay('none');
            if (index !== null) go({ slide: index, step: 0 });
          }}
          onPrepareHandout={() => setOverlay('handout')}
        />
      )}
      {overlay === 'help' && (
        <HelpOverlay
          onClose={() => setOverlay('none')}
          onPrepareHandout={() => setOverlay('handout')}
        />
      )}
      {overlay === 'handout' && (
        <HandoutDialog slides={slides} onClose={() => setOverlay('none')} />
      )}
      {overlay === 'blackout' && !presenter && (
        <div
          className="blackout"
          role="button"
          tabIndex={0}
          aria-label="Black screen; press B or click to return"
          onClick={() => setOverlay('none')}
        />
      )}
      {pointer && <LaserPointer />}
      {goToDigits !== null && (
        <div className="goto-prompt" role="status">
          Go to slide: {goToDigits}
          <span className="goto-prompt__caret">_</span> (of {slides.length}, Enter to go)
        </div>
      )}
      <Notice text={notice} />
    </div>
  );
}
