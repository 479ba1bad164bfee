import type { ReactNode } from 'react';
import { MarkShape } from './MarkShape';
import { TONE_FILL } from './palette';

/** What the timeline's colours and shapes mean. */
export function Legend() {
  const item = (label: string, symbol: ReactNode) => (
    <li className="flex items-center gap-1">
      <svg width="16" height="14" aria-hidden="true">
        {symbol}
      </svg>
      {label}
    </li>
  );
  return (
    <ul
      className="mt-1 flex flex-wrap gap-x-4 gap-y-1 px-2 text-xs text-slate-700 dark:text-slate-300"
      aria-label="Timeline legend"
    >
      {item('Running / True', <rect x={1} y={2} width={14} height={10} fill={TONE_FILL.running} />)}
      {item('Waiting', <rect x={1} y={2} width={14} height={10} fill={TONE_FILL.waiting} />)}
      {item(
        'Terminated (error)',
        <rect x={1} y={2} width={14} height={10} fill={TONE_FILL['terminated-error']} />,
      )}
      {item(
        'False',
        <rect x={1} y={2} width={14} height={10} fill="url(#tl-hatch)" stroke="var(--tl-hatch-fg)" />,
      )}
      {item('Probe success', <MarkShape kind="success" x={8} y={7} r={4} />)}
      {item('Probe failure', <MarkShape kind="failure" x={8} y={7} r={4} />)}
      {item('Event', <MarkShape kind="event-normal" x={8} y={7} r={4} />)}
      {item('Warning event', <MarkShape kind="event-warning" x={8} y={7} r={4} />)}
      {item('Action', <MarkShape kind="action" x={8} y={7} r={4} />)}
    </ul>
  );
}
