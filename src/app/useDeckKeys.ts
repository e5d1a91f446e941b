import { useEffect, useRef } from 'react';
import { actionForKey, type DeckAction } from './keymap';

/** True when the focus is in a control that owns the arrow keys and Space. */
export function focusIsInControl(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"]')) {
    return true;
  }
  return Boolean(
    target.closest(
      '[role="slider"], [role="spinbutton"], [role="listbox"], [role="menu"], [role="textbox"], [role="tablist"]',
    ),
  );
}

/**
 * Listens for the deck's keys on the window. `handle` gets the action and may
 * return false to let the key through to the page. Also collects the digits
 * typed after G and reports them to `onGoTo` on Enter or after a pause.
 */
export function useDeckKeys(
  handle: (action: DeckAction, event: KeyboardEvent) => boolean,
  onGoToDigits: (digits: string | null, done: boolean) => void,
) {
  const handleRef = useRef(handle);
  const goToRef = useRef(onGoToDigits);
  useEffect(() => {
    handleRef.current = handle;
    goToRef.current = onGoToDigits;
  });

  useEffect(() => {
    let digits: string | null = null;
    let timer: number | undefined;
    const finish = (commit: boolean) => {
      window.clearTimeout(timer);
      const typed = digits;
      digits = null;
      goToRef.current(commit ? typed : null, true);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (digits !== null) {
        if (/^\d$/.test(event.key)) {
          digits += event.key;
          goToRef.current(digits, false);
          window.clearTimeout(timer);
          timer = window.setTimeout(() => finish(true), 2000);
        } else if (event.key === 'Backspace') {
          digits = digits.slice(0, -1);
          goToRef.current(digits, false);
        } else {
          finish(event.key === 'Enter');
        }
        event.preventDefault();
        return;
      }
      // Buttons and links keep Space and Enter; sliders and fields keep arrows too.
      const inControl = focusIsInControl(event.target);
      const onButton =
        event.target instanceof Element && event.target.closest('button, a[href], summary');
      const action = actionForKey(event, inControl);
      if (!action) return;
      if (onButton && (event.key === ' ' || event.key === 'Enter')) return;
      if (action === 'goTo') {
        digits = '';
        goToRef.current('', false);
        timer = window.setTimeout(() => finish(false), 4000);
        event.preventDefault();
        return;
      }
      if (handleRef.current(action, event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.clearTimeout(timer);
    };
  }, []);
}
