/**
 * The two-layer networks of a stack of VAEs (encoder and decoder: in → H
 * (ReLU) → out, one set of weights per copy), as ONE op with a hand-written
 * first-order backward pass, computed copy by copy with plain 2-D matrix
 * products.
 *
 * Why: tfjs-backend-wasm 4.22 sends a matrix product to XNNPACK only when it is
 * a single 2-D product without transposes; a batched one ([E, B, in] × [E, in,
 * out]) and every product of autodiff's backward pass (which transposes) run a
 * scalar triple loop, ~10× slower here. Per copy and with explicit transposes,
 * every product of the forward and backward pass takes the fast path, and bias
 * and ReLU ride along in the forward product (_FusedMatMul).
 *
 * Values and gradients are those of the plain ops (`plainMlp`, which webgl
 * keeps: there one batched product is one draw call, and copy by copy would be
 * E). The gradient is first order only: a gradient of a gradient through it
 * would miss the path through its saved tensors. The one place that needs one
 * (REBAR's and RELAX's variance, through a copy's own decoder) uses
 * `plainMlp`, whose every op tfjs differentiates twice.
 */
import * as tf from './tfjs';
import { splitCopies } from './blockSplit';

/** One copy per row of the leading axis: w1 [E, in, H], b1 [E, 1, H], w2 [E, H, out], b2 [E, 1, out]. */
export interface MlpWeights {
  w1: tf.Tensor;
  b1: tf.Tensor;
  w2: tf.Tensor;
  b2: tf.Tensor;
}

/** The network of every copy by tfjs's own ops: a [E|1, B, in] → [E, B, out]. */
export function plainMlp(a: tf.Tensor, p: MlpWeights): tf.Tensor {
  const h = tf.relu(tf.add(tf.matMul(a, p.w1), p.b1));
  return tf.add(tf.matMul(h, p.w2), p.b2);
}

const transposeCopies = (t: tf.Tensor) => tf.transpose(t, [0, 2, 1]);

interface Transposes {
  transposeA: boolean;
  transposeB: boolean;
}

/**
 * a [1, m, k] × b [1, k, n] (+ bias [n], then ReLU if asked) → [1, m, n], as the
 * backend's kernel itself: tf.fused.matMul unfuses inside a gradient scope, and
 * tf.matMul reshapes 2-D operands (each reshape one more kernel call).
 * `attrs` may transpose a or b (cpu only: wasm takes its slow path then).
 */
