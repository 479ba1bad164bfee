/** The `?` dialog: what PodPlay is and its keyboard shortcuts. Native <dialog>, so Esc closes it. */
import { useEffect, useRef } from 'react';

export const SHORTCUTS: Array<[string, string]> = [
  ['Space', 'Play / pause'],
  ['← or ,', 'Previous event'],
  ['→ or .', 'Next event'],
  ['Home', 'Jump to start'],
  ['End', 'Jump to end'],
  ['?', 'This help'],
  ['Timeline focused: ← / →', 'Move the cursor 1 s (Shift: 10 s)'],
  ['Editor: Esc, then Tab', 'Leave the editor (Tab indents inside it)'],
];

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="help-title"
      className="m-auto max-w-lg rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="help-title" className="text-xl font-semibold">
        Keyboard shortcuts
      </h2>
      <p className="mt-2 text-sm">
        PodPlay runs your Pod on a simulated node with a virtual clock. Play it, pause it, step from event to
        event, or drag the timeline cursor; every view shows the moment under the cursor.
      </p>
      <table className="mt-4 w-full text-sm">
        <tbody>
          {SHORTCUTS.map(([k, v]) => (
            <tr key={k} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 pr-4 text-left font-mono font-normal">
                <kbd>{k}</kbd>
              </th>
              <td className="py-1">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 text-right">
        <button type="button" className="btn-primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
