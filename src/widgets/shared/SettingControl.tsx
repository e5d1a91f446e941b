import { LabelledNumberField } from './NumberField';
import { NumberSelect } from './NumberSelect';
import { numberValue, showNumber, type Setting } from './settings';

interface SettingControlProps<S extends Setting> {
  setting: S;
  value: S['default'];
  onChange: (value: S['default']) => void;
  /** A message about a typed value (by link key), or null to clear it. */
  onProblem: (key: string, text: string | null) => void;
  disabled?: boolean;
  /** For a choice or a set: the choices offered, when fewer than the setting's. */
  choices?: readonly string[];
  /** Words after the label (e.g. why a flag cannot be set now, or why a set offers fewer choices). */
  note?: string;
  /** A tooltip on the label. */
  title?: string;
  /** For a set: folded into one line (“estimators: 5 of 12”) that opens to the checkboxes. */
  folded?: boolean;
}

/**
 * The control a setting asks for, labelled with the setting's label: a typed
 * field for a number (read by the settings rule), a list when the setting
 * offers `options`, a select for a choice, a checkbox for a flag, a group of
 * labelled checkboxes for a set.
 */
export function SettingControl<S extends Setting>(p: SettingControlProps<S>) {
  const s: Setting = p.setting;
  const onChange = p.onChange as (value: unknown) => void;
  switch (s.kind) {
    case 'number':
      return s.options ? (
        <NumberSelect
          label={s.label}
          values={s.options}
          value={p.value as number}
          format={s.optionText ?? ((v) => showNumber(s, v))}
          onChange={(v) => onChange(numberValue(s, v))}
        />
      ) : (
        <LabelledNumberField
          setting={s}
          value={p.value as number}
          disabled={p.disabled}
          onChange={onChange}
          onProblem={p.onProblem}
        />
      );
    case 'choice':
      return (
        <label title={p.title}>
          {s.label}{' '}
          <select
            value={p.value as string}
            disabled={p.disabled}
            onChange={(e) => onChange(e.target.value)}
          >
            {(p.choices ?? s.choices).map((choice) => (
              <option key={choice} value={choice}>
                {s.choiceText ? s.choiceText(choice) : choice}
              </option>
            ))}
          </select>
        </label>
      );
    case 'flag':
      return (
        <label title={p.title}>
          <input
            type="checkbox"
            checked={p.value as boolean}
            disabled={p.disabled}
            onChange={(e) => onChange(e.target.checked)}
          />{' '}
          {s.label}
          {p.note ? ` ${p.note}` : ''}
        </label>
      );
    case 'set': {
      const chosen = p.value as readonly string[];
      const offered = p.choices ?? s.choices;
      const toggle = (choice: string, on: boolean) =>
        // Kept in the setting's order, whatever order the boxes were ticked in.
        onChange(s.choices.filter((c) => (c === choice ? on : chosen.includes(c))));
      const group = (
        <fieldset className="setting-set" title={p.title} disabled={p.disabled}>
          <legend>{s.label}</legend>
          {offered.map((choice) => (
            <label key={choice}>
              <input
                type="checkbox"
                checked={chosen.includes(choice)}
                onChange={(e) => toggle(choice, e.target.checked)}
              />{' '}
              {s.choiceText ? s.choiceText(choice) : choice}
            </label>
          ))}
          {p.note ? <span className="setting-set__note">{p.note}</span> : null}
        </fieldset>
      );
      if (!p.folded) return group;
      const shown = offered.filter((c) => chosen.includes(c)).length;
      return (
        <details className="setting-set-folded">
          <summary>
            {s.label}: {shown} of {offered.length}
          </summary>
          {group}
        </details>
      );
    }
  }
}
