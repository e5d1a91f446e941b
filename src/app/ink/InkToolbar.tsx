import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { Slide } from '../../deck/types';
import { contentHash, inkFile, inkKey, readInkFile } from './inkFormat';
import { allInk, editInk, importInk, useAllInk, useInkProblem } from './inkStore';
import type { InkEdit } from './inkHistory';
import type { InkToolChoice } from './InkLayer';
import { inkColorNames, inkColors, type InkMode } from './stroke';
import { focusIsInControl } from '../useDeckKeys';

const modes: { mode: InkMode; label: string; title: string }[] = [
  { mode: 'pen', label: 'Pen', title: 'Pen: a thin line that follows pen pressure' },
  { mode: 'highlighter', label: 'Highlighter', title: 'Highlighter: a wide see-through line' },
  { mode: 'eraser', label: 'Eraser', title: 'Eraser: removes every whole stroke it touches' },
];

/**
 * The drawing tools, shown while drawing: pen, highlighter, eraser, colours,
 * undo, redo, clear this step, and export or import of all ink as a file.
 * Ctrl+Z undoes and Ctrl+Shift+Z or Ctrl+Y redoes while drawing.
 */
export function InkToolbar({
  slides,
  slide,
  step,
  tool,
  onTool,
  onClose,
}: {
  slides: readonly Slide[];
  slide: Slide;
  step: number;
  tool: InkToolChoice;
  onTool: (tool: InkToolChoice) => void;
  onClose: () => void;
}) {
  const key = inkKey(slide.id, step);
  const hash = useMemo(() => contentHash(slide), [slide]);
  const history = useAllInk().get(key)?.history;
  const problem = useInkProblem();
  const [message, setMessage] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const edit = (e: InkEdit) => editInk(key, e, hash);
  const editRef = useRef(edit);
  useEffect(() => {
    editRef.current = edit;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || focusIsInControl(event.target))
        return;
      const k = event.key.toLowerCase();
      if (k === 'z' || k === 'y') {
        editRef.current({ type: k === 'y' || event.shiftKey ? 'redo' : 'undo' });
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const exportInk = () => {
    const steps = allInk();
    const count = Object.keys(steps).length;
    const blob = new Blob([JSON.stringify(inkFile(steps, new Date()))], {
      type: 'application/json',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `lecture-ink-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    setMessage(`Exported the ink of ${count} step${count === 1 ? '' : 's'}.`);
  };
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    const read = readInkFile(await chosen.text());
    if (!read.ok) {
      setMessage(read.message);
      return;
    }
    const ids = new Map(slides.map((s) => [s.id, s.steps]));
    const { imported, skipped } = importInk(read.steps, (id, s) => s < (ids.get(id) ?? 0));
    setMessage(
      `Imported the ink of ${imported} step${imported === 1 ? '' : 's'}` +
        (skipped > 0
          ? `; ${skipped} for slides or steps this deck does not have were left out.`
          : '.'),
    );
  };

  const count = history?.strokes.length ?? 0;
  return (
    <div className="ink-toolbar" role="group" aria-label="Drawing tools">
      <span className="ink-toolbar__set">
        {modes.map(({ mode, label, title }) => (
          <button
            key={mode}
            type="button"
            aria-pressed={tool.mode === mode}
            title={title}
            onClick={() => onTool({ ...tool, mode })}
          >
            {label}
          </button>
        ))}
      </span>
      <span className="ink-toolbar__set">
        {inkColors.map((color) => (
          <button
            key={color}
            type="button"
            className="ink-toolbar__colour"
            aria-pressed={tool.color === color}
            aria-label={inkColorNames[color]}
            title={inkColorNames[color]}
            onClick={() => onTool({ mode: tool.mode === 'eraser' ? 'pen' : tool.mode, color })}
          >
            <span style={{ background: `var(--ink-${color})` }} />
          </button>
        ))}
      </span>
      <span className="ink-toolbar__set">
        <button
          type="button"
          disabled={!history?.past.length}
          onClick={() => edit({ type: 'undo' })}
        >
          Undo
        </button>
        <button
          type="button"
          disabled={!history?.future.length}
          onClick={() => edit({ type: 'redo' })}
        >
          Redo
        </button>
        <button type="button" disabled={count === 0} onClick={() => edit({ type: 'clear' })}>
          Clear step
        </button>
      </span>
      <span className="ink-toolbar__set">
        <button type="button" onClick={exportInk} title="Save all ink of the deck as a file">
          Export ink…
        </button>
        <button
          type="button"
          onClick={() => file.current?.click()}
          title="Load ink saved with Export"
        >
          Import ink…
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          aria-label="Import ink file"
          hidden
          onChange={(e) => void importFile(e)}
        />
      </span>
      <button type="button" onClick={onClose} title="Stop drawing (D or Esc)">
        Done
      </button>
      <p className="ink-toolbar__status" role="status">
        {count} stroke{count === 1 ? '' : 's'} here{message ? `. ${message}` : ''}
      </p>
      {problem && (
        <p className="ink-toolbar__problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
