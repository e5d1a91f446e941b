import { useMemo, useSyncExternalStore } from 'react';
import { useLocationHash } from '../../deck/stores/useHashParams';
import { getPlaying, replacePlaying, subscribePlaying } from '../../deck/stores/playing';
import type { Overlay } from '../deckReducer';
import { useDeckSync } from './useDeckSync';
import { replaceStages, useStages } from '../predict/questionStore';

/**
 * Mirrors everything the room sees (the hash, blackout, the overview, which
 * figures play, the follow-along QR code, which questions are asked or revealed) to and from the other windows of a presenter session. Returns
 * why the other window cannot follow, if it cannot.
 */
export function useMirroredDeck(
  synced: boolean,
  overlay: Overlay,
  followAlong: boolean,
  onMirror: (remote: { blackout: boolean; overview: boolean; qr: boolean }) => void,
): string | null {
  const hash = useLocationHash();
  const playing = useSyncExternalStore(subscribePlaying, getPlaying, getPlaying);
  const questions = useStages();
  const local = useMemo(
    () => ({
      hash,
      blackout: overlay === 'blackout',
      overview: overlay === 'overview',
      playing,
      followAlong,
      questions,
    }),
    [hash, overlay, playing, followAlong, questions],
  );
  return useDeckSync(synced, local, (remote) => {
    if (remote.hash !== window.location.hash) window.location.replace(remote.hash);
    onMirror({ ...remote, qr: remote.followAlong ?? false });
    replacePlaying(remote.playing);
    replaceStages(remote.questions ?? {});
  });
}
