/** Which tfjs backend to use, decided from a WebGL feature test: pure, so it is unit-tested. */

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const backendNames: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** What a WebGL 2 context reports about itself. */
export interface WebGLProbe {
  webgl2: boolean;
  /** The unmasked renderer string, e.g. "ANGLE (…SwiftShader…)"; null without WebGL. */
  renderer: string | null;
  /** Whether float32 textures can be rendered to (EXT_color_buffer_float). */
  floatRender: boolean;
  /** Why WebGL could not be probed, if it could not. */
  error?: string;
}

export interface BackendPlan {
  /** Backends to try, in order; the first that initializes wins. */
  order: BackendName[];
  /** Why the first one is first, in words for the user. */
  reason: string;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export const isSoftwareRenderer = (renderer: string | null): boolean =>
  renderer !== null && SOFTWARE_RENDERER.test(renderer);

/** `webgl`, `wasm` or `cpu` (any case), else null. */
export function parseBackendName(text: string | null | undefined): BackendName | null {
  const name = (text ?? '').trim().toLowerCase();
  return (backendNames as readonly string[]).includes(name) ? (name as BackendName) : null;
}

export function planBackends(probe: WebGLProbe, forced: BackendName | null = null): BackendPlan {
  if (forced) {
    return {
      order: [forced, ...backendNames.filter((b) => b !== forced)],
      reason: `${forced} was asked for in the link (?backend=${forced}).`,
    };
  }
  if (!probe.webgl2) {
    return {
      order: ['wasm', 'cpu'],
      reason: `WebGL 2 is not available${probe.error ? ` (${probe.error})` : ''}, so WebAssembly computes.`,
    };
  }
  if (!probe.floatRender) {
    return {
      order: ['wasm', 'webgl', 'cpu'],
      reason: 'This GPU cannot render float32 textures, so WebAssembly computes exactly instead.',
    };
  }
  if (isSoftwareRenderer(probe.renderer)) {
    return {
      order: ['wasm', 'webgl', 'cpu'],
      reason: `WebGL draws in software here (${shortRenderer(probe.renderer)}), where WebAssembly is faster.`,
    };
  }
  return {
    order: ['webgl', 'wasm', 'cpu'],
    reason: `WebGL 2 runs on a GPU (${shortRenderer(probe.renderer)}).`,
  };
}

function shortRenderer(renderer: string | null): string {
  if (!renderer) return 'unknown renderer';
  return renderer.length > 60 ? `${renderer.slice(0, 57)}…` : renderer;
}
