/**
 * Search over the lecture: the text of every slide at every step and its
 * speaker notes, formulas by their TeX source. A plain substring search,
 * case- and accent-insensitive, over a few dozen kilobytes of text: see the
 * README ("In class") for why no search library.
 */
import type { Slide } from '../../deck/types';
import { lectureSpelling, slideHtmlText } from './lectureText';

/** Text folded for matching, with where each folded unit came from in the original. */
interface Folded {
  text: string;
  /** Start and end (exclusive) in the original text of each UTF-16 unit of `text`. */
  starts: number[];
  ends: number[];
}

/** What can be found: one step of a slide, or a slide's notes. */
export interface SearchEntry {
  slide: number;
  /** The step a result jumps to: the step the text appears at (0 for notes). */
  step: number;
  kind: 'slide' | 'notes';
  text: string;
  folded: Folded;
}

/** A piece of a snippet; `match` pieces are highlighted. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchResult {
  slide: number;
  step: number;
  kind: SearchEntry['kind'];
  /** Text around the first match, with every match of every word marked. */
  snippet: SnippetPart[];
  /** How many matches the entry has. */
  hits: number;
}

/** Lower case, without accents: "Léonard" and "leonard" match; "𝔼" stays itself. */
export function fold(text: string): Folded {
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  // Most of the lecture is ASCII: runs of it are lower-cased at once, one to
  // one; only the other characters need Unicode's decomposition.
  for (const [run] of text.matchAll(/[\0-\x7f]+|[^\0-\x7f]/gu)) {
    const ascii = run.charCodeAt(0) < 0x80;
    const plain = ascii
      ? run.toLowerCase()
      : run
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase();
    const oneToOne = ascii && plain.length === run.length;
    for (let i = 0; i < plain.length; i++) {
      starts.push(oneToOne ? at + i : at);
      ends.push(oneToOne ? at + i + 1 : at + run.length);
    }
    pieces.push(plain);
    at += run.length;
  }
  return { text: pieces.join(''), starts, ends };
}

/** The entries of a lecture: per slide one per step (the title with step 0), then the notes. */
export function buildSearchIndex(slides: readonly Slide[]): SearchEntry[] {
  const entries: SearchEntry[] = [];
  const add = (slide: number, step: number, kind: SearchEntry['kind'], text: string) => {
    if (text) entries.push({ slide, step, kind, text, folded: fold(text) });
  };
  slides.forEach((slide, index) => {
    for (let step = 0; step < slide.steps; step++) {
      const parts = slide.blocks
        .filter((block) => block.step === step)
        .map((block) => (block.kind === 'html' ? slideHtmlText(block.html) : block.description));
      if (step === 0) parts.unshift(slideHtmlText(slide.titleHtml));
      add(index, step, 'slide', parts.join(' · '));
    }
    add(index, 0, 'notes', slideHtmlText(slide.notesHtml));
  });
  return entries;
}

/** The words of a query, folded; formulas in the lecture's spelling (`\tau` is τ). */
export function queryTerms(query: string): string[] {
  const words = lectureSpelling(query).trim().split(/\s+/);
  return words.map((word) => fold(word).text).filter((word) => word !== '');
}

/** Where `term` occurs in `text`, as [start, end) ranges of the folded text. */
function occurrences(text: string, term: string): [number, number][] {
  const found: [number, number][] = [];
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) {
    found.push([i, i + term.length]);
  }
  return found;
}

const BEFORE = 40;
const AFTER = 100;

/**
 * Entries that contain every word of the query, in the deck's order, at most
 * `limit` of them; `total` counts them all.
 */
export function searchLecture(
  entries: readonly SearchEntry[],
  query: string,
  limit = 50,
): { results: SearchResult[]; total: number } {
  const terms = queryTerms(query);
  if (terms.length === 0) return { results: [], total: 0 };
  const results: SearchResult[] = [];
  let total = 0;
  for (const entry of entries) {
    const perTerm = terms.map((term) => occurrences(entry.folded.text, term));
    if (perTerm.some((found) => found.length === 0)) continue;
    total += 1;
    if (results.length >= limit) continue;
    const ranges = perTerm
      .flat()
      .map(([s, e]): [number, number] => [entry.folded.starts[s]!, entry.folded.ends[e - 1]!])
      .sort((a, b) => a[0] - b[0]);
    results.push({
      slide: entry.slide,
      step: entry.step,
      kind: entry.kind,
      snippet: snippet(entry.text, ranges),
      hits: ranges.length,
    });
  }
  return { results, total };
}

/** The text around the first range, cut at spaces, with the ranges inside it marked. */
export function snippet(text: string, ranges: readonly [number, number][]): SnippetPart[] {
  const first = ranges[0];
  if (!first) return [{ text, match: false }];
  let from = Math.max(0, first[0] - BEFORE);
  let to = Math.min(text.length, first[1] + AFTER);
  if (from > 0) from = unitBoundary(text, wordStart(text, from, first[0]));
  if (to < text.length) to = unitBoundary(text, wordEnd(text, to, first[1]));
  const parts: SnippetPart[] = [];
  const push = (part: string, match: boolean) => {
    if (part) parts.push({ text: part, match });
  };
  push(from > 0 ? '…' : '', false);
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= at || start >= to) continue;
    push(text.slice(at, Math.max(at, start)), false);
    push(text.slice(Math.max(at, start), Math.min(end, to)), true);
    at = Math.min(end, to);
  }
  push(text.slice(at, to), false);
  push(to < text.length ? '…' : '', false);
  return parts;
}

/** The start of the word after a space at or after `from`, but not past `limit`. */
function wordStart(text: string, from: number, limit: number): number {
  const space = text.indexOf(' ', from);
  return space >= 0 && space < limit ? space + 1 : from;
}

/** The end of a word: the last space at or before `to`, but not before `limit`. */
function wordEnd(text: string, to: number, limit: number): number {
  const space = text.lastIndexOf(' ', to);
  return space > limit ? space : to;
}

/** Moves an index off the second half of a surrogate pair (𝔼 is two UTF-16 units). */
function unitBoundary(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}
