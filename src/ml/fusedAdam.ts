/**
 * One Adam step of stacked variables as ONE kernel on the wasm and cpu
 * backends: read each copy's gradient and weights, update the moments and
 * the weights, and say per copy whether every gradient element and every new
 * weight is finite, in one pass over the [E, P] elements. On wasm the pass is
 * adamKernel.wat (WebAssembly SIMD), instantiated on the memory of tfjs's own
 * module so that it reads and writes the tensors where they are; on cpu a
 * JavaScript loop.
 *
 * Why: as tfjs ops the step is a dozen element-wise kernels over E·P elements
 * (1.3 M for the five Fashion-MNIST VAEs), each of which allocates and fills a
 * fresh output of that size, plus the concatenation of the gradients and the
 * weights, the split back, and three more passes for the finiteness check:
 * about a third of the Fashion race's step on wasm (issue 16). Here each
 * element is read once and its three results written once.
 *
 * Values: every operation is the float32 operation that StackedAdam.apply's
 * ops perform, in the same order (Math.fround after each double-precision
 * +, −, ×, ÷ and √ of float32 operands is the correctly rounded float32
 * result), so the new weights and moments are those of the op chain, bit for
 * bit. Not differentiable, and not needed to be: an optimizer step.
 */
import * as tf from './tfjs';
import { kernelRegistration, type KernelArgs } from './ownKernels';
import { adamKernelBase64 } from './adamKernelBinary';

const KERNEL = 'StackedAdamUpdate';

interface AdamAttrs {
  copies: number;
  /** Elements per copy of each variable. */
  widths: number[];
  beta1: number;
  keep1: number;
  beta2: number;
  keep2: number;
  epsilon: number;
  stepSize: number;
}

type Values = Float32Array;

/** The part of tfjs-backend-wasm's BackendWasm this kernel uses (4.22). */
interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  dataIdMap: { get(dataId: tf.DataId): { memoryOffset: number } | undefined };
  /** The Emscripten module; `asm.memory` is its WebAssembly memory. */
  wasm: { asm?: { memory?: unknown } };
}

type AdamRun = (
  g: number,
  w: number,
  m: number,
  v: number,
  mOut: number,
  vOut: number,
  wOut: number,
  n: number,
  beta1: number,
  keep1: number,
  beta2: number,
  keep2: number,
  epsilon: number,
  step: number,
) => number;

/** adamKernel.wat instantiated on the memory of tfjs's module, once per memory; null where it cannot be. */
const instances = new WeakMap<WebAssembly.Memory, AdamRun | null>();

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function simdKernel(backend: WasmHeapBackend): AdamRun | null {
  const memory = backend.wasm?.asm?.memory;
  if (typeof WebAssembly !== 'object' || !(memory instanceof WebAssembly.Memory)) return null;
  let run = instances.get(memory);
  if (run !== undefined) return run;
  run = null;
  try {
    const bytes = decodeBase64(adamKernelBase64);
    // Synchronous compilation: the module is under 1 KB, far under the 4 KB
    // that Chromium allows on the main thread. Fails where SIMD is missing.
    if (WebAssembly.validate(bytes)) {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
        env: { memory },
      });
      run = instance.exports.adam as AdamRun;
    }
  } catch {
    run = null;
  }
  instances.set(memory, run);
  return run;
}

/** The part of tfjs-backend-cpu's MathBackendCPU this kernel uses (4.22). */
interface CpuBackend {
  readSync(dataId: tf.DataId): Values;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Values): tf.TensorInfo;
}

interface Arrays {
  grads: Values[];
  weights: Values[];
  m: Values;
  v: Values;
  mOut: Values;
  vOut: Values;
  weightsOut: Values[];
  /** Per copy, 1 if every gradient element and new weight of it is finite, else 0. */
  finite: Values;
}

