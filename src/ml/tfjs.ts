/**
 * tfjs-core with the gradients of every op registered (the @tensorflow/tfjs
 * bundle does this; importing tfjs-core alone does not). All of src/ml imports
 * tfjs from here.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export * from '@tensorflow/tfjs-core';
