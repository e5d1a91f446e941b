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
      replaceHash(hashWithParams(update), (hash) => (seenQuery.current = queryOf(hash)));
    }, URL_WRITE_DELAY_MS);
  }, [state]);

  const query = useHashQuery();
  useEffect(() => {
    if (query === seenQuery.current) return;
    seenQuery.current = query;
    const next = modelRef.current.parse(new URLSearchParams(query.slice(1)));
    setState(next.state);
    setProblems(next.problems);
  }, [query]);

  // An in-page navigation (a link followed, a typed hash, back/forward) is
  // news even when its query is the one this widget last wrote: the messages
  // follow that link, so a message about a value it does not carry goes.
  useEffect(() => {
    const follow = () => {
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
  }, []);

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
