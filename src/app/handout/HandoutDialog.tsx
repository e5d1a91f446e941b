import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Slide } from '../../deck/types';
import { handoutSettings, prepareHandout } from './prepareHandout';
import {
  handoutPagesOf,
  HANDOUT_TRAINING_STEPS,
  setHandout,
  setPrintNotes,
  useHandout,
  usePrintNotes,
  type HandoutSteps,
} from './handoutStore';
import './handout.css';

type Progress =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number; doing: string }
  | { state: 'done'; figures: number; pages: number }
  | { state: 'failed'; message: string };

/**
 * "Prepare handout": computes every live figure for print (training figures
 * after a stated number of steps), with progress and Cancel, then prints.
 */
export function HandoutDialog({
  slides,
  onClose,
}: {
  slides: readonly Slide[];
  onClose: () => void;
}) {
  const handout = useHandout();
  const notes = usePrintNotes();
  const [steps, setSteps] = useState<HandoutSteps>(handout?.steps ?? 'last');
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const running = useRef<AbortController | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const print = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement;
    first.current?.focus();
    return () => {
      running.current?.abort();
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);
  useEffect(() => {
    if (progress.state === 'done') print.current?.focus();
  }, [progress.state]);

  const start = () => {
    const controller = new AbortController();
    running.current = controller;
    setProgress({ state: 'running', done: 0, total: 1, doing: 'starting' });
    prepareHandout(slides, {
      steps,
      host: host.current!,
      signal: controller.signal,
      onProgress: (done, total, doing) => setProgress({ state: 'running', done, total, doing }),
    }).then(
      (made) => {
        setHandout(made);
        setProgress({
          state: 'done',
          figures: Object.keys(made.figures).length,
          pages: made.pages.length,
        });
      },
      (error: unknown) => {
        const cancelled = error instanceof DOMException && error.name === 'AbortError';
        setProgress(
          cancelled
            ? { state: 'idle' }
            : { state: 'failed', message: error instanceof Error ? error.message : String(error) },
        );
      },
    );
  };
  const cancel = () => running.current?.abort();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    if (progress.state === 'running') cancel();
    else onClose();
  };

  const isRunning = progress.state === 'running';
  return (
    <div
      className="overlay help handout-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="handout-title"
      onKeyDown={onKeyDown}
      data-state={progress.state}
    >
      <h2 className="overlay__title" id="handout-title">
        Prepare handout
      </h2>
      <p>
        Computes every live figure with the settings it has now (those in the link, and those kept
        for the other slides) and keeps a picture of each for printing (for this tab’s session). The
        toy lab is trained {HANDOUT_TRAINING_STEPS['estimator-lab']} steps, the VAE race{' '}
        {HANDOUT_TRAINING_STEPS['vae-race']} steps and the live Table 1’s shown task{' '}
        {HANDOUT_TRAINING_STEPS['paper-table']} steps, with the link’s seed (else the default).
      </p>
      <fieldset disabled={isRunning}>
        <legend>Pages</legend>
        <label>
          <input
            ref={first}
            type="radio"
            name="handout-steps"
            checked={steps === 'last'}
            onChange={() => setSteps('last')}
          />{' '}
          The last step of each slide ({handoutPagesOf(slides, 'last').length} pages)
        </label>
        <label>
          <input
            type="radio"
            name="handout-steps"
            checked={steps === 'all'}
            onChange={() => setSteps('all')}
          />{' '}
          Every step of every slide ({handoutPagesOf(slides, 'all').length} pages)
        </label>
        <label>
          <input
            type="checkbox"
            checked={notes}
            onChange={(event) => setPrintNotes(event.target.checked)}
          />{' '}
          Print the speaker notes beside each slide
        </label>
      </fieldset>
      {progress.state === 'running' && (
        <p role="status">
          <label>
            Computing the figures: {progress.done} of {progress.total} pages{' '}
            <progress max={progress.total} value={progress.done} />
          </label>{' '}
          {progress.doing}
        </p>
      )}
      {progress.state === 'done' && (
        <p role="status">
          Ready: {progress.figures} figures on {progress.pages} pages. Print now, or later with
          Ctrl+P.
        </p>
      )}
      {progress.state === 'failed' && (
        <p role="alert">The handout could not be made: {progress.message}.</p>
      )}
      {progress.state === 'idle' && handout && (
        <p>
          A handout is prepared ({handout.pages.length} pages); Ctrl+P prints it.
          {handout.settings !== handoutSettings() &&
            ' The figures’ settings have changed since: prepare again to print them as they are now.'}
        </p>
      )}
      <div className="handout-dialog__preview" ref={host} hidden={!isRunning} />
      <p className="handout-dialog__buttons">
        {isRunning ? (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={start}>
            Prepare
          </button>
        )}
        <button
          type="button"
          ref={print}
          disabled={isRunning || (!handout && progress.state !== 'done')}
          onClick={() => window.print()}
        >
          Print…
        </button>
        <button type="button" onClick={onClose} disabled={isRunning}>
          Close
        </button>
      </p>
    </div>
  );
}
