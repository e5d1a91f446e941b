/**
 * Which kernels draw (issue 16, WebGL call counts): wraps the engine's
 * runKernel and the webgl backend's runWebGLProgram for one unit of work and
 * tallies draws by the tfjs kernel that launched them (the innermost
 * kernel running), and uploads likewise. e2e build only; a tool for finding
 * draws to cut (window.__explorer's ml().traceDraws).
 */
import * as tf from '../ml/tfjs';
import { prepare, type CountedWork } from './countedWork';

type Fn = (...args: unknown[]) => unknown;

/**
 * Draws of one run of `work` on webgl, by kernel (with `detail`, also by the
 * program's input and output shapes), and texture uploads by the kernels running
 * (with `detail`, the JavaScript stack).
 */
export async function traceDraws(work: CountedWork, detail = false) {
  if (tf.getBackend() !== 'webgl') throw new Error('tracing needs webgl');
  const { run, warmUp, dispose, unitsPerRun = 1 } = await prepare(work);
  const engine = tf.engine() as unknown as Record<string, Fn>;
  const backend = tf.backend() as unknown as Record<string, Fn>;
  const stack: string[] = [];
  const byKernel: Record<string, number> = {};
  const runKernel = engine.runKernel!;
  const runProgram = backend.runWebGLProgram!;
  try {
    for (let i = 0; i < warmUp; i++) await run();
    engine.runKernel = function (this: unknown, ...args: unknown[]) {
      stack.push(String(args[0]));
      try {
        return runKernel.apply(this, args);
      } finally {
        stack.pop();
      }
    };
    backend.runWebGLProgram = function (this: unknown, ...args: unknown[]) {
      const program = args[0] as { userCode: string; outputShape: number[] };
      const inputs = args[1] as { shape: number[] }[];
      const code = detail
        ? ` ${inputs.map((t) => `[${t.shape.join(',')}]`).join(' ')} -> [${program.outputShape.join(',')}]`
        : '';
      const key = `${stack[stack.length - 1] ?? '(none)'}${code}`;
      byKernel[key] = (byKernel[key] ?? 0) + 1 / unitsPerRun;
      return runProgram.apply(this, args);
    };
    const gl = (tf.backend() as unknown as { gpgpu: { gl: Record<string, Fn> } }).gpgpu.gl;
    const uploads = ['texImage2D', 'texSubImage2D'].map((m) => [m, gl[m]!] as const);
    for (const [m, original] of uploads)
      gl[m] = (...a: unknown[]) => {
        const key = `upload in ${stack.join('>')}${
          detail
            ? ` at ${new Error().stack
                ?.split('\n')
                .slice(2, 14)
                .map((l) => l.trim().split(' ')[1])
                .join(' < ')}`
            : ''
        }`;
        byKernel[key] = (byKernel[key] ?? 0) + 1 / unitsPerRun;
        return original.apply(gl, a);
      };
    try {
      await run();
    } finally {
      for (const [m, original] of uploads) gl[m] = original;
    }
  } finally {
    engine.runKernel = runKernel;
    backend.runWebGLProgram = runProgram;
    dispose();
  }
  return Object.fromEntries(Object.entries(byKernel).sort((a, b) => b[1] - a[1]));
}
