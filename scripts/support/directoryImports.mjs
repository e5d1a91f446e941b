/**
 * Lets node load tfjs-core's ES module build (what src/ml/tfjs.ts imports for
 * its gradients): that build imports relative paths without an extension
 * (`./gradients`), which bundlers and Vitest resolve and node refuses.
 * Registered with `node --import`, this resolve hook retries such an import
 * as `<path>.js`, then `<path>/index.js`. Only for scripts that run src/ml in node.
 */
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const codes = ['ERR_UNSUPPORTED_DIR_IMPORT', 'ERR_MODULE_NOT_FOUND'];
    if (!specifier.startsWith('.') || !codes.includes(error?.code)) throw error;
    try {
      return await next(specifier + '.js', context);
    } catch {
      return next(specifier + '/index.js', context);
    }
  }
}`),
);
