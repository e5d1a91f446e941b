import { useMemo } from 'react';
import qrcode from 'qrcode-generator';

/** White modules around the code, as the QR standard asks, so that scanners find its edge. */
const QUIET_ZONE = 4;

type Made = { size: number; path: string } | { error: string };

/**
 * The modules of `text`'s QR code as one SVG path (encoded by qrcode-generator,
 * bundled with the app: no network). Level M (15 % of the code may be lost or
 * misread, e.g. a projector's glare); a link too long for it tries level L.
 */
function makeCode(text: string): Made {
  for (const level of ['M', 'L'] as const) {
    try {
      const qr = qrcode(0, level);
      qr.addData(text, 'Byte');
      qr.make();
      const count = qr.getModuleCount();
      let path = '';
      for (let row = 0; row < count; row++) {
        for (let col = 0; col < count; col++) {
          if (qr.isDark(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
        }
      }
      return { size: count + 2 * QUIET_ZONE, path };
    } catch {
      // Too long for this level: try the next, then say so.
    }
  }
  return {
    error: `The link is ${text.length.toLocaleString('en')} characters, too long for a QR code; go to another slide or reset some figures.`,
  };
}

/**
 * A QR code of `text`, dark on white whatever the theme (scanners expect it),
 * with `text` as its text alternative. It fills its box: size it with CSS.
 */
export function QrCode({ text, className }: { text: string; className?: string }) {
  const made = useMemo(() => makeCode(text), [text]);
  if ('error' in made) {
    return (
      <p className={`${className ?? ''} qr-code--error`} role="alert">
        {made.error}
      </p>
    );
  }
  return (
    <svg
      className={className}
      viewBox={`0 0 ${made.size} ${made.size}`}
      role="img"
      aria-label={`QR code of ${text}`}
      shapeRendering="crispEdges"
      data-modules={made.size - 2 * QUIET_ZONE}
    >
      <rect width={made.size} height={made.size} fill="#fff" />
      <path d={made.path} fill="#000" />
    </svg>
  );
}
