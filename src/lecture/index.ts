import type { Slide } from '../deck/types';
import title from './00-title.md';
import discreteLatentVariables from './01-discrete-latent-variables.md';
import stochasticGradientEstimators from './02-stochastic-gradient-estimators.md';
import gumbelSoftmax from './03-gumbel-softmax.md';
import gumbelSoftmaxEstimator from './04-gumbel-softmax-estimator.md';
import results from './05-results.md';
import beyond from './06-beyond.md';
import credits from './07-credits.md';

/** The whole lecture in order: one Markdown file per section. */
export const lectureSlides: readonly Slide[] = [
  ...title,
  ...discreteLatentVariables,
  ...stochasticGradientEstimators,
  ...gumbelSoftmax,
  ...gumbelSoftmaxEstimator,
  ...results,
  ...beyond,
  ...credits,
];
