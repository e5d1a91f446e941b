import { useState, type KeyboardEvent } from 'react';
import { numberValue, readNumberText, showNumber, type NumberSetting } from './settings';

interface NumberFieldProps<T extends number> {
  setting: NumberSetting<T>;
  /** The value in use; the field shows it whenever it is not being edited. */
  value: T;
  /** Called with the value to use after a commit (only when it differs from `value`). */
  onChange: (value: T) => void;
  /** Called on every commit with the message for `setting.key`, or null when the text was valid. */
  onProblem: (key: string, text: string | null) => void;
  /** How the value is shown, here and in messages (default: the setting's `show`). */
  show?: (value: number) => string;
  disabled?: boolean;
  className?: string;
  /** A label outside the field: with it the field gets no label of its own. */
  ariaLabel?: string;
}

/**
 * A number typed freely and committed on Enter or when the field loses focus,
 * read by the settings rule (clamp, round or refuse, with a message). While
 * typing nothing is committed, so “10” can be typed through “1”. Escape
 * returns to the value in use; ArrowUp/ArrowDown step whole-number settings.
 */
export function NumberField<T extends number>(p: NumberFieldProps<T>) {
  const { setting } = p;
  const [draft, setDraft] = useState<string | null>(null);
  const shown = p.show ?? ((v: number) => showNumber(setting, v));
  const commitValue = (text: string) => {
    setDraft(null);
    const reading = readNumberText(setting, text, p.value, shown);
    p.onProblem(setting.key, reading.problem);
    if (reading.value !== p.value) p.onChange(numberValue(setting, reading.value));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commitValue(e.currentTarget.value);
    else if (e.key === 'Escape') setDraft(null);
    else if (setting.integer && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      commitValue(String(p.value + (e.key === 'ArrowUp' ? 1 : -1)));
    }
  };
  return (
    <input
      className={p.className}
      type="text"
      inputMode={setting.integer && setting.min >= 0 ? 'numeric' : 'decimal'}
      autoComplete="off"
      spellCheck={false}
      size={Math.min(10, Math.max(3, String(setting.max).length + 1))}
      value={draft ?? shown(p.value)}
      disabled={p.disabled}
      aria-label={p.ariaLabel}
      aria-description={`${setting.min} to ${setting.max}${setting.integer ? ', whole numbers' : ''}`}
      data-setting={setting.key}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={(e) => draft !== null && commitValue(e.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}

/** A labelled NumberField, the label being the setting's. */
export function LabelledNumberField<T extends number>(p: NumberFieldProps<T>) {
  return (
    <label>
      {p.setting.label} <NumberField {...p} />
    </label>
  );
}
