import { useEffect, useState, type ReactNode } from 'react';
import type { Slide } from '../deck/types';
import { SlideView } from '../deck/SlideView';
import { renderFigure } from './renderFigure';
import type { Position } from '../deck/navigation';
import { PresenterCue } from './predict/PresenterCue';

interface PresenterPanelProps {
  next: { slide: Slide; position: Position } | null;
  current: Slide;
  blackout: boolean;
  /** Why the audience window cannot follow, if it cannot. */
  syncProblem: string | null;
  /** The follow-along QR code's button and, while the room sees it, its copy. */
  followAlong?: ReactNode;
}

const pad = (n: number) => String(n).padStart(2, '0');
const formatElapsed = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
};

/** The presenter's side: what comes next, the notes, a timer and the clock. */
export function PresenterPanel({
  next,
  current,
  blackout,
  syncProblem,
  followAlong,
}: PresenterPanelProps) {
  const [now, setNow] = useState(() => Date.now());
  const [timer, setTimer] = useState<{ startedAt: number | null; banked: number }>({
    startedAt: null,
    banked: 0,
  });
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, []);
  const elapsed = timer.banked + (timer.startedAt === null ? 0 : now - timer.startedAt);
  return (
    <aside className="presenter-panel" aria-label="Presenter">
      {blackout && (
        <p className="presenter-panel__warning">The audience screen is black (B to return).</p>
      )}
      <div role="status" aria-live="polite">
        {syncProblem && (
          <p className="presenter-panel__warning presenter-panel__sync">{syncProblem}</p>
        )}
      </div>
      <section>
        <h2>Next</h2>
        {next ? (
          <div
            className="presenter-panel__next"
            aria-label={`Next: ${next.slide.title}, step ${next.position.step + 1}`}
          >
            <div className="overview__thumb-stage">
              <SlideView
                slide={next.slide}
                step={next.position.step}
                live={false}
                active={false}
                headingLevel={2}
                renderFigure={renderFigure}
              />
            </div>
          </div>
        ) : (
          <p>This is the end of the deck.</p>
        )}
      </section>
      <PresenterCue slide={current} />
      <section className="presenter-panel__notes">
        <h2>Notes</h2>
        <div
          dangerouslySetInnerHTML={{
            __html: current.notesHtml || '<p>No notes for this slide.</p>',
          }}
        />
      </section>
      {followAlong}
      <section className="presenter-panel__time">
        <span>
          Elapsed <strong className="presenter-panel__elapsed">{formatElapsed(elapsed)}</strong>
        </span>
        <button
          type="button"
          onClick={() =>
            setTimer((t) =>
              t.startedAt === null
                ? { ...t, startedAt: Date.now() }
                : { startedAt: null, banked: t.banked + Date.now() - t.startedAt },
            )
          }
        >
          {timer.startedAt === null ? 'Start' : 'Pause'}
        </button>
        <button type="button" onClick={() => setTimer({ startedAt: null, banked: 0 })}>
          Reset
        </button>
        <span>
          Clock{' '}
          <strong>
            {new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
          </strong>
        </span>
      </section>
    </aside>
  );
}
