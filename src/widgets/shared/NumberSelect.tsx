/** A labelled choice among numbers; a value from a link that is not in the list is added to it. */
export function NumberSelect(props: {
  label: string;
  values: readonly number[];
  value: number;
  onChange: (value: number) => void;
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
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}
