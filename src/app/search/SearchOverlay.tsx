import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Slide } from '../../deck/types';
import type { Position } from '../../deck/navigation';
import {
  buildSearchIndex,
  searchLecture,
  type SearchEntry,
  type SearchResult,
} from './searchIndex';
import './search.css';

interface SearchOverlayProps {
  slides: readonly Slide[];
  /** Goes to a result's slide and step (the overlay closes first). */
  onChoose: (position: Position) => void;
  onClose: () => void;
}

/** Built once per lecture, when the search first opens (a few milliseconds). */
const indexes = new WeakMap<readonly Slide[], SearchEntry[]>();
function indexOf(slides: readonly Slide[]): SearchEntry[] {
  let index = indexes.get(slides);
  if (!index) {
    const start = performance.now();
    indexes.set(slides, (index = buildSearchIndex(slides)));
    // The browser test reads this: building must stay well inside one frame's budget.
    performance.measure('search-index', { start, end: performance.now() });
  }
  return index;
}

/**
 * A search box over every slide, step and note (ARIA combobox with a listbox
 * of results): arrows choose, Enter or a click goes there, Esc closes and
 * gives the focus back.
 */
export function SearchOverlay({ slides, onChoose, onClose }: SearchOverlayProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const index = useMemo(() => indexOf(slides), [slides]);
  const { results, total } = useMemo(() => searchLecture(index, query), [index, query]);

  useEffect(() => {
    const opener = document.activeElement;
    input.current?.focus({ preventScroll: true });
    return () => {
      if (opener instanceof HTMLElement) opener.focus({ preventScroll: true });
    };
  }, []);
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = (result: SearchResult | undefined) => {
    if (result) onChoose({ slide: result.slide, step: result.step });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = results.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(active + 1, last),
      ArrowUp: Math.max(active - 1, 0),
      PageDown: Math.min(active + 5, last),
      PageUp: Math.max(active - 5, 0),
    };
    if (event.key in moves) setActive(Math.max(0, moves[event.key]!));
    else if (event.key === 'Enter') choose(results[active]);
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
  };

  const expanded = results.length > 0;
  const optionId = (i: number) => `${id}-result-${i}`;
  const count =
    query.trim() === ''
      ? 'Type a word, or part of a formula’s TeX such as \\softmax.'
      : total === 0
        ? 'No results.'
        : `${total} ${total === 1 ? 'result' : 'results'}${total > results.length ? `, the first ${results.length} shown` : ''}.`;
  return (
    <div className="overlay search" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
      <h2 className="overlay__title" id={`${id}-title`}>
        Search the slides and notes
      </h2>
      <label className="search__label" htmlFor={`${id}-input`}>
        Words or TeX (case and accents ignored)
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        className="search__input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={expanded ? `${id}-results` : undefined}
        aria-activedescendant={expanded ? optionId(active) : undefined}
        aria-describedby={`${id}-count`}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="search__count" id={`${id}-count`} role="status">
        {count}
      </p>
      {expanded && (
        <ul
          className="search__results"
          id={`${id}-results`}
          role="listbox"
          ref={list}
          aria-label="Results"
        >
          {results.map((result, i) => {
            const slide = slides[result.slide]!;
            return (
              <li
                key={`${result.slide}-${result.step}-${result.kind}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className="search__result"
                // The focus stays in the box; a click chooses.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(result)}
              >
                <span className="search__where">
                  {result.slide + 1}. {slide.title}
                  {slide.steps > 1 && result.kind === 'slide' && (
                    <>
                      , step {result.step + 1} of {slide.steps}
                    </>
                  )}
                  {result.kind === 'notes' && <span className="search__badge">notes</span>}
                </span>
                <span className="search__snippet">
                  {result.snippet.map((part, k) =>
                    part.match ? <mark key={k}>{part.text}</mark> : part.text,
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="search__close" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
