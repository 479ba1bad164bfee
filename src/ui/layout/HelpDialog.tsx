/**
 * The `?` dialog: what PodPlay is, its keyboard shortcuts, and where its clock is exact where a real
 * node's varies (from the engine's own constants). Native <dialog>, so Esc closes it.
 */
import { useEffect, useRef } from 'react';
// The constants alone: the engine itself loads in its worker, not with the page.
import { TIMING_SIMPLIFICATIONS } from '../../engine/timing';

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
      className="m-auto max-h-[90vh] max-w-2xl overflow-y-auto rounded-lg bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100"
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
      <h2 id="help-timing" className="mt-6 text-xl font-semibold">
        Where PodPlay is exact and a node is not
      </h2>
      <p className="mt-2 text-sm">
        A real kubelet works in sync loops, so its timings vary by a second or more. PodPlay picks one value for each, so
        the same scenario always gives the same run:
      </p>
      <table className="mt-2 w-full text-sm" aria-labelledby="help-timing">
        <thead>
          <tr className="text-left">
            <th scope="col" className="py-1 pr-2 font-semibold">What</th>
            <th scope="col" className="py-1 pr-2 font-semibold">A real node</th>
            <th scope="col" className="py-1 font-semibold">PodPlay</th>
          </tr>
        </thead>
        <tbody>
          {TIMING_SIMPLIFICATIONS.map((s) => (
            <tr key={s.what} className="border-t border-slate-200 align-top dark:border-slate-700">
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {s.what}
              </th>
              <td className="py-1 pr-2">{s.real}</td>
              <td className="py-1">{s.podplay}</td>
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
