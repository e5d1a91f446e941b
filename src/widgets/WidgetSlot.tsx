import { Component, Suspense, type ReactNode } from 'react';
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
    <section className="widget-slot" data-widget={name} aria-label={`Live figure: ${name}`}>
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
