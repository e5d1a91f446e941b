import { useEffect, useMemo, useState } from 'react';
import { lectureSlides } from '../lecture';
import { nextStep, previousStep, samePosition } from '../deck/navigation';
import { parseHash } from '../deck/hash';
import { useMediaQuery } from '../deck/stores/useMediaQuery';
import { usePageVisible } from '../deck/stores/usePageVisible';
import { useDeckPosition } from './useDeckPosition';
import { useDeckKeys } from './useDeckKeys';
import { useFigureZoom } from './useFigureZoom';
import { usePresenterWindow } from './usePresenterWindow';
import { useMirroredDeck } from './sync/useMirroredDeck';
import { goToSlide } from './deckReducer';
import { useDeckShell } from './useDeckShell';
import { Stage } from './Stage';
import { StatusBar } from './StatusBar';
import { DeckOverlays } from './DeckOverlays';
import { Notice, useNotice } from './Notice';
import { AllSlides } from './AllSlides';
import { PresenterPanel } from './PresenterPanel';
import { FollowAlongPanel } from './follow/FollowAlong';
import { PrintView } from './handout/PrintView';
import { isWorkingCopy } from './handout/workingCopy';
import { SearchButton } from './search/SearchButton';
import { scrollReadingViewTo } from './search/scrollToResult';
import { PredictViewContext, type PredictView } from './predict/predictView';
import { advanceQuestions } from './predict/predictKey';
import { InkLayer, type InkToolChoice } from './ink/InkLayer';
import { InkToolbar } from './ink/InkToolbar';
import { useInkSync } from './ink/useInkSync';
import { usePrefetchCompute } from './usePrefetchCompute';

