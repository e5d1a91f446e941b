import { useCallback, useEffect, useRef, useState } from 'react';
import { splitHash } from '../../deck/hash';
import {
  hashWithParams,
  replaceHash,
  scheduleHashWrite,
  useHashQuery,
} from '../../deck/stores/useHashParams';
import { publishFigureSettings } from '../../deck/stores/figureSettings';
import type { Parsed, Problems } from './settings';

const URL_WRITE_DELAY_MS = 250;

export interface WidgetStateModel<T> {
  parse: (params: URLSearchParams) => Parsed<T>;
  format: (state: T) => Record<string, string>;
  defaults: () => T;
}

const queryOf = (hash: string) => splitHash(hash).query;
/** The slide part of a hash (`results` of `#/results/2?…`); its steps are one slide. */
const slideOf = (hash: string) => splitHash(hash).path.replace(/^#\/?/, '').split('/')[0] ?? '';

/**
 * Whether `hash` is the stage leaving this widget's slide: it moved to
 * another slide (its slide is not `slide`, the one of the hash this widget last
 * read or wrote) and carries none of the widget's keys (they leave with their slide,
 * stores/slideLinks). That is no news for the widget, which is about to go:
 * taking it as a link would put the defaults in, and a training run of the
 * defaults would replace the one the slide is left with (the presenter
 * view's audience window hears the move before its stage unmounts the figure).
 */
function isLeaving(hash: string, slide: string, keys: ReadonlySet<string>): boolean {
  if (slideOf(hash) === slide) return false;
  for (const key of new URLSearchParams(queryOf(hash).slice(1)).keys())
    if (keys.has(key)) return false;
  return true;
}

/**
 * A widget's state, mirrored into the URL hash so a link reproduces the
 * picture. Values equal to the defaults are left out of the URL, so an
 * untouched widget leaves the link clean, and a value the widget refused or
 * clamped is replaced in the link by the value used. A link pasted, typed or
 * walked to with back/forward is followed: its values and its problems
 * replace the widget's, even when it carries the query the widget last
 * wrote. Problems are kept by link key (`setProblem`), so a
 * field's message goes when that field gets a valid value.
 */
export function useWidgetState<T>(model: WidgetStateModel<T>) {
  const modelRef = useRef(model);
  const [initial] = useState(() => {
    const query = queryOf(window.location.hash);
    return { query, parsed: model.parse(new URLSearchParams(query.slice(1))) };
  });
  const [state, setState] = useState<T>(initial.parsed.state);
  const [problems, setProblems] = useState<Problems>(initial.parsed.problems);
  /** The query this widget last read or wrote: seeing it again is no news. */
  const seenQuery = useRef(initial.query);
  /** The slide of the hash it last read or wrote. */
  const seenSlide = useRef(slideOf(window.location.hash));
  const [ownKeys] = useState(() => new Set(Object.keys(model.format(model.defaults()))));

  // Every value in use, defaults and a fresh seed included, at once: the
  // follow-along link reads them (the hash gets them later and without defaults).
  const [owner] = useState(() => ({}));
  useEffect(() => {
    publishFigureSettings(owner, modelRef.current.format(state));
    return () => publishFigureSettings(owner, null);
  }, [owner, state]);

  useEffect(() => {
    const values = modelRef.current.format(state);
    const defaults = modelRef.current.format(modelRef.current.defaults());
    const update = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, v === defaults[k] ? null : v]),
    );
    // Debounced: an animation changes the state every frame, and browsers refuse
    // more than about a hundred history updates in ten seconds.
    // The deck flushes it early when it leaves the slide (flushHashWrites).
    return scheduleHashWrite(() => {
      // A link that arrived since this state was set wins: it is read next,
      // and writing the older state over it would lose it.
      if (queryOf(window.location.hash) !== seenQuery.current) return;
      replaceHash(hashWithParams(update), (hash) => {
        seenQuery.current = queryOf(hash);
        seenSlide.current = slideOf(hash);
      });
    }, URL_WRITE_DELAY_MS);
  }, [state]);

  const query = useHashQuery();
  useEffect(() => {
    if (query === seenQuery.current) return;
    if (isLeaving(window.location.hash, seenSlide.current, ownKeys)) return;
    seenQuery.current = query;
    seenSlide.current = slideOf(window.location.hash);
    const next = modelRef.current.parse(new URLSearchParams(query.slice(1)));
    setState(next.state);
    setProblems(next.problems);
  }, [query, ownKeys]);

  // An in-page navigation (a link followed, a typed hash, back/forward) is
  // news even when its query is the one this widget last wrote: the messages
  // follow that link, so a message about a value it does not carry goes.
  useEffect(() => {
    const follow = () => {
      if (isLeaving(window.location.hash, seenSlide.current, ownKeys)) return;
      seenSlide.current = slideOf(window.location.hash);
      const now = queryOf(window.location.hash);
      const next = modelRef.current.parse(new URLSearchParams(now.slice(1)));
      if (now !== seenQuery.current) {
        seenQuery.current = now;
        setState(next.state);
      }
      setProblems(next.problems);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [ownKeys]);

  /** Sets (text) or clears (null) the message about one link key. */
  const setProblem = useCallback((key: string, text: string | null) => {
    setProblems((old) => {
      if ((old[key] ?? null) === text) return old;
      const next = { ...old };
      if (text === null) delete next[key];
      else next[key] = text;
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    setState(modelRef.current.defaults());
    setProblems({});
  }, []);
  return { state, setState, problems, setProblem, reset };
}
