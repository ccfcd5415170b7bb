/// One filter of a GET form: a labelled select whose first choice, "any", sends nothing.
export function FilterSelect({ label, name, value, any, options }: { label: string; name: string; value: string | number | undefined; any: string; options: { value: string | number; label: string }[] }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ''}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
