/**
 * The layer rules of eslint.config.js fire: each forbidden import below is
 * linted as if it sat in the named file and must be refused, and each allowed
 * one must pass, so that a rule that silently matches nothing fails here.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The layer rules' messages for `code` linted as the file `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const refused: [file: string, code: string][] = [
  ['src/deck/SlideView.tsx', "export { WidgetSlot } from '../widgets/WidgetSlot';"],
  ['src/deck/stores/playing.ts', "export { App } from '../../app/App';"],
  ['src/deck/hash.ts', "export const load = () => import('../widgets/registry');"],
  ['src/deck/hash.ts', "export * as tf from '../ml/tfjs';"],
  ['src/widgets/temperature-sweep/model.ts', "export { MIN_P } from '../gumbel-max/model';"],
  ['src/widgets/temperature-sweep/model.ts', "export { App } from '../../app/App';"],
  ['src/widgets/gumbel-max/draw.ts', "export const x = () => import('../vae-race/VaeRace');"],
  ['src/widgets/gumbel-max/GumbelMax.tsx', "export { widgetRegistry } from '../registry';"],
  ['src/widgets/gumbel-max/compute.ts', "export * as tf from '../../ml/tfjs';"],
  ['src/widgets/gumbel-max/compute.ts', "export { memory } from '@tensorflow/tfjs-core';"],
  ['src/widgets/shared/settings.ts', "export { parseRaceSettings } from '../vae-race/model';"],
  ['src/widgets/WidgetSlot.tsx', "export { App } from '../app/App';"],
  ['src/ml/noise.ts', "export { useState } from 'react';"],
  ['src/ml/noise.ts', "export { select } from 'd3-selection';"],
  ['src/ml/noise.ts', "export { chartFrame } from '../plots/frame';"],
  ['src/ml/estimators/straightThrough.ts', "export { echo } from '../../deck/echo';"],
  ['src/app/App.tsx', "export * as tf from '../ml/tfjs';"],
  ['src/app/App.tsx', "export { memory } from '@tensorflow/tfjs-core';"],
  ['src/plots/lineChart.ts', "export { echo } from '../widgets/shared/settings';"],
  ['src/math/renderTex.ts', "export { seed } from '../ml/types';"],
  ['src/runtime/pacing.ts', "export * as tf from '../ml/tfjs';"],
  ['src/runtime/trainingWorker.ts', "export { App } from '../app/App';"],
  ['src/lecture/index.ts', "export { widgetRegistry } from '../widgets/registry';"],
];

const allowed: [file: string, code: string][] = [
  ['src/app/renderFigure.tsx', "export { WidgetSlot } from '../widgets/WidgetSlot';"],
  ['src/app/App.tsx', "export { usePlaying } from '../deck/stores/playing';"],
  [
    'src/widgets/gumbel-max/GumbelMax.tsx',
    "export { usePlaying } from '../../deck/stores/playing';",
  ],
  ['src/widgets/gumbel-max/GumbelMax.tsx', "export type { WidgetProps } from '../widgetProps';"],
  ['src/widgets/gumbel-max/GumbelMax.tsx', "export { echo } from '../shared/settings';"],
  ['src/widgets/gumbel-max/draw.ts', "export { drawMany } from '../../ml/gumbelMaxDraws';"],
  ['src/widgets/vae-race/draw.ts', "export { drawLineChart } from '../../plots/lineChart';"],
  ['src/widgets/shared/settings.test.ts', "export { parseRaceSettings } from '../vae-race/model';"],
  ['src/widgets/registry.ts', "export const x = () => import('./vae-race/VaeRace');"],
  ['src/ml/noise.ts', "export * as tf from './tfjs';"],
  ['src/runtime/trainingWorker.ts', "export * as tf from '../ml/tfjs';"],
];

describe('the layer rules of eslint.config.js', () => {
  it.each(refused)('refuses, in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });
  it.each(allowed)('allows, in %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
