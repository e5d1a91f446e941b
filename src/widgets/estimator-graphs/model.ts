/**
 * The computation graphs of Jang, Gu & Poole (2017, Fig. 2) as plain data:
 * nodes on a vertical chain from θ (bottom) to the objective (top), forward
 * edges, and backward edges labelled with the local derivative they carry.
 */

export type NodeKind = 'parameter' | 'deterministic' | 'stochastic' | 'objective';

export interface GraphNode {
  id: string;
  label: string;
  kind: NodeKind;
  /** Position in panel units: x in [0, 1] from the left, y in [0, 1] from the top row of nodes to the bottom row. */
  x: number;
  y: number;
}

export interface BackwardEdge {
  from: string;
  to: string;
  /** The local derivative that flows, or the reason nothing flows. */
  label: string;
  /** True where no gradient can pass (a sampling node). */
  blocked?: boolean;
  /** True where an estimator replaces the true derivative (straight-through's 1). */
  replaced?: boolean;
  /** Which side of the arrow its label sits on (default: right). */
  side?: 'left' | 'right';
}

export interface Graph {
  id: string;
  title: string;
  nodes: GraphNode[];
  forward: [string, string][];
  backward: BackwardEdge[];
  /** One sentence for the text alternative. */
  summary: string;
  /** A line under the title that defines a symbol the graph uses (e.g. f̂). */
  note?: string;
  /** The panel's share of a row of graphs, by how wide its labels are. */
  weight: number;
}

const n = (id: string, label: string, kind: NodeKind, y: number, x = 0.5): GraphNode => ({
  id,
  label,
  kind,
  x,
  y,
});

