import { useEffect, useRef } from 'react';
import { keyBindings } from './keymap';
import { ComputeStatus } from '../widgets/shared/ComputeStatus';

/** Every key the deck knows, from the same table the key handler uses. */
export function HelpOverlay({
  onClose,
  onPrepareHandout,
}: {
  onClose: () => void;
  /** Opens the handout dialog (figures computed for print). */
  onPrepareHandout: () => void;
}) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    close.current?.focus({ preventScroll: true }); // the dialog opens at its top, the title in view
    return () => {
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);
  return (
    <div className="overlay help" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <h2 className="overlay__title" id="help-title">
        Keyboard
      </h2>
      <table className="help__table">
        <tbody>
          {keyBindings.map((binding) => (
            <tr key={binding.action}>
              <th scope="row">
                {binding.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' '}
                    {key.startsWith('then') ? key : <kbd>{key}</kbd>}
                  </span>
                ))}
              </th>
              <td>{binding.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Touch: swipe left or right for the next or previous step. Controls in a figure keep the
        arrow keys while they have focus; Page Up and Page Down (a clicker) still move the deck.
      </p>
      <p>
        Printing: Ctrl+P prints one page a slide.{' '}
        <button type="button" onClick={onPrepareHandout}>
          Prepare handout…
        </button>{' '}
        computes every live figure first, so that the pages show them.
      </p>
      <ComputeStatus />
      <button type="button" ref={close} onClick={onClose}>
        Close
      </button>
    </div>
  );
}