function product(
  a: tf.Tensor,
  b: tf.Tensor,
  bias?: tf.Tensor,
  relu = false,
  attrs: Transposes = { transposeA: false, transposeB: false },
): tf.Tensor {
  if (!bias)
    return tf
      .engine()
      .runKernel('BatchMatMul', { a, b }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
  return tf.engine().runKernel('_FusedMatMul', { a, b, bias }, {
    ...attrs,
    activation: relu ? 'relu' : 'linear',
  } as unknown as tf.NamedAttrMap) as tf.Tensor;
}

/**
 * The network of every copy, copy by copy: a [E|1, B, in] → [E, B, out] (a of
 * one row is shared by every copy). `inputGradient` says whether a's gradient
 * is wanted (the decoder's input is the estimators' samples; the encoder's is
 * data). Uses `plainMlp` on webgl.
 */
export function stackedMlp(a: tf.Tensor, p: MlpWeights, inputGradient: boolean): tf.Tensor {
  if (tf.getBackend() === 'webgl') return plainMlp(a, p);
  const [e, , hidden] = p.w1.shape as [number, number, number];
  const outputs = p.w2.shape[2]!;
  const shared = a.shape[0] === 1;
  const sharedBy = (t: tf.Tensor) => Array.from({ length: e }, () => t);
  /** A stack [E, r, c] as E stacks of one [1, r, c]. */
  const copies = (t: tf.Tensor) => splitCopies(t, [1, t.shape[1]!, t.shape[2]!]);
  // A transposed operand: wasm's fast products take none, so the stack is
  // transposed first (one kernel call); cpu's products read it transposed.
  const explicit = tf.getBackend() === 'wasm';
  const transposed = (t: tf.Tensor) => (explicit ? copies(transposeCopies(t)) : copies(t));
  const aT = { transposeA: !explicit, transposeB: false };
  const productAT = (a: tf.Tensor, b: tf.Tensor) => product(a, b, undefined, false, aT);
  /**
   * d·Wᵀ per copy, [E, B, m], for d [E, B, n] (`ds` its copies) and weights
   * `ws` [1, m, n]. On wasm as (W·dᵀ)ᵀ: then XNNPACK packs the small dᵀ, not
   * the weights, and nothing of the weights' size is transposed.
   */
  const timesTransposed = (d: tf.Tensor, ds: tf.Tensor[], ws: tf.Tensor[]) => {
    if (!explicit) {
      const bT = { transposeA: false, transposeB: true };
      return tf.concat(ds.map((di, i) => product(di, ws[i]!, undefined, false, bT)));
    }
    const dT = copies(transposeCopies(d));
    return transposeCopies(tf.concat(ws.map((w, i) => product(w, dT[i]!))));
  };

  const op = (
    x: tf.Tensor,
    w1: tf.Tensor,
    b1: tf.Tensor,
    w2: tf.Tensor,
    b2: tf.Tensor,
    save: tf.GradSaveFunc,
  ) => {
    const as = shared ? sharedBy(x) : copies(x);
    const w1s = copies(w1);
    const b1s = splitCopies(b1, [hidden]);
    const w2s = copies(w2);
    const b2s = splitCopies(b2, [outputs]);
    const hs = as.map((ai, i) => product(ai, w1s[i]!, b1s[i]!, true));
    const ys = hs.map((hi, i) => product(hi, w2s[i]!, b2s[i]!));
    const h = tf.concat(hs); // [E, B, H]
    save([x, h, ...w1s, ...w2s]);
    return {
      value: tf.concat(ys), // [E, B, out]
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, hv] = saved as [tf.Tensor, tf.Tensor];
        const w1v = saved.slice(2, 2 + e);
        const w2v = saved.slice(2 + e);
        const dys = copies(dy);
        // Second layer: dW2 = hᵀ·dy, db2 = Σ_b dy, dh = dy·W2ᵀ.
        const hT = transposed(hv);
        const dw2 = tf.concat(dys.map((d, i) => productAT(hT[i]!, d)));
        const db2 = tf.sum(dy, 1, true);
        const dh = timesTransposed(dy, dys, w2v);
        // Through the ReLU: h > 0 exactly where its input was.
        const dPre = tf.mul(dh, tf.step(hv));
        const dPres = copies(dPre);
        // First layer: dW1 = aᵀ·dPre, db1 = Σ_b dPre, da = dPre·W1ᵀ.
        const xT = shared ? sharedBy(explicit ? transposeCopies(xs) : xs) : transposed(xs);
        const dw1 = tf.concat(dPres.map((d, i) => productAT(xT[i]!, d)));
        const db1 = tf.sum(dPre, 1, true);
        const grads = [dw1, db1, dw2, db2];
        if (!inputGradient) return grads;
        return [timesTransposed(dPre, dPres, w1v), ...grads];
      },
    };
  };
  type Args = (tf.Tensor | tf.GradSaveFunc)[];
  if (inputGradient)
    return tf.customGrad((...args: Args) => {
      const [x, w1, b1, w2, b2, save] = args as [
        tf.Tensor,
        tf.Tensor,
        tf.Tensor,
        tf.Tensor,
        tf.Tensor,
        tf.GradSaveFunc,
      ];
      return op(x, w1, b1, w2, b2, save);
    })(a, p.w1, p.b1, p.w2, p.b2);
  return tf.customGrad((...args: Args) => {
    const [w1, b1, w2, b2, save] = args as [
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
      tf.GradSaveFunc,
    ];
    return op(a, w1, b1, w2, b2, save);
  })(p.w1, p.b1, p.w2, p.b2);
}
