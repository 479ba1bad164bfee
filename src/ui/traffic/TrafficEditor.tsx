/**
 * The scenario's clients: add one that sends requests to a Service of the manifest from the cursor
 * on, or remove one. Each change re-simulates the run, like an action does.
 */
import { useId, useState } from 'react';
import type { Service } from 'kubernetes-types/core/v1';
import type { TrafficSource } from '../../engine/input';
import { SelectField, TextField } from '../actions/fields';
import { formatClock } from '../trace-utils';

export interface TrafficEditorProps {
  traffic: TrafficSource[];
  services: Service[];
  t: number;
  onChange: (traffic: TrafficSource[]) => void;
}

const RATE = /^(?:\d+\.?\d*|\.\d+)$/;

function describeSource(s: TrafficSource, index: number): string {
  const from = s.from ? ` from ${formatClock(s.from * 1000)}` : '';
  const until = s.until !== undefined ? ` until ${formatClock(s.until * 1000)}` : '';
  return `${s.name ?? `client-${index + 1}`}: GET ${s.service}${s.path ?? '/'} ${s.ratePerSecond}/s${from}${until}`;
}

export function TrafficEditor({ traffic, services, t, onChange }: TrafficEditorProps) {
  const uid = useId();
  const names = services.map((s) => s.metadata?.name ?? '').filter(Boolean);
  const [service, setService] = useState('');
  const [rate, setRate] = useState('5');
  const chosen = names.includes(service) ? service : (names[0] ?? '');
  const rateOk = RATE.test(rate.trim()) && Number(rate) > 0 && Number(rate) <= 100;
  if (names.length === 0 && traffic.length === 0) return null;

  const add = () => {
    const source: TrafficSource = { service: chosen, ratePerSecond: Number(rate) };
    if (t > 0) source.from = Math.floor(t) / 1000;
    onChange([...traffic, source]);
  };

  return (
    <section aria-label="Traffic" className="border-t border-slate-300 p-3 text-sm dark:border-slate-700">
      <h3 className="font-semibold">Traffic to a Service</h3>
      {traffic.length > 0 && (
        <ul aria-label="Clients in this run" className="mt-1 flex flex-col gap-1">
          {traffic.map((s, i) => (
            <li key={i} className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate font-mono text-xs">{describeSource(s, i)}</span>
              <button type="button" className="btn-secondary px-2 py-0.5 text-xs" onClick={() => onChange(traffic.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {names.length > 0 && (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <SelectField
            id={`${uid}-service`}
            label="Service"
            value={chosen}
            options={names.map((n) => ({ value: n, label: n }))}
            onChange={setService}
          />
          <TextField
            id={`${uid}-rate`}
            label="Requests per second"
            value={rate}
            onChange={setRate}
            width="w-20"
            numeric="decimal"
            invalid={!rateOk}
          />
          <button type="button" className="btn-primary" disabled={!rateOk} onClick={add}>
            Send from {formatClock(t)}
          </button>
        </div>
      )}
    </section>
  );
}
