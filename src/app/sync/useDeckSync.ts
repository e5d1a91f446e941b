import { useEffect, useRef, useState } from 'react';
import {
  CHANNEL_NAME,
  helloMessage,
  parseMessage,
  sameState,
  stateMessage,
  unsendable,
  type DeckState,
} from './protocol';
import { latestOnly, nextFrame } from './latestOnly';

/** How long a new window waits to hear another's state before it speaks itself. */
const LISTEN_FIRST_MS = 400;

/**
 * Keeps the windows of a presenter session (`enabled`) in step over a
 * BroadcastChannel. Local changes are sent; the other window's
 * changes are applied through `apply`, at most one state per frame (the latest
 * one), so a flood of messages cannot stall the window. A window that opens
 * late or reloads asks for the state first and does not overwrite the others
 * with its own start. Without BroadcastChannel or a second window, nothing
 * happens.
 *
 * Returns why the local state cannot be sent (a link too long for the
 * protocol), or null: the window should show it, as the others stop following.
 */
export function useDeckSync(
  enabled: boolean,
  local: DeckState,
  apply: (state: DeckState) => void,
): string | null {
  const [self] = useState(() => Math.random().toString(36).slice(2, 12));
  const id = useRef(self);
  const channel = useRef<BroadcastChannel | null>(null);
  const lastApplied = useRef<DeckState | null>(null);
  const ready = useRef(false);
  const localRef = useRef(local);
  const applyRef = useRef(apply);
  useEffect(() => {
    localRef.current = local;
    applyRef.current = apply;
  });

  useEffect(() => {
    if (!enabled || typeof BroadcastChannel === 'undefined') return;
    const bc = new BroadcastChannel(CHANNEL_NAME);
    channel.current = bc;
    const timer = window.setTimeout(() => (ready.current = true), LISTEN_FIRST_MS);
    const remote = latestOnly((state: DeckState) => {
      if (sameState(state, localRef.current)) return;
      lastApplied.current = state;
      applyRef.current(state);
    }, nextFrame);
    // Many windows saying hello at once get one answer per frame.
    const answer = latestOnly(() => {
      if (unsendable(localRef.current) === null)
        bc.postMessage(stateMessage(id.current, Date.now(), localRef.current));
    }, nextFrame);
    bc.onmessage = (event: MessageEvent) => {
      const message = parseMessage(event.data);
      if (!message || message.from === id.current) return;
      if (message.kind === 'hello') {
        if (ready.current) answer.push(null);
        return;
      }
      if (message.kind !== 'state') return; // ink has its own listener (useInkSync)
      ready.current = true;
      remote.push(message.state);
    };
    bc.postMessage(helloMessage(id.current));
    return () => {
      window.clearTimeout(timer);
      remote.dispose();
      answer.dispose();
      bc.close();
      channel.current = null;
    };
  }, [enabled]);

  useEffect(() => {
    if (unsendable(local) || !ready.current || !channel.current) return;
    if (lastApplied.current && sameState(lastApplied.current, local)) return;
    lastApplied.current = null;
    channel.current.postMessage(stateMessage(id.current, Date.now(), local));
  }, [local]);

  return enabled ? unsendable(local) : null;
}
