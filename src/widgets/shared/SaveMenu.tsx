import { useEffect, useId, useRef, useState } from 'react';
import { figureToPng, figureToSvg } from '../../plots/exportFigure';
import { downloadBlob, figureFileName, tableToCsv, type TableRow } from './figureFiles';
import './saveMenu.css';

/** A table the figure can be saved as (CSV). */
export interface SaveTable {
  /** What the menu item says after "CSV:", e.g. "training curves". */
  label: string;
  /** Added to the file name, e.g. "curves". */
  name: string;
  columns: readonly string[];
  /** The rows now (read when chosen), or null while there are none yet. */
  rows: () => readonly TableRow[] | null;
}

export interface SaveMenuProps {
  /** The settings that made the picture, by link key; they name the files. */
  settings: Readonly<Record<string, string | number | boolean>>;
  /** Whether to offer SVG: only where the figure is drawn in SVG (not on canvases). */
  svg: boolean;
  tables?: readonly SaveTable[];
}

/** PNG for slides: twice the figure's layout size. */
const SLIDE_SCALE = 2;

/**
 * A figure's "Save" button and its small menu: PNG at 2×, SVG where the
 * figure is SVG, and its numbers as CSV. The figure is the `.widget` the menu
 * sits in; the file names say the slide (`data-slide-id` of the slide it is
 * on) and the settings. Left out of the saved pictures and of print.
 */
export function SaveMenu({ settings, svg, tables = [] }: SaveMenuProps) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const listId = useId();

  // A press outside the menu closes it, and so does Escape wherever the focus
  // is (a pointer click leaves it on the page): in the capture phase, so that
  // the deck, which listens on the window, does not take that Escape too.
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      event.preventDefault();
      setOpen(false);
      if (wrapper.current?.contains(document.activeElement)) toggle.current?.focus();
    };
    document.addEventListener('pointerdown', close);
    window.addEventListener('keydown', escape, { capture: true });
    return () => {
      document.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', escape, { capture: true });
    };
  }, [open]);

  type Item = { label: string; kind: 'png' | 'svg' } | { label: string; table: SaveTable };
  const items: Item[] = [{ label: `PNG (${SLIDE_SCALE}×)`, kind: 'png' }];
  if (svg) items.push({ label: 'SVG', kind: 'svg' });
  for (const table of tables) items.push({ label: `CSV: ${table.label}`, table });

  const choose = async (item: Item) => {
    setOpen(false);
    toggle.current?.focus();
    const figure = wrapper.current?.closest('.widget');
    if (!figure) return;
    const slide = figure.closest('[data-slide-id]')?.getAttribute('data-slide-id') ?? 'figure';
    setBusy(true);
    try {
      if ('table' in item) {
        const rows = item.table.rows();
        if (rows === null) throw new Error('there are no numbers yet.');
        const name = figureFileName(`${slide}_${item.table.name}`, settings, 'csv');
        const csv = tableToCsv(rows, item.table.columns);
        downloadBlob(new Blob([csv], { type: 'text/csv' }), name, figure.ownerDocument);
      } else {
        const blob =
          item.kind === 'png'
            ? await figureToPng(figure, SLIDE_SCALE)
            : new Blob([figureToSvg(figure)], { type: 'image/svg+xml' });
        downloadBlob(blob, figureFileName(slide, settings, item.kind), figure.ownerDocument);
      }
      setProblem(null);
    } catch (e) {
      setProblem(`The figure could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="save-menu" ref={wrapper} data-export="omit">
      <button
        ref={toggle}
        type="button"
        className="save-menu__toggle"
        aria-expanded={open}
        aria-controls={listId}
        aria-label="Save this figure"
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
      >
        Save
      </button>
      <ul id={listId} className="save-menu__list" hidden={!open}>
        {items.map((item) => (
          <li key={item.label}>
            <button type="button" onClick={() => void choose(item)}>
              {item.label}
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <span className="save-menu__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
