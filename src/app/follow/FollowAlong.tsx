import { lazy, Suspense, useEffect, useRef } from 'react';
import type { Position } from '../../deck/navigation';
import type { Slide } from '../../deck/types';
import { useFollowLink, type FollowAlong as Follow } from './useFollowLink';
import './follow.css';

/** The QR encoder in a chunk of its own, loaded with the first code (and cached for offline use). */
const QrCode = lazy(async () => ({ default: (await import('./QrCode')).QrCode }));

/** The code, the link beneath it in text, and the notes. */
function CodeAndLink({ follow, className }: { follow: Follow; className: string }) {
  return (
    <>
      <Suspense fallback={<div className={`${className} qr-code--loading`} />}>
        <QrCode text={follow.link} className={className} />
      </Suspense>
      <p className="follow__link">
        <a href={follow.link}>{follow.link}</a>
      </p>
      {follow.notes.map((note) => (
        <p className="follow__note" key={note}>
          {note}
        </p>
      ))}
    </>
  );
}

interface FollowAlongProps {
  slides: readonly Slide[];
  position: Position;
  onClose: () => void;
}

/**
 * Q on the room's screen: a QR code as tall as the window allows, for the back
 * row, of the link of exactly what is on screen (see followLink.ts).
 */
export function FollowAlongOverlay({ slides, position, onClose }: FollowAlongProps) {
  const follow = useFollowLink(slides, position);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    close.current?.focus({ preventScroll: true });
    return () => {
      if (opener instanceof HTMLElement) opener.focus({ preventScroll: true });
    };
  }, []);
  return (
    <div className="overlay follow" role="dialog" aria-modal="true" aria-labelledby="follow-title">
      <div className="follow__code-column">
        <CodeAndLink follow={follow} className="follow__code" />
      </div>
      <div className="follow__side">
        <h2 className="overlay__title" id="follow-title">
          Follow on your phone
        </h2>
        <p>
          Scan the code to open this slide, with the same figure settings and seed, on your own
          device.
        </p>
        <button type="button" ref={close} onClick={onClose}>
          Close (Q or Esc)
        </button>
      </div>
    </div>
  );
}

/**
 * The presenter view's part: the button that shows the code on the room's
 * screen (the audience window, where students can scan it), and, while it is
 * shown, a small copy with the link, so that the lecturer sees what the room sees.
 */
export function FollowAlongPanel({
  slides,
  position,
  shown,
  onToggle,
}: Omit<FollowAlongProps, 'onClose'> & { shown: boolean; onToggle: () => void }) {
  return (
    <section className="presenter-panel__follow">
      <h2>Follow along</h2>
      <button type="button" aria-pressed={shown} onClick={onToggle}>
        {shown ? 'Hide the QR code (Q)' : 'Show the QR code to the room (Q)'}
      </button>
      {shown && <ShownCode slides={slides} position={position} />}
    </section>
  );
}

function ShownCode({ slides, position }: { slides: readonly Slide[]; position: Position }) {
  const follow = useFollowLink(slides, position);
  return (
    <div className="follow follow--small">
      <CodeAndLink follow={follow} className="follow__code" />
    </div>
  );
}
