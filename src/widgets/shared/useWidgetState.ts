import { useCallback, useEffect, useRef, useState } from 'react';
import { readHashParams, useHashQuery, writeHashParams } from './useHashParams';
import type { Parsed } from './urlState';

const URL_WRITE_DELAY_MS = 250;

export interface WidgetStateModel<T> {
  parse: (params: URLSearchParams) => Parsed<T>;
  format: (state: T) => Record<string, string>;
  defaults: () => T;
}

/**
 * A widget's state, mirrored into the URL hash so a link reproduces the
 * picture. Values equal to the defaults are left out of the URL, so an
 * untouched widget leaves the link clean. A link pasted or walked to with
 * back/forward is followed. Problems with the URL's values are returned for
 * the widget to show.
 */
export function useWidgetState<T>(model: WidgetStateModel<T>) {
  const modelRef = useRef(model);
  const [parsed] = useState(() => model.parse(readHashParams()));
  const [state, setState] = useState<T>(parsed.state);
  const [problems, setProblems] = useState<string[]>(parsed.problems);
  const written = useRef<string>('');

  useEffect(() => {
    const values = modelRef.current.format(state);
    const defaults = modelRef.current.format(modelRef.current.defaults());
    const update = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, v === defaults[k] ? null : v]),
    );
    written.current = JSON.stringify(values);
    // Debounced: an animation changes the state every frame, and browsers refuse
    // more than about a hundred history updates in ten seconds.
    const timer = window.setTimeout(() => writeHashParams(update), URL_WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  const query = useHashQuery();
  useEffect(() => {
    const next = modelRef.current.parse(new URLSearchParams(query.slice(1)));
    if (JSON.stringify(modelRef.current.format(next.state)) === written.current) return;
    setState(next.state);
    setProblems(next.problems);
  }, [query]);

  const reset = useCallback(() => {
    setState(modelRef.current.defaults());
    setProblems([]);
  }, []);
  return { state, setState, problems, setProblems, reset };
}
