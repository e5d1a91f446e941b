/**
 * DARN's gradient estimator (Gregor, Danihelka, Mnih, Blundell & Wierstra
 * 2014, "Deep AutoRegressive Networks", ICML), as Jang, Gu & Poole (2017,
 * Sec. 3.2) describe it: REINFORCE whose learning signal is the first-order
 * Taylor difference f(z) − f(z̄) ≈ ∇f(z)·(z − z̄) around the fixed point
 * z̄ = ½ of a binary unit, taken per unit (a local signal), without the
 * correction term that would make it unbiased. For a binary unit h with
 * P(h = 1) = σ(φ):
 *   ĝ_φ = ∂f/∂h(h)·(h − ½)·∇_φ log p(h) = ∂f/∂h(h)·(h − ½)·(h − σ(φ)),
 * whose mean p(1 − p)·(f′(0) + f′(1))/2 is the trapezoid rule for the exact
 * p(1 − p)·(f(1) − f(0)): exact when f is quadratic in h, biased otherwise.
 *
 * Categorical variables (our generalization: the paper does not spell it
 * out): z̄ is the centre of the simplex, 1/K in every class, so variable v's
 * signal is s_v = Σ_k ∂f/∂z_vk·(z_vk − 1/K) and ĝ_v = s_v·(z_v − softmax(l_v)).
 * For K = 2 this is the binary estimator on φ = l₁ − l₀ exactly: with
 * z = (1 − h, h), s = (h − ½)·(∂f/∂z₁ − ∂f/∂z₀) = (h − ½)·∂f/∂h, and the
 * gradient on (l₀, l₁) is (−ĝ_φ, +ĝ_φ).
 *
 * ∇f(z) is the gradient of the downstream at the one-hot sample, the same
 * backward pass straight-through uses: `forward` feeds z with a custom
 * gradient that turns the incoming ∂/∂z into s_v·(z_v − q_v), so a step costs
 * what a straight-through step costs. (The signal alone, for the caller's
 * running variance under variance normalization, takes an inner `tf.grad`.)
 */
import * as tf from '../tfjs';
import { stopGradient } from '../gradientTricks';
import { defineEstimator, type SampleInput, type SurrogateInput } from './estimator';
import { scaleFor } from './learningSignal';
import { oneHotSample } from './sampling';

/**
 * z forward; backward, for the incoming dy = ∂/∂z (the downstream's gradient
 * at z), s_v = Σ_k dy_vk·(z_vk − 1/K) times ∇log q(z_v) = z_v − softmax(l_v),
 * divided by the scale when there is one. [B, ..., K].
 */
function darnSample(input: SampleInput): tf.Tensor {
  const z = oneHotSample(input);
  const k = z.shape[z.rank - 1]!;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    // z and the logits are saved for the backward pass: tfjs may free the forward pass's
    // other tensors before it (it did on the wasm backend, in the SBN race).
    (args[1] as tf.GradSaveFunc)([z, args[0] as tf.Tensor]);
    return {
      value: tf.clone(z),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [zs, logits] = saved as [tf.Tensor, tf.Tensor];
        const signal = tf.sum(tf.mul(dy, tf.sub(zs, 1 / k)), -1, true); // [B, ..., 1]
        const g = tf.mul(signal, tf.sub(zs, tf.softmax(logits)));
        return input.scale === undefined ? g : tf.div(g, scaleFor(input.scale, g.rank));
      },
    };
  });
  return op(input.logits);
}

/** DARN's local learning signals s_v = ∇_{z_v} f(z)·(z_v − 1/K), [B, ...] (one per variable). */
function localSignals({ sample, downstream }: SurrogateInput): tf.Tensor {
  const k = sample.shape[sample.rank - 1]!;
  // Rows are independent, so the gradient of the sum holds each row's own ∇f(z).
  const gradient = tf.grad((z: tf.Tensor) => tf.sum(downstream(z)))(stopGradient(sample));
  return stopGradient(tf.sum(tf.mul(gradient, tf.sub(sample, 1 / k)), -1));
}

export const darnEstimator = defineEstimator({
  id: 'darn',
  era: 'paper',
  reference:
    'Gregor, Danihelka, Mnih, Blundell & Wierstra (2014), DARN; as described by Jang, Gu & Poole (2017), Sec. 3.2',
  evaluations: 1,
  classes: 'any',
  label: 'DARN',
  color: 'series-13',
  unbiased: false,
  feeds: 'one-hot',
  gradient: '[∇f(z)·(z − z̄)]·∇log q(z) per variable, z̄ = ½ (1/K per class): a Taylor signal',
  paperColumn: 'DARN',
  normalization: { inPaper: true, signal: localSignals },
  forward: darnSample,
  // The downstream's own parameters get ∇f(z) through the loss; the logits get ĝ through the sample.
  surrogate: ({ loss }) => loss,
});
