import { useEffect } from 'react';
import { CHANNEL_NAME, inkDraftMessage, inkMessage, parseMessage } from '../sync/protocol';
import { nextFrame } from '../sync/latestOnly';
import { applyRemoteDraft, applyRemoteInk, onLocalInk, remoteDraftOf } from './inkStore';
import type { StepInkData } from './inkFormat';
import type { Stroke } from './stroke';

/**
 * Mirrors ink between the windows of a presenter session (`enabled`) over the
 * deck's BroadcastChannel: each edit sends its step's strokes, and the stroke
 * being drawn is sent once a frame so the room sees it grow. Received messages
 * are applied once a frame, the latest per step, so a flood cannot stall the window.
 */
export function useInkSync(enabled: boolean) {
  useEffect(() => {
    if (!enabled || typeof BroadcastChannel === 'undefined') return;
    const self = Math.random().toString(36).slice(2, 12);
    const channel = new BroadcastChannel(CHANNEL_NAME);
    // Per step, the strokes and the stroke being drawn that arrived last (applied in that order).
    const inks = new Map<string, StepInkData>();
    const drafts = new Map<string, Stroke | null>();
    let cancel: (() => void) | null = null;
    const flush = () => {
      cancel = null;
      inks.forEach((ink, key) => applyRemoteInk(key, ink));
      drafts.forEach((draft, key) => applyRemoteDraft(key, draft));
      inks.clear();
      drafts.clear();
    };
    channel.onmessage = (event: MessageEvent) => {
      const message = parseMessage(event.data);
      if (!message || message.from === self) return;
      if (message.kind === 'ink') {
        inks.set(message.key, message.ink);
        drafts.delete(message.key); // the stroke drawn before it is in it now
      } else if (message.kind === 'inkDraft') {
        const { key, stroke, offset } = message;
        if (!stroke || offset === 0) drafts.set(key, stroke);
        else {
          // The rest of a stroke already begun: appended if it follows on, else left for the final ink.
          const shown = drafts.has(key) ? drafts.get(key) : remoteDraftOf(key);
          if (shown?.id === stroke.id && shown.points.length === offset)
            drafts.set(key, { ...shown, points: shown.points.concat(stroke.points) });
        }
      } else return;
      cancel ??= nextFrame(flush);
    };
    const off = onLocalInk((out) =>
      channel.postMessage(
        out.kind === 'ink'
          ? inkMessage(self, out.key, out.ink)
          : inkDraftMessage(self, out.key, out.stroke, out.offset),
      ),
    );
    return () => {
      off();
      cancel?.();
      channel.close();
    };
  }, [enabled]);
}
