import { createElement, lazy, useState, type ComponentType, type ReactNode } from 'react';
import type { WidgetName } from '../deck/types';
import type { WidgetProps } from './widgetProps';

/**
 * A widget loaded on demand, in its own chunk, that `preload()` can fetch
 * ahead (the deck does while the title slide shows). Once loaded it renders
 * at once: a lazy component suspends even when its chunk is cached, and React
 * then shows the slide's fallback for at least 300 ms.
 */
export interface LoadableWidget {
  (props: WidgetProps): ReactNode;
  preload: () => Promise<unknown>;
}

/** Makes a loadable widget of a named export. */
function lazyNamed<K extends string>(
  load: () => Promise<Record<K, ComponentType<WidgetProps>>>,
  name: K,
): LoadableWidget {
  let loaded: ComponentType<WidgetProps> | null = null;
  let loading: Promise<ComponentType<WidgetProps>> | null = null;
  const fetch = () =>
    (loading ??= load().then(
      (module) => (loaded = module[name]),
      (error: unknown) => {
        loading = null; // a failed fetch (offline) may be tried again
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await fetch() }));
  function Widget(props: WidgetProps) {
    // Chosen once per mount: switching from Lazy to the loaded component would remount the widget.
    const [Loaded] = useState(() => loaded);
    return Loaded ? createElement(Loaded, props) : createElement(Lazy, props);
  }
  return Object.assign(Widget, { preload: fetch });
}

/**
 * The live widgets, each loaded on demand in its own chunk so that the deck's
 * first load carries none of tfjs or d3. A name missing here shows the slot's
 * description instead.
 */
export const widgetRegistry: Partial<Record<WidgetName, LoadableWidget>> = {
  'estimator-graphs': lazyNamed(
    () => import('./estimator-graphs/EstimatorGraphs'),
    'EstimatorGraphs',
  ),
  'estimator-lab': lazyNamed(() => import('./estimator-lab/EstimatorLab'), 'EstimatorLab'),
  'gumbel-max': lazyNamed(() => import('./gumbel-max/GumbelMax'), 'GumbelMax'),
  'vae-race': lazyNamed(() => import('./vae-race/VaeRace'), 'VaeRace'),
  'paper-table': lazyNamed(() => import('./paper-table/PaperTableFigure'), 'PaperTableFigure'),
  'temperature-sweep': lazyNamed(
    () => import('./temperature-sweep/TemperatureSweep'),
    'TemperatureSweep',
  ),
};

/** Fetches every widget's code, one after another (the deck's prefetch, after first paint). */
export async function preloadWidgets(): Promise<void> {
  for (const widget of Object.values(widgetRegistry)) await widget.preload();
}
