/**
 * The position in the URL hash, readable and stable: `#/gumbel-max/2` is the
 * slide with id `gumbel-max` at its second step. A hash that points nowhere
 * resolves to the nearest valid place together with a notice for the user.
 */
import { echo } from './echo';
import { clampPosition, type Position } from './navigation';

export interface HashSlide {
  id: string;
  steps: number;
}

export interface ResolvedHash {
  position: Position;
  /** Set when the hash could not be followed exactly; says what happened instead. */
  notice?: string;
}

/**
 * Splits `#/id/3?tau=0.5&seed=7` into the position part and the widget state
 * after `?`, which the deck keeps unchanged while it moves.
 */
export function splitHash(hash: string): { path: string; query: string } {
  const at = hash.indexOf('?');
  return at < 0 ? { path: hash, query: '' } : { path: hash.slice(0, at), query: hash.slice(at) };
}

/** `#/id` for the first step, `#/id/3` for the third. */
export function formatHash(slides: readonly HashSlide[], pos: Position): string {
  const slide = slides[pos.slide];
  if (!slide) return '#/';
  return pos.step > 0 ? `#/${slide.id}/${pos.step + 1}` : `#/${slide.id}`;
}

const MAX_HASH_LENGTH = 200;

/** Reads a hash such as `#/gumbel-max/2`, `#/4` (slide number) or `#/4/2`. Never throws. */
export function parseHash(slides: readonly HashSlide[], rawHash: string): ResolvedHash {
  const counts = slides.map((s) => s.steps);
  let hash = splitHash(rawHash).path.slice(0, MAX_HASH_LENGTH);
  try {
    hash = decodeURIComponent(hash);
  } catch {
    // A malformed escape such as "%E0%A4%A" is read as the raw text.
  }
  hash = hash.replace(/^#/, '').replace(/^\/+/, '');
  if (hash === '') return { position: { slide: 0, step: 0 } };

  const [slidePart = '', stepPart, ...extra] = hash.split('/');
  let notice: string | undefined;
  let slide: number;
  const byId = slides.findIndex((s) => s.id === slidePart);
  if (byId >= 0) {
    slide = byId;
  } else if (/^-?\d+$/.test(slidePart)) {
    const number = Number(slidePart);
    slide = Math.min(Math.max(number, 1), slides.length) - 1;
    if (number < 1 || number > slides.length) {
      notice = `There is no slide ${number}; showing slide ${slide + 1} of ${slides.length}.`;
    }
  } else {
    const prefix = slides.findIndex((s) => slidePart.length >= 3 && s.id.startsWith(slidePart));
    slide = Math.max(prefix, 0);
    notice = `No slide is called ${echo(slidePart)}; showing “${slides[slide]?.id ?? ''}”.`;
  }

  let step = 0;
  if (stepPart !== undefined && stepPart !== '') {
    const wanted = /^-?\d+$/.test(stepPart) ? Number(stepPart) : NaN;
    const count = counts[slide] ?? 1;
    if (Number.isNaN(wanted)) {
      notice ??= `${echo(stepPart)} is not a step number; showing the first step.`;
    } else {
      step = Math.min(Math.max(wanted, 1), count) - 1;
      if (wanted < 1 || wanted > count) {
        notice ??= `This slide has ${count} step${count === 1 ? '' : 's'}; showing step ${step + 1}.`;
      }
    }
  }
  if (extra.length > 0) notice ??= 'The link had extra parts; they were ignored.';
  const position = clampPosition(counts, { slide, step });
  return notice === undefined ? { position } : { position, notice };
}
