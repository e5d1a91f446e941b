/**
 * The follow-along link, as pure functions: the page's own address, the slide
 * and step, and the settings and seed of every figure in use, so that a phone
 * that opens it shows the same slide with the same figures. And whether that
 * address can be opened from a phone at all.
 */
import { formatHash, splitHash, type HashSlide } from '../../deck/hash';
import type { Position } from '../../deck/navigation';
import type { Slide, WidgetName } from '../../deck/types';

/** The parts of `window.location` the link is made of. */
export interface PageAddress {
  /** `https://user.github.io` */
  origin: string;
  /** The deployment's path, e.g. `/lecture/` or `/lecture/index.html`. */
  pathname: string;
  /** The current hash, whose query holds the settings of figures the deck has shown. */
  hash: string;
}

/** Written as `,` and not `%2C` in lists of probabilities, as the deck writes them: a shorter code. */
const encodePair = (key: string, value: string) =>
  new URLSearchParams({ [key]: value }).toString().replace(/%2C/gi, ',');

/**
 * The link of what is on screen: `origin + pathname + #/slide/step?settings`.
 * The page's own query (`?view=presenter`) is left out, so that the phone gets
 * the deck, not the presenter view. `figures` (every value of the figures in
 * use, see stores/figureSettings) overrides the hash's query, which is kept
 * for the rest: the phone's reading view shows every slide, and the other
 * figures the lecturer changed are changed there too (`page.hash` carries the
 * settings the stage parked for the slides it left, stores/slideLinks).
 */
export function followLink(
  page: PageAddress,
  slides: readonly HashSlide[],
  position: Position,
  figures: Readonly<Record<string, string>>,
): string {
  const pieces: string[] = [];
  const written = new Set<string>();
  for (const piece of splitHash(page.hash).query.slice(1).split('&')) {
    if (piece === '') continue;
    const key = [...new URLSearchParams(piece).keys()][0] ?? '';
    if (written.has(key)) continue;
    written.add(key);
    pieces.push(Object.hasOwn(figures, key) ? encodePair(key, figures[key]!) : piece);
  }
  for (const [key, value] of Object.entries(figures)) {
    if (!written.has(key)) pieces.push(encodePair(key, value));
  }
  const query = pieces.length > 0 ? `?${pieces.join('&')}` : '';
  return `${page.origin}${page.pathname}${formatHash(slides, position)}${query}`;
}

/**
 * Who can open a page served from `url`:
 * - `public`: anyone;
 * - `loopback`: this computer only (localhost, 127.x, ::1);
 * - `private`: this network only (10.x, 172.16–31.x, 192.168.x, 169.254.x,
 *   IPv6 unique-local and link-local, *.local names);
 * - `file`: nobody else (opened from a file).
 */
export type Reach = 'public' | 'loopback' | 'private' | 'file';

export function reachOf(url: string): Reach {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'file';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'file';
  const host = parsed.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return 'loopback';
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    if (a === 127 || a === 0) return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) {
      return 'private';
    }
    if (a === 169 && b === 254) return 'private';
    return 'public';
  }
  if (host.includes(':')) {
    // IPv6: unique-local fc00::/7 and link-local fe80::/10 stay in the network.
    return /^f[cd][0-9a-f]{0,2}:|^fe[89ab][0-9a-f]?:/.test(host) ? 'private' : 'public';
  }
  // A name without a dot (`lab-pc`) is an intranet name, as is one in .local (mDNS).
  if (host.endsWith('.local') || !host.includes('.')) return 'private';
  return 'public';
}

/** What to say under the code about who can open the link, or null when anyone can. */
export function reachNote(url: string): string | null {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  switch (reachOf(url)) {
    case 'public':
      return null;
    case 'loopback':
      return `This page is served from this computer (${host}): phones cannot open this link. Serve the deck on the network or publish it (e.g. on GitHub Pages).`;
    case 'private':
      return `This page is served from a private address (${host}): only devices on the same network can open this link; phones outside it cannot.`;
    case 'file':
      return 'This page was opened from a file: phones cannot open this link. Serve the deck or publish it (e.g. on GitHub Pages).';
  }
}

/** Figures that train: a phone starts their run from the beginning. */
const TRAINING_FIGURES: ReadonlySet<WidgetName> = new Set([
  'estimator-lab',
  'vae-race',
  'paper-table',
]);

/** What to say under the code about a training figure on the slide, or null when it has none. */
export function trainingNote(slide: Pick<Slide, 'blocks'>): string | null {
  const training = slide.blocks.some((b) => b.kind === 'widget' && TRAINING_FIGURES.has(b.name));
  return training
    ? 'On a phone, the training on this slide starts from step 0 with the same settings and seed; it does not follow the progress shown here.'
    : null;
}
