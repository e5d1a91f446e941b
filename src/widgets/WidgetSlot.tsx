import { Component, Suspense, type MouseEvent, type ReactNode } from 'react';
import type { WidgetName } from '../deck/types';
import { widgetRegistry } from './registry';

interface SlotProps {
  name: WidgetName;
  variant?: string | undefined;
  description: string;
  step: number;
  /** Whether the live widget may run: false in thumbnails, print and hidden slides. */
  live: boolean;
  active: boolean;
}

/**
 * The place on a slide where a live figure goes. Until the widget has loaded,
 * when it does not exist yet, or when it is not live (overview, print), the slot
 * shows the sentence that says what the figure shows.
 */
export function WidgetSlot({ name, variant, description, step, live, active }: SlotProps) {
  const Widget = widgetRegistry[name];
  const fallback = (
    <figure className="widget-slot__placeholder">
      <figcaption>
        <span className="widget-slot__label">
          {Widget ? 'Live figure' : 'Live figure (to come)'}
        </span>{' '}
        {description}
      </figcaption>
    </figure>
  );
  return (
    <section
      className="widget-slot"
      data-widget={name}
      aria-label={`Live figure: ${name}`}
      onClick={returnFocusAfterPointerClick}
    >
      {Widget && live ? (
        <WidgetErrorBoundary description={description}>
          <Suspense fallback={fallback}>
            <Widget step={step} active={active} variant={variant} />
          </Suspense>
        </WidgetErrorBoundary>
      ) : (
        fallback
      )}
    </section>
  );
}

/**
 * After a button or checkbox of a widget is clicked with a pointer, the focus
 * leaves it, so that Space and Enter go to the deck again (as the help says)
 * instead of pressing the button a second time. A click made with the keyboard
 * (Enter or Space on a focused button) has `detail` 0 and keeps the focus, so a
 * keyboard user can press the button again. React runs the button's own
 * handler first: this one sees the click as it bubbles out of the widget.
 */
function returnFocusAfterPointerClick(event: MouseEvent<HTMLElement>) {
  if (event.detail === 0 || !(event.target instanceof Element)) return;
  const control = event.target.closest('button, input[type="checkbox"], input[type="radio"]');
  if (control instanceof HTMLElement && control === document.activeElement) control.blur();
}

/** A widget that throws shows a message and its description; the deck keeps working. */
class WidgetErrorBoundary extends Component<
  { description: string; children: ReactNode },
  { error: string | null }
> {
  state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  render() {
    if (this.state.error === null) return this.props.children;
    return (
      <figure className="widget-slot__placeholder" role="alert">
        <figcaption>
          <strong>This figure stopped with an error:</strong> {this.state.error}{' '}
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <br />
          {this.props.description}
        </figcaption>
      </figure>
    );
  }
}
