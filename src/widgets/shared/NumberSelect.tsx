/** A labelled choice among numbers; a value from a link that is not in the list is added to it. */
export function NumberSelect(props: {
  label: string;
  values: readonly number[];
  value: number;
  onChange: (value: number) => void;
  /** How an option reads (the value itself by default). */
  format?: (value: number) => string;
}) {
  const options = props.values.includes(props.value)
    ? props.values
    : [...props.values, props.value].sort((a, b) => a - b);
  return (
    <label>
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {options.map((v) => (
          <option key={v} value={v}>
            {props.format ? props.format(v) : v}
          </option>
        ))}
      </select>
    </label>
  );
}
