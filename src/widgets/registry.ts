import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { WidgetName } from '../deck/types';

/** What every widget receives from its slot. */
export interface WidgetProps {
  /** The current step of the slide the widget sits on (widgets may step with the deck). */
  step: number;
  /** False while the widget's slide is not on screen: it must do no work then. */
  active: boolean;
  /** The variant the lecture asked for (`@widget name(variant): …`), if any. */
  variant?: string;
}

/**
 * The live widgets, each loaded on demand in its own chunk so that the deck's
 * first load carries none of tfjs or d3. A name missing here shows the slot's
 * description instead.
 */
/** Makes `lazy` usable with a named export. */
function lazyNamed<K extends string>(
  load: () => Promise<Record<K, ComponentType<WidgetProps>>>,
  name: K,
): LazyExoticComponent<ComponentType<WidgetProps>> {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const widgetRegistry: Partial<
  Record<WidgetName, LazyExoticComponent<ComponentType<WidgetProps>>>
> = {
  'estimator-graphs': lazyNamed(
    () => import('./estimator-graphs/EstimatorGraphs'),
    'EstimatorGraphs',
  ),
  'estimator-lab': lazyNamed(() => import('./estimator-lab/EstimatorLab'), 'EstimatorLab'),
  'gumbel-max': lazyNamed(() => import('./gumbel-max/GumbelMax'), 'GumbelMax'),
  'vae-race': lazyNamed(() => import('./vae-race/VaeRace'), 'VaeRace'),
  'temperature-sweep': lazyNamed(
    () => import('./temperature-sweep/TemperatureSweep'),
    'TemperatureSweep',
  ),
};
