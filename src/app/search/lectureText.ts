/**
 * The searchable text of a compiled slide's HTML: what the slide says, with
 * each formula as its TeX source (`$…$`) in the lecture's own spelling. The
 * compiler typesets math at build time, so the browser has only KaTeX's HTML;
 * its MathML part keeps the source in an `<annotation>`, which is read here.
 * Pure string work (no DOM), so it runs in node as well.
 */

/**
 * A tag or a run of text. Attribute values hold no `>`: marked and KaTeX
 * escape it, so a tag ends at the first one.
 */
const TOKEN = /<[^>]*>|[^<]+/g;
const TAG_NAME = /^<\/?([a-zA-Z][\w-]*)/;
const VOID = new Set([
  'br',
  'hr',
  'img',
  'input',
  'wbr',
  'col',
  'area',
  'source',
  'embed',
  'track',
]);
const BLOCK = /^(?:p|li|ul|ol|br|hr|div|h[1-6]|tr|td|th|table|blockquote|pre|dd|dt)$/;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decodes the HTML entities marked and KaTeX write (named few, and numeric). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text of compiled slide HTML. KaTeX's visual part (`.katex-html`) and
 * its MathML are skipped; the TeX annotation stands for the formula, so that
 * `\softmax`, `argmax` or `τ` find it. Block elements end a word.
 */
export function slideHtmlText(html: string): string {
  let out = '';
  let depth = 0;
  /** The depth at which a skipped element (KaTeX's rendering) opened, or -1. */
  let skipAt = -1;
  let inTex = false;
  for (const [token] of html.matchAll(TOKEN)) {
    if (token[0] !== '<') {
      if (inTex) out += `$${lectureSpelling(decodeEntities(token).trim())}$`;
      else if (skipAt < 0) out += decodeEntities(token);
      continue;
    }
    const name = TAG_NAME.exec(token)?.[1]?.toLowerCase();
    if (name === undefined) continue; // a comment or a doctype
    const closing = token[1] === '/';
    if (name === 'annotation') inTex = !closing && token.includes('application/x-tex');
    if (skipAt < 0 && BLOCK.test(name)) out += ' ';
    if (token.endsWith('/>') || VOID.has(name)) continue;
    if (closing) {
      depth -= 1;
      if (depth === skipAt) skipAt = -1;
    } else {
      if (skipAt < 0 && /\bclass="katex-(?:html|mathml)"/.test(token)) skipAt = depth;
      depth += 1;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * The inverse of the lecture's TeX shorthand (src/math/macros.ts): what the
 * compiler handed KaTeX (`\boldsymbol{\theta} `, `\nabla `) back to what the
 * lecturer wrote (`→θ`, `∇`). Applied to the query as well, so that `\tau`
 * and `τ` find the same formulas.
 */
const SPELLING: [RegExp, string][] = [
  [/\\boldsymbol\{(\\[a-zA-Z]+|[^\s\\{}])\}/g, '→$1'],
  [/\\mathbb\{E\}/g, '𝔼'],
  ...(
    [
      ['theta', 'θ'],
      ['tau', 'τ'],
      ['pi', 'π'],
      ['Gamma', 'Γ'],
      ['nabla', '∇'],
      ['sum', '∑'],
      ['prod', '∏'],
      ['sim', '∼'],
      ['approx', '≈'],
      ['dots', '…'],
      ['partial', '∂'],
    ] as const
  ).map(([command, symbol]): [RegExp, string] => [
    new RegExp(`\\\\${command}(?![a-zA-Z]) ?`, 'g'),
    symbol,
  ]),
];

export function lectureSpelling(tex: string): string {
  return SPELLING.reduce((out, [pattern, symbol]) => out.replace(pattern, symbol), tex);
}
