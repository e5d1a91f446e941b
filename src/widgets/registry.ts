import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { WidgetName } from '../deck/types';
import type { WidgetProps } from './widgetProps';

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
  'paper-table': lazyNamed(() => import('./paper-table/PaperTableFigure'), 'PaperTableFigure'),
  'temperature-sweep': lazyNamed(
    () => import('./temperature-sweep/TemperatureSweep'),
    'TemperatureSweep',
  ),
};
