/** A labelled <select> over plain string options (value shown as is, or through `labelOf`). */
export function Choice({
  label,
  value,
  options,
  onChange,
  labelOf = (v) => v,
  className = 'text-sm',
}: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
  labelOf?: (value: string) => string;
  className?: string;
}) {
  return (
    <label className={`flex items-center gap-1 ${className}`}>
      {label}
      <select className="field" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
