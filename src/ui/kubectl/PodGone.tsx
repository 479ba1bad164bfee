/**
 * The chosen pod is not in the API at the cursor (not created yet, or deleted): kubectl's NotFound
 * is what the terminal shows; this says it in words and offers the pods that exist then.
 */
import { formatClock } from '../trace-utils';

export function PodGone({
  podName,
  t,
  deletedAt,
  present,
  onChoose,
}: {
  podName: string;
  t: number;
  /** When the pod left the API (trace.deletedAt), if it has by t. */
  deletedAt: number | undefined;
  present: readonly string[];
  onChoose?: (name: string) => void;
}) {
  const when = formatClock(t);
  return (
    <div
      role="note"
      data-testid="pod-gone"
      className="mb-2 rounded border border-amber-700 bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:border-amber-400 dark:bg-slate-950 dark:text-amber-100"
    >
      <p>
        Pod <span className="font-mono">{podName}</span>{' '}
        {deletedAt !== undefined && deletedAt <= t
          ? `was deleted at ${formatClock(deletedAt)}`
          : `does not exist at ${when}`}
        . {present.length === 0 ? `No pod exists at ${when}.` : onChoose ? `Pods at ${when}:` : ''}
      </p>
      {present.length > 0 && onChoose && (
        <ul aria-label={`Pods at ${when}`} className="mt-1 flex flex-wrap gap-1">
          {present.map((name) => (
            <li key={name}>
              <button
                type="button"
                className="btn-secondary px-2 py-0.5 font-mono text-xs"
                onClick={() => onChoose(name)}
              >
                {name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
