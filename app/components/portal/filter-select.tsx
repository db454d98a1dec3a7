/**
 * One filter of a portal list: a labelled select whose first choice is "all" (an empty value, so
 * that the filter drops out of the address), starting on the value the address holds.
 */
export function FilterSelect({
  name,
  label,
  allLabel,
  value,
  choices,
}: {
  name: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  choices: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''} className="bo-select">
        <option value="">{allLabel}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