/** The deck: wires the position, the keys, the views and the second window together. */
export function App() {
  const slides = lectureSlides;
  const counts = useMemo(() => slides.map((s) => s.steps), [slides]);
  const [notice, showNotice] = useNotice();
  const presenterWindow = usePresenterWindow(showNotice);
  const { presenter } = presenterWindow;
  const reading = useMediaQuery('(max-width: 599px)') && !presenter;
  const [position, go] = useDeckPosition(slides, showNotice, { perSlideLinks: !reading });
  const [goToDigits, setGoToDigits] = useState<string | null>(null);
  const zoom = useFigureZoom(position, showNotice);
  const pageVisible = usePageVisible();
  // A phone following along asks every question; the stage asks when the lecturer presses V.
  const synced = presenterWindow.synced;
  const predictView = useMemo<PredictView>(
    () =>
      reading
        ? { defaultStage: 'asked', placement: 'inline', answering: !synced }
        : { defaultStage: 'hidden', placement: 'cover', answering: !synced },
    [reading, synced],
  );
  const { shell, dispatch, run, mirror } = useDeckShell({
    position,
    counts,
    go,
    showNotice,
    zoom,
    presenterWindow,
    onPredict: () => {
      const slideNow = slides[position.slide];
      if (!slideNow) return;
      const text = advanceQuestions(slideNow, position.step, predictView.defaultStage);
      if (text) showNotice(text);
    },
  });

  const syncProblem = useMirroredDeck(presenterWindow.synced, shell.overlay, shell.qr, mirror);
  useInkSync(presenterWindow.synced);
  const [inkTool, setInkTool] = useState<InkToolChoice>({ mode: 'pen', color: 'red' });
  // The phone's reading view has no stage to draw on: ink is for the slide view.
  const drawing = shell.drawing && !reading;
  useDeckKeys(
    (action, event) => {
      if (action === 'draw' && reading) {
        showNotice(
          'Drawing needs the slide view: widen the window (the phone view is for reading).',
        );
        return true;
      }
      return dispatch({ type: 'key', action, escape: event.key === 'Escape' });
    },
    (digits, done) => {
      setGoToDigits(done ? null : digits);
      const effect = done ? goToSlide(digits, slides.length) : null;
      if (effect) run(effect);
    },
  );
  useEffect(() => {
    // The reading view scrolls to where a followed link, back or forward, or a key moved the
    // hash; its own scrolling only replaces the hash, which fires no hashchange.
    if (!reading) return;
    const follow = () => {
      const at = parseHash(slides, window.location.hash).position;
      requestAnimationFrame(() => scrollReadingViewTo(at));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [reading, slides]);
  useEffect(() => {
    // The benchmark reads this mark: the first slide's content is in the DOM.
    performance.mark('deck-ready');
  }, []);
  usePrefetchCompute();

  const slide = slides[position.slide] ?? slides[0]!;
  const after = nextStep(counts, position);
  const next = samePosition(after, position)
    ? null
    : { slide: slides[after.slide]!, position: after };
  const onNext = () => go(nextStep(counts, position));
  const onPrevious = () => go(previousStep(counts, position));
  const onSearch = () => dispatch({ type: 'open', overlay: 'search' });
  // A dialog covers the deck (the QR code too, except in the presenter view, where it is in the panel).
  const behindDialog =
    ['overview', 'help', 'handout', 'search'].includes(shell.overlay) || (shell.qr && !presenter);
  const stage = (
    <Stage
      slide={slide}
      step={position.step}
      active={((shell.overlay === 'none' && !shell.qr) || presenter) && pageVisible}
      onNext={onNext}
      onPrevious={onPrevious}
    >
      <InkLayer slide={slide} step={position.step} drawing={drawing} tool={inkTool} />
    </Stage>
  );
  return (
    <PredictViewContext value={predictView}>
      <div
        className={`deck ${reading ? 'deck--reading' : 'deck--stage'}${presenter ? ' deck--presenter' : ''}`}
      >
        {/* Behind an open dialog the deck is inert: Tab and clicks stay in the dialog. */}
        <div className="deck__behind" inert={behindDialog || undefined}>
          {reading ? (
            <>
              <AllSlides
                slides={slides}
                live
                current={position.slide}
                onScrolledTo={(index) => go({ slide: index, step: 0 }, { replace: true })}
              />
              <SearchButton onClick={onSearch} />
            </>
          ) : (
            <>
              {presenter ? (
                <div className="presenter">
                  {stage}
                  <PresenterPanel
                    next={next}
                    current={slide}
                    blackout={shell.overlay === 'blackout'}
                    syncProblem={syncProblem}
                    followAlong={
                      <FollowAlongPanel
                        slides={slides}
                        position={position}
                        shown={shell.qr}
                        onToggle={() =>
                          dispatch({ type: 'key', action: 'followAlong', escape: false })
                        }
                      />
                    }
                  />
                </div>
              ) : (
                stage
              )}
              <StatusBar
                slides={slides}
                counts={counts}
                position={position}
                onNext={onNext}
                onPrevious={onPrevious}
                onOverview={() => dispatch({ type: 'open', overlay: 'overview' })}
                onHelp={() => dispatch({ type: 'open', overlay: 'help' })}
                onSearch={onSearch}
              />
              {drawing && (
                <InkToolbar
                  slides={slides}
                  slide={slide}
                  step={position.step}
                  tool={inkTool}
                  onTool={setInkTool}
                  onClose={() => dispatch({ type: 'key', action: 'draw', escape: false })}
                />
              )}
            </>
          )}
        </div>
        {!reading && !isWorkingCopy() && <PrintView slides={slides} />}
        <DeckOverlays
          slides={slides}
          current={position.slide}
          position={position}
          shell={shell}
          presenter={presenter}
          goToDigits={goToDigits}
          dispatch={dispatch}
          onChooseSlide={(index) => go({ slide: index, step: 0 })}
          onChooseResult={(at) => {
            go(at);
            if (reading) requestAnimationFrame(() => scrollReadingViewTo(at));
          }}
        />
        <Notice text={notice} />
      </div>
    </PredictViewContext>
  );
}
