/**
 * Asked when a link would replace a different draft: open the link (the draft is kept aside and can
 * be restored) or keep the draft. Native modal <dialog>; Esc keeps the draft, the safe answer.
 */
import { useEffect, useRef } from 'react';

export interface DraftConflictDialogProps {
  open: boolean;
  /** A few words on each side: a title, a pod name or a file name. */
  linkLabel: string;
  draftLabel: string;
  onOpenLink: () => void;
  onKeepDraft: () => void;
}

export function DraftConflictDialog({
  open,
  linkLabel,
  draftLabel,
  onOpenLink,
  onKeepDraft,
}: DraftConflictDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // What the person came for; the draft is kept aside either way.
      openButton.current?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="draft-conflict-title"
      aria-describedby="draft-conflict-text"
      data-testid="draft-conflict"
      onCancel={(e) => {
        e.preventDefault();
        onKeepDraft();
      }}
      className="m-auto max-w-lg rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="draft-conflict-title" className="text-xl font-semibold">
        You have unsaved work
      </h2>
      <div id="draft-conflict-text" className="mt-2 space-y-2 text-sm">
        <p>
          This link opens <strong>{linkLabel}</strong>, but your draft here is <strong>{draftLabel}</strong>,
          with changes the link does not have.
        </p>
        <p>
          Opening the link keeps your draft aside: &ldquo;Restore my previous draft&rdquo; brings it back.
        </p>
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={onKeepDraft}>
          Keep my draft
        </button>
        <button ref={openButton} type="button" className="btn-primary" onClick={onOpenLink}>
          Open the link
        </button>
      </div>
    </dialog>
  );
}
