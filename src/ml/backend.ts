/**
 * Chooses and starts the tfjs backend once, by feature test (STYLE.md,
 * convention 7). The backends are imported on demand, so none of tfjs is in
 * the deck's first load; the wasm binaries are bundled with the app.
 */
import * as tf from './tfjs';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { planBackends, type BackendName, type WebGLProbe } from './backendPlan';

export interface BackendInfo {
  /** The backend computing now. */
  name: BackendName;
  /** The WebGL renderer string, when WebGL could be probed. */
  renderer: string | null;
  /** Why this backend, in words for the user. */
  reason: string;
  /** Backends tried before it that failed, with why. */
  failures: { name: BackendName; reason: string }[];
}

/** Asks a throwaway WebGL 2 context what it is. Uses OffscreenCanvas, so no DOM. */
export function probeWebGL(): WebGLProbe {
  try {
    if (typeof OffscreenCanvas === 'undefined') {
      return { webgl2: false, renderer: null, floatRender: false, error: 'no OffscreenCanvas' };
    }
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl)
      return { webgl2: false, renderer: null, floatRender: false, error: 'no WebGL 2 context' };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    const floatRender = gl.getExtension('EXT_color_buffer_float') !== null;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { webgl2: true, renderer, floatRender };
  } catch (error) {
    return { webgl2: false, renderer: null, floatRender: false, error: String(error) };
  }
}

async function register(name: BackendName): Promise<void> {
  if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
    // tfjs asks for a context that fails on software renderers; the plan has
    // already decided whether WebGL is worth it, so accept such a context.
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  } else if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  else {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // Served from our own origin. The threaded binary is never fetched: threads
    // need cross-origin isolation, which this static site does not ask for.
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    });
  }
}

/** A backend set by useBackend (tests, benchmarks): the automatic choice then leaves it alone. */
let chosenByHand: BackendName | null = null;
let switching: Promise<unknown> = Promise.resolve();

/**
 * Runs backend switches one after another: the automatic choice (which the
 * deck starts in the background after first paint) and a switch by hand
 * never interleave, so neither leaves tfjs on a backend the other set.
 */
function serially<T>(work: () => Promise<T>): Promise<T> {
  const result = switching.then(work, work);
  switching = result.catch(() => undefined);
  return result;
}

/**
 * Switches to one backend directly, without the feature test: for tests and
 * benchmarks that compare backends in one page. Throws if it cannot start.
 * An automatic choice still to come then keeps this backend.
 */
export async function useBackend(name: BackendName): Promise<void> {
  chosenByHand = name;
  await serially(() => start(name));
}

async function start(name: BackendName): Promise<void> {
  await register(name);
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not start ${name}`);
  await tf.ready();
  // A tiny computation proves the backend really works (a broken driver fails here).
  const check = tf.tidy(() => tf.sum(tf.mul(tf.tensor1d([1, 2, 3]), 2)));
  const value = (await check.data())[0];
  check.dispose();
  if (value !== 12) throw new Error(`${name} computed 1·2+2·2+3·2 = ${value}`);
}

let current: Promise<BackendInfo> | null = null;
const listeners = new Set<(info: BackendInfo) => void>();

/**
 * Starts the best backend (or `forced`, then the others) and reports which.
 * Later calls return the same promise.
 */
export function initBackend(forced: BackendName | null = null): Promise<BackendInfo> {
  current ??= chooseBackend(forced);
  return current;
}

async function chooseBackend(forced: BackendName | null, lost?: string): Promise<BackendInfo> {
  const probe = probeWebGL();
  const plan = planBackends(probe, forced);
  const failures: BackendInfo['failures'] = lost ? [{ name: 'webgl', reason: lost }] : [];
  const order = lost ? plan.order.filter((b) => b !== 'webgl') : plan.order;
  for (const name of order) {
    try {
      const byHand = await serially(async () => chosenByHand ?? (await start(name), null));
      if (byHand) {
        const reason = `${byHand} was chosen by a test or benchmark (useBackend).`;
        return { name: byHand, renderer: probe.renderer, reason, failures };
      }
      const reason =
        failures.length === 0
          ? plan.reason
          : `${failures.map((f) => `${f.name} failed: ${f.reason}`).join('; ')}. Using ${name}.`;
      const info: BackendInfo = { name, renderer: probe.renderer, reason, failures };
      if (name === 'webgl') watchContextLoss(forced);
      listeners.forEach((listener) => listener(info));
      return info;
    } catch (error) {
      failures.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new Error(`No tfjs backend could start: ${failures.map((f) => f.reason).join('; ')}`);
}

/** If the GPU drops the WebGL context, computing moves to the next backend and listeners hear of it. */
function watchContextLoss(forced: BackendName | null) {
  const backend = tf.backend() as { gpgpu?: { gl?: WebGL2RenderingContext } };
  const canvas = backend.gpgpu?.gl?.canvas;
  if (!canvas) return;
  canvas.addEventListener(
    'webglcontextlost',
    (event) => {
      event.preventDefault();
      current = chooseBackend(forced, 'the WebGL context was lost');
    },
    { once: true },
  );
}

/** Calls `listener` whenever the backend is chosen or changes; returns an unsubscribe function. */
export function onBackendChange(listener: (info: BackendInfo) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