/** The update on plain arrays (the cpu backend's kernel). */
function update(a: Arrays, attrs: AdamAttrs): void {
  const f = Math.fround;
  const { copies, widths } = attrs;
  const [beta1, keep1, beta2, keep2, epsilon, stepSize] = [
    attrs.beta1,
    attrs.keep1,
    attrs.beta2,
    attrs.keep2,
    attrs.epsilon,
    attrs.stepSize,
  ].map(f) as [number, number, number, number, number, number];
  const p = widths.reduce((s, w) => s + w, 0);
  for (let e = 0; e < copies; e++) {
    let finite = true;
    let offset = e * p;
    widths.forEach((width, i) => {
      const g = a.grads[i]!;
      const w = a.weights[i]!;
      const out = a.weightsOut[i]!;
      const { m, v, mOut, vOut } = a;
      const first = e * width;
      for (let j = 0; j < width; j++) {
        const gj = g[first + j]!;
        const k = offset + j;
        const mk = f(f(m[k]! * beta1) + f(gj * keep1));
        const vk = f(f(v[k]! * beta2) + f(f(gj * gj) * keep2));
        mOut[k] = mk;
        vOut[k] = vk;
        const wk = f(w[first + j]! - f(f(mk / f(f(Math.sqrt(vk)) + epsilon)) * stepSize));
        out[first + j] = wk;
        // x − x is 0 for every finite x and NaN for ±∞ and NaN.
        if (gj - gj !== 0 || wk - wk !== 0) finite = false;
      }
      offset += width;
    });
    a.finite[e] = finite ? 1 : 0;
  }
}

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function wasmAdam({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const a = attrs as unknown as AdamAttrs;
  const heap = backend as WasmHeapBackend;
  const run = simdKernel(heap)!;
  const n = a.widths.length;
  const weights = names('w', n).map((k) => inputs[k]!);
  const grads = names('g', n).map((k) => inputs[k]!);
  const mOut = heap.makeOutput(inputs.m!.shape, 'float32');
  const vOut = heap.makeOutput(inputs.v!.shape, 'float32');
  const weightsOut = weights.map((w) => heap.makeOutput(w.shape, 'float32'));
  const finite = heap.makeOutput([a.copies], 'float32');
  const at = (t: tf.TensorInfo) => heap.dataIdMap.get(t.dataId)!.memoryOffset;
  const [m, v, mo, vo] = [inputs.m!, inputs.v!, mOut, vOut].map(at) as [
    number,
    number,
    number,
    number,
  ];
  const p = a.widths.reduce((s, w) => s + w, 0);
  const flags = new Float32Array(a.copies);
  for (let e = 0; e < a.copies; e++) {
    let ok = 1;
    let offset = 4 * e * p;
    a.widths.forEach((width, i) => {
      const first = 4 * e * width;
      ok &= run(
        at(grads[i]!) + first,
        at(weights[i]!) + first,
        m + offset,
        v + offset,
        mo + offset,
        vo + offset,
        at(weightsOut[i]!) + first,
        width,
        a.beta1,
        a.keep1,
        a.beta2,
        a.keep2,
        a.epsilon,
        a.stepSize,
      );
      offset += 4 * width;
    });
    flags[e] = ok;
  }
  // A view taken after every allocation (an allocation may grow the heap and detach older views).
  const view = new Float32Array(
    (heap.wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8.buffer,
    at(finite),
    a.copies,
  );
  view.set(flags);
  return [mOut, vOut, finite, ...weightsOut];
}

function cpuAdam({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const a = attrs as unknown as AdamAttrs;
  const cpu = backend as CpuBackend;
  const n = a.widths.length;
  const read = (t: tf.TensorInfo) => cpu.readSync(t.dataId);
  const weights = names('w', n).map((k) => inputs[k]!);
  const arrays: Arrays = {
    grads: names('g', n).map((k) => read(inputs[k]!)),
    weights: weights.map(read),
    m: read(inputs.m!),
    v: read(inputs.v!),
    mOut: new Float32Array(inputs.m!.shape.reduce((s, d) => s * d, 1)),
    vOut: new Float32Array(inputs.v!.shape.reduce((s, d) => s * d, 1)),
    weightsOut: weights.map((w) => new Float32Array(w.shape.reduce((s, d) => s * d, 1))),
    finite: new Float32Array(a.copies),
  };
  update(arrays, a);
  const info = (shape: number[], values: Values) => cpu.makeTensorInfo(shape, 'float32', values);
  return [
    info(inputs.m!.shape, arrays.mOut),
    info(inputs.v!.shape, arrays.vOut),
    info([a.copies], arrays.finite),
    ...weights.map((w, i) => info(w.shape, arrays.weightsOut[i]!)),
  ];
}

const register = kernelRegistration(KERNEL, { wasm: wasmAdam, cpu: cpuAdam });

/**
 * Whether the fused step runs on the current backend: cpu (a JavaScript loop)
 * and wasm where WebAssembly SIMD runs adamKernel.wat on tfjs's memory; webgl
 * and wasm without SIMD keep the ops.
 */
export function fusedAdamAvailable(): boolean {
  if (tf.getBackend() === 'cpu') return true;
  if (tf.getBackend() !== 'wasm') return false;
  return simdKernel(tf.backend() as unknown as WasmHeapBackend) !== null;
}

export interface FusedAdamStep {
  /** The new moments, [E, P]. */
  m: tf.Tensor;
  v: tf.Tensor;
  /** The new weights, shaped like the variables. */
  weights: tf.Tensor[];
  /** Per copy, 1 if every gradient element and every new weight is finite, else 0: [E]. */
  finite: tf.Tensor;
}

/**
 * One Adam step: gradients and weights [E, ...] per variable, moments [E, P]
 * (the variables side by side, in order), the constants as StackedAdam has
 * them and the step size with the bias correction folded in. Only where
 * `fusedAdamAvailable()`.
 */
export function fusedAdamStep(
  grads: readonly tf.Tensor[],
  weights: readonly tf.Tensor[],
  m: tf.Tensor,
  v: tf.Tensor,
  constants: Omit<AdamAttrs, 'copies' | 'widths'>,
): FusedAdamStep {
  register();
  const copies = m.shape[0]!;
  const inputs: tf.NamedTensorMap = { m, v };
  grads.forEach((g, i) => (inputs[`g${i}`] = g));
  weights.forEach((w, i) => (inputs[`w${i}`] = w));
  const attrs: AdamAttrs = { copies, widths: weights.map((w) => w.size / copies), ...constants };
  const out = tf
    .engine()
    .runKernel(KERNEL, inputs, attrs as unknown as tf.NamedAttrMap) as unknown as tf.Tensor[];
  const [mOut, vOut, finite, ...weightsOut] = out;
  return { m: mOut!, v: vOut!, finite: finite!, weights: weightsOut };
}
