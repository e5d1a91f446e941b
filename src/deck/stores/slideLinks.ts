/**
 * A figure's settings belong to its slide's link. When the stage leaves a
 * slide, the settings of that slide's figures leave the hash (so that a link
 * copied on the next slide does not carry them) and are kept here; when the
 * stage comes back, they return to the hash before the figures read it, so
 * that nothing the user set up is lost (a whole-table run resumes with its
 * settings). Kept per slide: two slides with the same figure (the toy lab and
 * the appendix's lab share `lab.*`) keep their own settings.
 */
import { splitHash } from '../hash';

/** The raw `key=value` pieces each slide's figures had in the hash when it was left. */
const parked = new Map<string, readonly string[]>();

const keyOf = (piece: string) => [...new URLSearchParams(piece).keys()][0] ?? '';
const piecesOf = (query: string) => query.replace(/^\?/, '').split('&').filter(Boolean);
const queryOf = (pieces: readonly string[]) => (pieces.length > 0 ? `?${pieces.join('&')}` : '');

/**
 * The query to show after leaving slide `from` for slide `to`: without the
 * pieces whose key is one of `ownKeys` (those of the figures on `from`,
 * which are parked for it), and with the pieces parked for `to` whose keys the
 * query does not have (a link's own value wins over a parked one).
 */
export function moveQuery(
  query: string,
  from: string,
  to: string,
  ownKeys: ReadonlySet<string>,
): string {
  const pieces = piecesOf(query);
  const leaving = pieces.filter((p) => ownKeys.has(keyOf(p)));
  const staying = pieces.filter((p) => !ownKeys.has(keyOf(p)));
  if (from !== to) {
    if (leaving.length > 0) parked.set(from, leaving);
    else parked.delete(from);
  }
  const back = parked.get(to) ?? [];
  parked.delete(to);
  const present = new Set(staying.map(keyOf));
  return queryOf([...staying, ...back.filter((p) => !present.has(keyOf(p)))]);
}

/**
 * Slide `from` was left for `to` by a link (typed, back or forward, or the
 * other window of a presenter session leading): the link's query is what `to`
 * shows, so nothing is brought back, and the values of the figures that were
 * shown (`values`, all of them as stores/figureSettings has them) are parked
 * for `from`, except those the link itself carries. So either window of a
 * session can lead the way back to a slide and its settings come with it.
 */
export function parkFollowed(
  from: string,
  to: string,
  values: Readonly<Record<string, string>>,
  query: string,
): void {
  if (from === to) return;
  parked.delete(to);
  const present = new Set(piecesOf(query).map(keyOf));
  const pieces = Object.entries(values)
    .filter(([key]) => !present.has(key))
    .map(([key, value]) => new URLSearchParams({ [key]: value }).toString().replace(/%2C/g, ','));
  if (pieces.length > 0) parked.set(from, pieces);
}

/**
 * `hash` with the parked pieces added but the park kept: the follow-along
 * link, whose phone shows every slide at once, carries every figure's settings.
 */
export function withParked(hash: string): string {
  const { path, query } = splitHash(hash);
  const pieces = piecesOf(query);
  const present = new Set(pieces.map(keyOf));
  for (const back of parked.values()) {
    for (const piece of back) {
      if (!present.has(keyOf(piece))) {
        pieces.push(piece);
        present.add(keyOf(piece));
      }
    }
  }
  return path + queryOf(pieces);
}

/** `hash` with every parked piece put back (as `withParked`), and the park emptied. */
export function unparkAll(hash: string): string {
  const next = withParked(hash);
  parked.clear();
  return next;
}