export const graphs: readonly Graph[] = [
  {
    id: 'deterministic',
    title: 'Deterministic node',
    weight: 0.8,
    nodes: [
      n('theta', 'θ', 'parameter', 1, 0.35),
      n('x', 'x(θ)', 'deterministic', 0.5, 0.35),
      n('f', 'f(x)', 'objective', 0, 0.35),
    ],
    forward: [
      ['theta', 'x'],
      ['x', 'f'],
    ],
    backward: [
      { from: 'f', to: 'x', label: '∂f/∂x' },
      { from: 'x', to: 'theta', label: '∂x/∂θ' },
    ],
    summary:
      'A deterministic node: θ gives x, x gives f, and the chain rule carries ∂f/∂x and ∂x/∂θ back.',
  },
  {
    id: 'stochastic',
    title: 'Stochastic node',
    weight: 1,
    nodes: [
      n('theta', 'θ', 'parameter', 1, 0.3),
      n('p', 'Pθ(Z)', 'deterministic', 0.67, 0.3),
      n('z', 'z', 'stochastic', 0.33, 0.3),
      n('f', 'f(z)', 'objective', 0, 0.3),
    ],
    forward: [
      ['theta', 'p'],
      ['p', 'z'],
      ['z', 'f'],
    ],
    backward: [
      { from: 'f', to: 'z', label: '∂f/∂z' },
      { from: 'z', to: 'p', label: 'no gradient', blocked: true },
    ],
    summary:
      'A stochastic node: z is sampled from Pθ(Z); the gradient reaches z but cannot pass the sampling step to θ.',
  },
  {
    id: 'score-function',
    title: 'Score function',
    note: 'f̂ = f − b',
    weight: 1.25,
    nodes: [
      n('theta', 'θ', 'parameter', 1, 0.45),
      n('logp', 'log Pθ(z)', 'deterministic', 0.67, 0.45),
      n('z', 'z', 'stochastic', 0.67, 0.86),
      n('f', 'f(z)', 'objective', 0.33, 0.86),
      n('s', 'f̂ · log Pθ(z)', 'objective', 0, 0.45),
    ],
    forward: [
      ['theta', 'logp'],
      ['theta', 'z'],
      ['z', 'f'],
      ['z', 'logp'],
      ['f', 's'],
      ['logp', 's'],
    ],
    backward: [
      { from: 's', to: 'logp', label: 'f̂', side: 'left' },
      { from: 'logp', to: 'theta', label: '∇θ log Pθ', side: 'left' },
    ],
    summary:
      'The score function (REINFORCE): a surrogate f̂ times log Pθ(z), with f̂ = f − b, sends (f − b)∇θ log Pθ(z) to θ without going through z.',
  },
  {
    id: 'straight-through',
    title: 'Straight-through',
    weight: 0.85,
    nodes: [
      n('theta', 'θ', 'parameter', 1, 0.35),
      n('p', 'Pθ(Z)', 'deterministic', 0.67, 0.35),
      n('z', 'z', 'stochastic', 0.33, 0.35),
      n('f', 'f(z)', 'objective', 0, 0.35),
    ],
    forward: [
      ['theta', 'p'],
      ['p', 'z'],
      ['z', 'f'],
    ],
    backward: [
      { from: 'f', to: 'z', label: '∂f/∂z' },
      { from: 'z', to: 'p', label: '1', replaced: true },
      { from: 'p', to: 'theta', label: '∂Pθ/∂θ' },
    ],
    summary:
      'Straight-through: the sample z goes forward, and backward the derivative of the sampling step is replaced by 1.',
  },
  {
    id: 'gumbel-softmax',
    title: 'Gumbel-Softmax',
    note: 'T: temperature',
    weight: 1.2,
    nodes: [
      n('theta', 'θ', 'parameter', 1, 0.3),
      n('logp', 'log Pθ(Y)', 'deterministic', 0.75, 0.3),
      n('g', 'g', 'stochastic', 0.75, 0.82),
      n('u', 'u = log Pθ + g', 'deterministic', 0.5),
      n('y', 'y = softmax(u/T)', 'deterministic', 0.25),
      n('f', 'f(y)', 'objective', 0),
    ],
    forward: [
      ['theta', 'logp'],
      ['logp', 'u'],
      ['g', 'u'],
      ['u', 'y'],
      ['y', 'f'],
    ],
    backward: [
      { from: 'f', to: 'y', label: '∂f/∂y' },
      { from: 'y', to: 'u', label: '∂y/∂u' },
      { from: 'u', to: 'logp', label: '1', side: 'left' },
      { from: 'logp', to: 'theta', label: '∂log Pθ/∂θ' },
    ],
    summary:
      'Gumbel-Softmax: the Gumbel noise g is the only random input; the relaxed sample y is a smooth function of θ, so ∂f/∂y, ∂y/∂u and ∂log Pθ/∂θ flow back exactly.',
  },
  {
    id: 'st-gumbel-softmax',
    title: 'ST Gumbel-Softmax',
    weight: 1.2,
    nodes: [
      n('theta', 'θ', 'parameter', 1, 0.3),
      n('logp', 'log Pθ(Y)', 'deterministic', 0.8, 0.3),
      n('g', 'g', 'stochastic', 0.8, 0.82),
      n('u', 'u = log Pθ + g', 'deterministic', 0.6),
      n('y', 'y = softmax(u/T)', 'deterministic', 0.4),
      n('z', 'z = arg max y', 'deterministic', 0.2),
      n('f', 'f(z)', 'objective', 0),
    ],
    forward: [
      ['theta', 'logp'],
      ['logp', 'u'],
      ['g', 'u'],
      ['u', 'y'],
      ['y', 'z'],
      ['z', 'f'],
    ],
    backward: [
      { from: 'f', to: 'z', label: '∂f/∂z' },
      { from: 'z', to: 'y', label: '1', replaced: true },
      { from: 'y', to: 'u', label: '∂y/∂u' },
      { from: 'u', to: 'logp', label: '1', side: 'left' },
      { from: 'logp', to: 'theta', label: '∂log Pθ/∂θ' },
    ],
    summary:
      'ST Gumbel-Softmax: forward the one-hot argmax z of the relaxed sample; backward treat ∂z/∂y as 1 and continue through the relaxed sample.',
  },
];

/** What the graphs show at a step of their slide. */
export type Phase = 'structure' | 'forward' | 'backward';

export interface GraphView {
  graphs: readonly Graph[];
  phase: Phase;
}

/**
 * The figure slide steps through structure, forward pass and backward pass;
 * the `gumbel` variant (on the Gumbel-Softmax estimator slide) shows both passes
 * of Gumbel-Softmax, and adds ST Gumbel-Softmax when the slide reaches it.
 */
export function viewAt(step: number, variant: string | undefined): GraphView {
  if (variant === 'gumbel') {
    const ids = step >= 2 ? ['gumbel-softmax', 'st-gumbel-softmax'] : ['gumbel-softmax'];
    return { graphs: graphs.filter((g) => ids.includes(g.id)), phase: 'backward' };
  }
  const phases: Phase[] = ['structure', 'forward', 'backward'];
  return { graphs, phase: phases[Math.min(Math.max(step, 0), 2)]! };
}
