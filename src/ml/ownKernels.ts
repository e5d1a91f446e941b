/**
 * Kernels of ours for the wasm and cpu backends (blockSplit, rowGather,
 * fusedAdam): each registered with tfjs once, when first used.
 */
import * as tf from './tfjs';

/** Values of a tensor on the cpu or wasm backend. */
export type KernelValues = Float32Array | Int32Array | Uint8Array;

/** The part of tfjs-backend-wasm's BackendWasm our kernels use (4.22). */
export interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): KernelValues;
}

/** The part of tfjs-backend-cpu's MathBackendCPU our kernels use (4.22). */
export interface CpuBackend {
  readSync(dataId: tf.DataId): KernelValues;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: KernelValues): tf.TensorInfo;
}

/** What tfjs passes a kernel function. */
export interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}

/**
 * A function that registers kernel `kernelName` for wasm and cpu (and its
 * gradient, if given) the first time it is called, and does nothing after.
 */
export function kernelRegistration(
  kernelName: string,
  kernels: { wasm: unknown; cpu: unknown },
  gradFunc?: tf.GradFunc,
): () => void {
  let registered = false;
  return () => {
    if (registered) return;
    registered = true;
    for (const backendName of ['wasm', 'cpu'] as const)
      tf.registerKernel({
        kernelName,
        backendName,
        kernelFunc: kernels[backendName] as tf.KernelFunc,
      });
    if (gradFunc) tf.registerGradient({ kernelName, gradFunc });
  };
}
