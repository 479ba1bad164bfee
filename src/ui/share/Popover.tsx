/**
 * A button that opens a small non-modal panel under it. Esc or a click elsewhere closes the panel,
 * and Esc puts focus back on the button. The panel is a labelled dialog (not modal: the page stays usable).
 */
import { useEffect, useId, type ReactNode, type RefObject } from 'react';

export interface PopoverProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** The element holding the opener and the panel: a click inside it does not close the panel. */
  anchor: RefObject<HTMLElement | null>;
  /** Where focus returns on Esc or Close (the button that opened the panel). */
  returnFocus: RefObject<HTMLElement | null>;
  children: ReactNode;
  testId?: string;
  align?: 'left' | 'right';
}

export function Popover({
  open,
  onClose,
  title,
  anchor,
  returnFocus,
  children,
  testId,
  align = 'left',
}: PopoverProps) {
  const titleId = useId();
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (anchor.current?.contains(target)) return;
      onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, onClose, anchor]);
  if (!open) return null;
  return (
    <div
      role="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
        returnFocus.current?.focus();
      }}
      className={`absolute top-full z-30 mt-1 w-[min(28rem,90vw)] rounded-lg border border-slate-300 bg-white p-3 text-sm text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ${align === 'right' ? 'right-0' : 'left-0'}`}
    >
      <div className="flex items-center gap-2">
        <h2 id={titleId} className="font-semibold">
          {title}
        </h2>
        <button
          type="button"
          className="btn-secondary ml-auto px-2 py-0.5 text-xs"
          onClick={() => {
            onClose();
            returnFocus.current?.focus();
          }}
        >
          Close
        </button>
      </div>
      {children}
    </div>
  );
}
