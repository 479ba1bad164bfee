/** The action form's parts: labelled fields, and the row that ends with the button and says why not. */
import { useId, type ReactNode } from 'react';
import type { SimAction } from '../../engine/input';

/** Labelled field in the form's row. */
export function Field({
  id,
  label,
  children,
  hint,
}: {
  id: string;
  label: string;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <div className="flex flex-col text-xs">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="text-slate-600 dark:text-slate-400">{hint}</span>}
    </div>
  );
}

/** A labelled <select>; `onChange` receives one of the options' values. */
export function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (v: V) => void;
}) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        className="field max-w-full"
        value={value}
        onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A labelled text input (`numeric` brings up a number keypad; `'decimal'` one with a decimal point). */
export function TextField({
  id,
  label,
  value,
  onChange,
  width,
  placeholder,
  numeric = false,
  invalid = false,
  mono = false,
  list,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  width: string;
  placeholder?: string;
  numeric?: boolean | 'decimal';
  invalid?: boolean;
  mono?: boolean;
  list?: string;
  hint?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        className={`field ${width}${mono ? ' font-mono' : ''}`}
        inputMode={numeric === 'decimal' ? 'decimal' : numeric ? 'numeric' : undefined}
        value={value}
        placeholder={placeholder}
        list={list}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
      />
    </Field>
  );
}

export const isCount = (s: string) => /^\d+$/.test(s.trim());

/**
 * One form row: the kind choice, the kind's fields, the button (disabled with the reason shown
 * under the row when the action makes no sense at the cursor or a field is wrong).
 */
export function ActionRow({
  kindSelect,
  children,
  button,
  danger = false,
  action,
  blocked,
  onAdd,
}: {
  kindSelect: ReactNode;
  children?: ReactNode;
  button: string;
  danger?: boolean;
  action: SimAction | undefined;
  blocked: string | undefined;
  onAdd: (a: SimAction) => void;
}) {
  const whyNot = useId();
  return (
    <>
      <div className="mt-1 flex flex-wrap items-end gap-2">
        {kindSelect}
        {children}
        <button
          type="button"
          className={danger ? 'btn-danger' : 'btn-primary'}
          disabled={blocked !== undefined || action === undefined}
          aria-describedby={blocked ? whyNot : undefined}
          onClick={() => {
            if (action) onAdd(action);
          }}
        >
          {button}
        </button>
      </div>
      {blocked && (
        <p
          id={whyNot}
          className="mt-1 text-xs text-slate-700 dark:text-slate-300"
          data-testid="action-unavailable"
        >
          {blocked}
        </p>
      )}
    </>
  );
}

/** What every form gets from the panel. */
export interface FormProps<K extends SimAction['kind']> {
  kind: K;
  kindSelect: ReactNode;
  /** When the action happens (seconds; 1 ms after an event's instant). */
  atSeconds: number;
  t: number;
  onAdd: (a: SimAction) => void;
}
