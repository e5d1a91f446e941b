import { useCallback, useEffect, useMemo, useState } from 'react';
import { lectureSlides } from '../lecture';
import {
  firstPosition,
  lastPosition,
  nextSlide,
  nextStep,
  previousSlide,
  previousStep,
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

/** Which layer covers the stage, if any. */
type Overlay = 'none' | 'overview' | 'help' | 'blackout';

/** The deck: wires the position, the keys and the views together. */
export function App() {
  const slides = lectureSlides;
  const counts = useMemo(() => slides.map((s) => s.steps), [slides]);
  const [notice, showNotice] = useNotice();
  const [position, go] = useDeckPosition(slides, showNotice);
  const [overlay, setOverlay] = useState<Overlay>('none');
  const [goToDigits, setGoToDigits] = useState<string | null>(null);
  const reading = useMediaQuery('(max-width: 599px)');
  const pageVisible = usePageVisible();

  const handle = useCallback(
    (action: DeckAction, event: KeyboardEvent): boolean => {
      if (overlay === 'help') {
        if (action === 'help' || event.key === 'Escape' || action === 'overview') {
          setOverlay('none');
          return true;
        }
        return false;
      }
      if (overlay === 'overview') return false; // the overview handles its own keys
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
        case 'goTo':
          return true;
      }
    },
    [overlay, counts, position, go, showNotice],
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
  return (
    <div className={`deck ${reading ? 'deck--reading' : 'deck--stage'}`}>
      {reading ? (
        <AllSlides
          slides={slides}
          live
          current={position.slide}
          onScrolledTo={(index) => go({ slide: index, step: 0 }, { replace: true })}
        />
      ) : (
        <>
          <Stage
            slide={slide}
            step={position.step}
            active={overlay === 'none' && pageVisible}
            onNext={() => go(nextStep(counts, position))}
            onPrevious={() => go(previousStep(counts, position))}
          />
          <StatusBar
            slides={slides}
            counts={counts}
            position={position}
            onNext={() => go(nextStep(counts, position))}
            onPrevious={() => go(previousStep(counts, position))}
            onOverview={() => setOverlay('overview')}
            onHelp={() => setOverlay('help')}
          />
          <AllSlides slides={slides} live={false} current={position.slide} printOnly />
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
        />
      )}
      {overlay === 'help' && <HelpOverlay onClose={() => setOverlay('none')} />}
      {overlay === 'blackout' && (
        <div
          className="blackout"
          role="button"
          tabIndex={0}
          aria-label="Black screen; press B or click to return"
          onClick={() => setOverlay('none')}
        />
      )}
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
