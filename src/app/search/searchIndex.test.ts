import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lectureSlides } from '../../lecture';
import { renderTex } from '../../math/renderTex';
import { decodeEntities, lectureSpelling, slideHtmlText } from './lectureText';
import { buildSearchIndex, fold, queryTerms, searchLecture, snippet } from './searchIndex';

const index = buildSearchIndex(lectureSlides);
const marked = (parts: { text: string; match: boolean }[]) =>
  parts.filter((p) => p.match).map((p) => p.text);
const idOf = (slide: number) => lectureSlides[slide]!.id;

describe('the text of a slide', () => {
  it('keeps a formula as its TeX source in the lecture’s spelling, not KaTeX’s rendering', () => {
    const html = `<p>A <em>softened</em> ${renderTex('\\softmax(→θ / τ) ≈ 𝔼[∇ f]', false)} &amp; more</p>`;
    expect(slideHtmlText(html)).toBe('A softened $\\softmax(→θ / τ) ≈ 𝔼[∇ f]$ & more');
  });

  it('holds every formula of the lecture’s Markdown as the lecturer wrote it', () => {
    const texts = index.map((e) => e.text).join('\n');
    const sources = readdirSync('src/lecture')
      .filter((file) => /^\d.*\.md$/.test(file))
      .map((file) => readFileSync(`src/lecture/${file}`, 'utf8'));
    const formulas = sources.flatMap((source) =>
      [...source.matchAll(/\$\$([\s\S]+?)\$\$|(?<![\\$])\$([^$\n]+?)\$/g)].map((m) =>
        (m[1] ?? m[2]!).trim().replace(/\s+/g, ' '),
      ),
    );
    expect(formulas.length).toBeGreaterThan(20);
    for (const tex of formulas) expect(texts).toContain(`$${tex}$`);
  });

  it('undoes exactly the shorthand the compiler rewrites, and nothing that only looks like it', () => {
    expect(lectureSpelling('\\boldsymbol{\\theta} \\sum _j \\simeq \\mathbb{E}')).toBe(
      '→θ∑_j \\simeq 𝔼',
    );
    expect(decodeEntities('&lt;&#x3C4;&#960;&bogus;')).toBe('<τπ&bogus;');
  });
});

describe('matching', () => {
  it('ignores case and accents and maps matches back to the original text', () => {
    const folded = fold('Léonard 𝔼');
    expect(folded.text).toBe('leonard 𝔼');
    expect(folded.starts[1]).toBe(1);
    expect(folded.ends[2]).toBe(3);
    expect(queryTerms('  \\tau   LÉON ')).toEqual(['τ', 'leon']);
  });

  it('finds a formula by its TeX source: \\softmax, argmax, \\theta or →θ', () => {
    const softmax = searchLecture(index, '\\softmax').results;
    expect(softmax.map((r) => idOf(r.slide))).toContain('discrete-latent-variables');
    expect(marked(softmax[0]!.snippet)).toEqual(['\\softmax']);
    expect(searchLecture(index, 'ARGMAX').total).toBeGreaterThan(0);
    const theta = searchLecture(index, '\\theta');
    expect(theta.total).toBe(searchLecture(index, 'θ').total);
    expect(searchLecture(index, '\\boldsymbol{\\theta}').total).toBe(
      searchLecture(index, '→θ').total,
    );
    expect(searchLecture(index, '\\notinthelecture').total).toBe(0);
  });

  it('finds notes as notes, and jumps to the step a text appears at', () => {
    const { results } = searchLecture(index, 'Misconception');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.kind === 'notes' && r.step === 0)).toBe(true);
    // "pretends that the sample was the identity" is straight-through, step 4 of the estimators.
    const st = searchLecture(index, 'pretends that').results;
    expect(st.map((r) => [idOf(r.slide), r.step, r.kind])).toEqual([['estimators', 3, 'slide']]);
    expect(searchLecture(index, 'leonard').results[0]!.snippet.find((p) => p.match)?.text).toBe(
      'Léonard',
    );
  });

  it('needs every word, marks each, keeps the deck’s order and caps the list', () => {
    const both = searchLecture(index, 'gumbel noise').results;
    for (const r of both) {
      const words = marked(r.snippet).map((w) => w.toLowerCase());
      expect(words.some((w) => w === 'gumbel')).toBe(true);
    }
    const order = both.map((r) => r.slide * 100 + r.step + (r.kind === 'notes' ? 50 : 0));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const many = searchLecture(index, 'e', 5);
    expect(many.results).toHaveLength(5);
    expect(many.total).toBeGreaterThan(5);
    expect(searchLecture(index, '   ').total).toBe(0);
  });

  it('cuts a snippet at spaces around the first match, never inside a character', () => {
    const text = `${'word '.repeat(30)}𝔼 target ${'tail '.repeat(40)}`;
    const start = text.indexOf('target');
    const parts = snippet(text, [[start, start + 6]]);
    expect(parts[0]).toEqual({ text: '…', match: false });
    expect(parts.at(-1)).toEqual({ text: '…', match: false });
    expect(parts[1]!.text.startsWith('word ')).toBe(true);
    expect(marked(parts)).toEqual(['target']);
    const short = snippet('x𝔼y', [[1, 3]]);
    expect(short).toEqual([
      { text: 'x', match: false },
      { text: '𝔼', match: true },
      { text: 'y', match: false },
    ]);
  });
});
