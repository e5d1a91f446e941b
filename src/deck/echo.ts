/**
 * User text repeated in a message (a bad link, a typed value), made unable to
 * reorder the sentence around it. Used by the deck's notices and the widgets' messages.
 */

/** Longest piece of user text a message repeats. */
export const ECHO_LIMIT = 24;
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * User text made safe to repeat in a message: control and formatting
 * characters (bidi overrides, isolates, zero-width marks) are shown as their
 * code points, the text is cut to ECHO_LIMIT characters first and wrapped in an
 * isolate (FSI … PDI), inside quotes, so it cannot reorder the sentence around
 * it. `IsolatedText` (widgets/shared/ProblemList) renders the isolate as <bdi>.
 */
export function echo(raw: string): string {
  const chars = [...raw];
  const cut = chars.length > ECHO_LIMIT ? `${chars.slice(0, ECHO_LIMIT).join('')}…` : raw;
  const visible = cut.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu,
    (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );
  return `“${FIRST_STRONG_ISOLATE}${visible}${POP_DIRECTIONAL_ISOLATE}”`;
}

/** Splits a message into plain parts and isolated (echoed) parts, in order. */
export function splitIsolates(text: string): { text: string; isolated: boolean }[] {
  const parts: { text: string; isolated: boolean }[] = [];
  const pattern = new RegExp(
    `${FIRST_STRONG_ISOLATE}([^${POP_DIRECTIONAL_ISOLATE}]*)${POP_DIRECTIONAL_ISOLATE}`,
    'g',
  );
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), isolated: false });
    parts.push({ text: match[1]!, isolated: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), isolated: false });
  return parts;
}
