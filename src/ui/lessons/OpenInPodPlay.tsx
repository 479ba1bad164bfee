/** The embed's way out: the same scenario or lesson, full size, in a new tab. */
export function OpenInPodPlay({ href }: { href: string }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener"
      className="inline-flex items-center gap-1 rounded-md border border-slate-400 bg-white px-2 py-0.5 text-xs font-medium text-sky-900 underline-offset-2 hover:underline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-slate-500 dark:bg-slate-800 dark:text-sky-200"
      data-testid="open-in-podplay"
    >
      Open in PodPlay
      <span className="sr-only">(opens a new tab)</span>
      <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true" className="fill-current">
        <path d="M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14zM5 5h6v2H7v10h10v-4h2v6H5z" />
      </svg>
    </a>
  );
}
