/** What the page shows instead of a run when a shared link cannot be opened, and the way out. */
import { useEffect, useRef } from 'react';
import type { LinkError, LinkErrorKind } from '../../scenario';

/** The message says what happened; the title only sorts it. */
const TITLES: Record<LinkErrorKind, string> = {
  truncated: 'This link could not be opened',
  corrupt: 'This link could not be opened',
  'too-large': 'This link could not be opened',
  'newer-version': 'This link needs a newer PodPlay',
  invalid: 'This link could not be opened',
};

export function LinkErrorPanel({ error, onOpenDefault }: { error: LinkError; onOpenDefault: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      aria-labelledby="link-error-title"
      data-testid="link-error"
      data-kind={error.kind}
      className="m-auto max-w-xl rounded-lg border border-red-300 bg-red-50 p-6 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50"
    >
      <h2 id="link-error-title" ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
        {TITLES[error.kind]}
      </h2>
      <p className="mt-2">{error.message}</p>
      {error.details && error.details.length > 1 && (
        <ul className="mt-2 list-disc pl-5 font-mono text-sm">
          {error.details.slice(0, 8).map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      <p className="mt-4 flex flex-wrap items-center gap-3">
        <button type="button" className="btn-primary" onClick={onOpenDefault}>
          Open the default example
        </button>
        <span className="text-sm">or pick another example above.</span>
      </p>
    </section>
  );
}
