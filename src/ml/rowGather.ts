/**
 * A minibatch's rows of a data matrix, `tf.gather(x, indices)` along axis 0
 * with the indices known in JavaScript, as a kernel of our own on the wasm and
 * cpu backends: one block copy per row.
 *
 * Why: tfjs-backend-wasm 4.22's gather addresses every element on its own
 * (~1 ms for 32 Fashion-MNIST rows of 784 pixels, a few per cent of the
 * race's step); here each row is one `TypedArray.set` through views of the
 * heap. The values are copies, so they are those of tf.gather exactly. Webgl
 * keeps tf.gather (one draw call). Not differentiable: the rows are data.
 */
import * as tf from './tfjs';
import {
  kernelRegistration,
  type CpuBackend,
  type KernelArgs,
  type KernelValues as Values,
  type WasmHeapBackend,
} from './ownKernels';

const KERNEL = 'RowGather';

interface GatherAttrs {
  rows: number[];
}

/** Copies row rows[i] of `source` (rows of `width`) to row i of `target`. */
function copyRows(source: Values, target: Values, rows: readonly number[], width: number) {
  rows.forEach((r, i) => target.set(source.subarray(r * width, (r + 1) * width), i * width));
}

const outShape = (x: tf.TensorInfo, rows: readonly number[]) => [rows.length, ...x.shape.slice(1)];

function wasmRowGather({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const x = inputs.x!;
  const { rows } = attrs as unknown as GatherAttrs;
  const heap = backend as WasmHeapBackend;
  // The output first: an allocation may grow the heap, which detaches older views.
  const out = heap.makeOutput(outShape(x, rows), x.dtype);
  const width = x.shape.slice(1).reduce((a, b) => a * b, 1);
  copyRows(heap.typedArrayFromHeap(x), heap.typedArrayFromHeap(out), rows, width);
  return out;
}

function cpuRowGather({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const x = inputs.x!;
  const { rows } = attrs as unknown as GatherAttrs;
  const cpu = backend as CpuBackend;
  const source = cpu.readSync(x.dataId);
  const width = x.shape.slice(1).reduce((a, b) => a * b, 1);
  const target = new (source.constructor as new (n: number) => Values)(rows.length * width);
  copyRows(source, target, rows, width);
  return cpu.makeTensorInfo(outShape(x, rows), x.dtype, target);
}

const register = kernelRegistration(KERNEL, { wasm: wasmRowGather, cpu: cpuRowGather });

/**
 * Rows `indices` of each x [n, ...] (each index in [0, n)): [indices.length,
 * ...] each, as tf.gather(x, indices). On webgl the indices are uploaded once
 * for all of them.
 */
export function gatherRows(
  xs: readonly tf.Tensor[],
  indices: Int32Array | readonly number[],
): tf.Tensor[] {
  const rows = Array.from(indices);
  for (const x of xs)
    for (const r of rows)
      if (!Number.isInteger(r) || r < 0 || r >= x.shape[0]!)
        throw new RangeError(`Row ${r} is not in [0, ${x.shape[0]! - 1}].`);
  if (tf.getBackend() === 'wasm' || tf.getBackend() === 'cpu') {
    register();
    const attrs = { rows } as unknown as tf.NamedAttrMap;
    return xs.map((x) => tf.engine().runKernel(KERNEL, { x }, attrs) as tf.Tensor);
  }
  return tf.tidy(() => {
    const at = tf.tensor1d(rows, 'int32');
    return xs.map((x) => tf.gather(x, at));
  });
}
