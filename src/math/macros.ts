/**
 * The lecture's TeX notation. The source lecture writes `→θ` for a bold vector
 * and uses `\argmax`, `\softmax` and Unicode symbols; these macros and the
 * rewrite below make KaTeX accept the same spelling, at build time in node and
 * at run time in the widgets.
 */
export const lectureMacros: Record<string, string> = {
  '\\argmax': '\\operatorname*{arg\\,max}',
  '\\softmax': '\\operatorname{softmax}',
  '\\onehot': '\\operatorname{one-hot}',
  '\\Gumbel': '\\operatorname{Gumbel}',
  '\\E': '\\mathbb{E}',
};

// Letters become commands first, so that `→θ` then turns into `\boldsymbol{\theta}`.
const letters: [RegExp, string][] = [
  [/θ/gu, '\\theta '],
  [/τ/gu, '\\tau '],
  [/π/gu, '\\pi '],
  [/Γ/gu, '\\Gamma '],
];
const symbols: [RegExp, string][] = [
  [/→(\\[a-zA-Z]+|[^\s\\{}])/gu, '\\boldsymbol{$1}'],
  [/𝔼/gu, '\\mathbb{E}'],
  [/∇/gu, '\\nabla '],
  [/∑/gu, '\\sum '],
  [/∏/gu, '\\prod '],
  [/∼/gu, '\\sim '],
  [/≈/gu, '\\approx '],
  [/…/gu, '\\dots '],
  [/∂/gu, '\\partial '],
];

/** Rewrites the lecture's Unicode shorthand (`→θ`, `𝔼`, `∇`, …) into plain TeX. */
export function normalizeLectureTex(tex: string): string {
  let out = tex;
  for (const [pattern, replacement] of [...letters, ...symbols]) {
    out = out.replace(pattern, replacement);
  }
  return out;
}
