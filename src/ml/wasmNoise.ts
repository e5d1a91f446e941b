/**
 * The noise stream computed by the WebAssembly SIMD kernel of gumbelKernel.wat:
 * the same values as the JavaScript loop of noise.ts, bit for bit, about four
 * times faster (issue 16). Used on every backend that draws noise on the CPU
 * (wasm, cpu, WebGL 1); where WebAssembly SIMD is missing the JavaScript loop
 * runs instead.
 */
import { keyedHash, uniformFromBits } from './counterHash';
import { gumbelKernelBase64 } from './gumbelKernelBinary';

export type KernelNoiseKind = 'uniform' | 'gumbel';

interface Kernel {
  hashUniforms: (key: number, offset: number, size: number) => void;
  gumbelFromUniforms: (size: number) => number;
  uniforms: (key: number, offset: number, size: number) => void;
  chunk: number;
  output: Float32Array;
  pairs: Int32Array;
  uniformsIn: Float64Array;
}

/** The table points F_j = j/512 of the kernel's log, j = 384 … 768. */
const TABLE = { first: 384, last: 768, scale: 512, logAt: 8192 / 8 } as const;

let kernel: Kernel | null | undefined;
let enabled = true;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Compiles the kernel once; null where WebAssembly or its SIMD is missing. */
function loadKernel(): Kernel | null {
  if (kernel !== undefined) return kernel;
  kernel = null;
  if (typeof WebAssembly !== 'object') return kernel;
  try {
    const bytes = decodeBase64(gumbelKernelBase64);
    if (!WebAssembly.validate(bytes)) return kernel;
    // Synchronous compilation: the module is ~1 KB, far under the 4 KB that
    // Chromium allows on the main thread.
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    const e = exports as Record<string, unknown>;
    const memory = e.memory as WebAssembly.Memory;
    const global = (name: string) => (e[name] as WebAssembly.Global).value as number;
    const chunk = global('chunk');
    const table = new Float64Array(memory.buffer, 0, 2 * TABLE.logAt);
    for (let j = TABLE.first; j <= TABLE.last; j++) {
      table[j] = TABLE.scale / j;
      table[TABLE.logAt + j] = Math.log(j / TABLE.scale);
    }
    kernel = {
      hashUniforms: e.hashUniforms as Kernel['hashUniforms'],
      gumbelFromUniforms: e.gumbelFromUniforms as Kernel['gumbelFromUniforms'],
      uniforms: e.uniforms as Kernel['uniforms'],
      chunk,
      output: new Float32Array(memory.buffer, global('outputAt'), chunk),
      pairs: new Int32Array(memory.buffer, global('pairsAt'), chunk / 2),
      uniformsIn: new Float64Array(memory.buffer, global('uniformsAt'), chunk),
    };
  } catch {
    kernel = null;
  }
  return kernel;
}

/** Whether the kernel runs here (WebAssembly SIMD), and is not switched off by a test. */
export function wasmNoiseAvailable(): boolean {
  return enabled && loadKernel() !== null;
}

/** For tests and the benchmark: switch the kernel off (the JavaScript loop runs) or on again. */
export function setWasmNoiseEnabled(on: boolean): void {
  enabled = on;
}

const exactGumbel = (u: number) => -Math.log(-Math.log(u));

/**
 * Fills `out` with the stream of `key` (counterHash streamKey) from index
 * `offset` on, as noise.ts's JavaScript loop would. False, and `out`
 * untouched, when the kernel is not available.
 */
export function fillNoise(
  kind: KernelNoiseKind,
  out: Float32Array,
  key: number,
  offset: number,
): boolean {
  const k = enabled ? loadKernel() : null;
  if (!k) return false;
  for (let start = 0; start < out.length; start += k.chunk) {
    const n = Math.min(k.chunk, out.length - start);
    const first = (offset + start) | 0;
    if (kind === 'uniform') {
      k.uniforms(key | 0, first, n);
      out.set(k.output.subarray(0, n), start);
      continue;
    }
    k.hashUniforms(key | 0, first, n);
    const unsure = k.gumbelFromUniforms(n);
    out.set(k.output.subarray(0, n), start);
    // The pairs the kernel could not round for sure: Math.log, as the JavaScript loop.
    for (let p = 0; p < unsure; p++) {
      for (let i = k.pairs[p]!; i < Math.min(k.pairs[p]! + 2, n); i++) {
        out[start + i] = exactGumbel(
          uniformFromBits(keyedHash(key >>> 0, (offset + start + i) >>> 0)),
        );
      }
    }
  }
  return true;
}

/**
 * For the exhaustive test: the kernel's Gumbel values for uniforms
 * (k + ½)·2⁻²³ given by their top bits k (0 ≤ k < 2²³), with the unsure
 * ones recomputed as in `fillNoise`, and how many were unsure. Null without the kernel.
 */
export function gumbelOfTopBits(
  topBits: Int32Array,
): { values: Float32Array; unsure: number } | null {
  const k = loadKernel();
  if (!k) return null;
  const values = new Float32Array(topBits.length);
  let unsure = 0;
  for (let start = 0; start < topBits.length; start += k.chunk) {
    const n = Math.min(k.chunk, topBits.length - start);
    for (let i = 0; i < n; i++) k.uniformsIn[i] = (topBits[start + i]! + 0.5) * 2 ** -23;
    if (n % 2 === 1) k.uniformsIn[n] = 0.5;
    const pairs = k.gumbelFromUniforms(n);
    values.set(k.output.subarray(0, n), start);
    for (let p = 0; p < pairs; p++) {
      for (let i = k.pairs[p]!; i < Math.min(k.pairs[p]! + 2, n); i++, unsure++) {
        values[start + i] = exactGumbel((topBits[start + i]! + 0.5) * 2 ** -23);
      }
    }
  }
  return { values, unsure };
}
