/**
 * Splitting a tensor into contiguous blocks (a stack into its copies, a flat
 * vector into its parameters) without tfjs-backend-wasm 4.22's slice, which
 * first copies the WHOLE input out of the wasm heap into a new JS array for
 * every slice (readSync), so that unstacking five copies of a weight matrix
 * costs five copies of all of them (~1 ms for the digits model's first layer,
 * ~20 ms for Fashion's). On wasm a kernel of our own copies each block once,
 * through views of the heap. On cpu the same kernel copies from the values
 * (tf.split there copies element by element when the blocks are columns of
 * several rows); webgl uses tf.split (one draw call per block).
 *
 * The input is read as [rows, columns]; output i holds `widths[i]` columns of
 * every row and has the shape `shapes[i]` (rows × widths[i] elements). Its
 * gradient concatenates the outputs' gradients, so it may be taped.
 */
import * as tf from './tfjs';
import {
  kernelRegistration,
  type CpuBackend,
  type KernelArgs,
  type KernelValues as Values,
  type WasmHeapBackend,
} from './ownKernels';

const KERNEL = 'StackedBlockSplit';

interface SplitAttrs {
  rows: number;
  widths: number[];
  shapes: number[][];
}

/** Copies block i of every row of `source` into `target` (rows × width). */
function copyBlock(
  source: Values,
  target: Values,
  rows: number,
  columns: number,
  offset: number,
  width: number,
) {
  if (rows === 1) target.set(source.subarray(offset, offset + width));
  else
    for (let r = 0; r < rows; r++)
      target.set(source.subarray(r * columns + offset, r * columns + offset + width), r * width);
}

function cpuBlockSplit({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const x = inputs.x!;
  const { rows, widths, shapes } = attrs as unknown as SplitAttrs;
  const cpu = backend as CpuBackend;
  const source = cpu.readSync(x.dataId);
  const columns = widths.reduce((a, b) => a + b, 0);
  let offset = 0;
  return shapes.map((shape, i) => {
    const width = widths[i]!;
    const target = new (source.constructor as new (n: number) => Values)(rows * width);
    copyBlock(source, target, rows, columns, offset, width);
    offset += width;
    return cpu.makeTensorInfo(shape, x.dtype, target);
  });
}

function wasmBlockSplit({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const x = inputs.x!;
  const { rows, widths, shapes } = attrs as unknown as SplitAttrs;
  const heap = backend as WasmHeapBackend;
  const columns = widths.reduce((a, b) => a + b, 0);
  // Allocate every output first: an allocation may grow the heap, which
  // detaches the views taken before it.
  const outs = shapes.map((shape) => heap.makeOutput(shape, x.dtype));
  const source = heap.typedArrayFromHeap(x);
  let offset = 0;
  outs.forEach((out, i) => {
    const width = widths[i]!;
    copyBlock(source, heap.typedArrayFromHeap(out), rows, columns, offset, width);
    offset += width;
  });
  return outs;
}

const register = kernelRegistration(
  KERNEL,
  { wasm: wasmBlockSplit, cpu: cpuBlockSplit },
  (dy, _saved, attrs) => {
    const { rows } = attrs as unknown as SplitAttrs;
    const dys = Array.isArray(dy) ? dy : [dy];
    return {
      x: () =>
        tf.concat(
          dys.map((d) => tf.reshape(d, [rows, -1])),
          1,
        ),
    };
  },
);

/** `x` read as [rows, Σ widths], cut into blocks of `widths` columns, block i shaped `shapes[i]`. */
export function splitBlocks(
  x: tf.Tensor,
  rows: number,
  widths: readonly number[],
  shapes: readonly (readonly number[])[],
): tf.Tensor[] {
  if (tf.getBackend() === 'wasm' || tf.getBackend() === 'cpu') {
    register();
    // The gradient reshapes back to x's shape through concat's [rows, Σ widths].
    const input = x.rank === 2 && x.shape[0] === rows ? x : tf.reshape(x, [rows, -1]);
    const attrs = { rows, widths: [...widths], shapes: shapes.map((s) => [...s]) };
    const out = tf.engine().runKernel(KERNEL, { x: input }, attrs as unknown as tf.NamedAttrMap) as
      tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out : [out];
  }
  const parts =
    widths.length === 1
      ? [tf.reshape(x, [rows, -1])]
      : tf.split(tf.reshape(x, [rows, -1]), [...widths], 1);
  return parts.map((p, i) => tf.reshape(p, [...shapes[i]!]));
}

/** The copies of a stack [E, ...rest], as E tensors [...rest] (or `shape`, if given). */
export function splitCopies(
  x: tf.Tensor,
  shape: readonly number[] = x.shape.slice(1),
): tf.Tensor[] {
  const e = x.shape[0]!;
  const size = x.size / e;
  return splitBlocks(
    x,
    1,
    Array.from({ length: e }, () => size),
    Array.from({ length: e }, () => shape),
  );
}
