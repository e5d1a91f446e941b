/**
 * tfjs-core with the gradients of every op registered (the @tensorflow/tfjs
 * bundle does this; importing tfjs-core alone does not). All of src/ml imports
 * tfjs from here.
 *
 * The order matters: tfjs-core's entry registers the environment flags that
 * register_all_gradients reads (it lists a few gradients twice, and the second
 * registration asks the 'DEBUG' flag). Its own path to those flags is through
 * modules that tfjs-core marks free of side effects, so a bundler may drop it,
 * as Vite's dependency pre-bundling does; imported second, it finds them set.
 */
export * from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
