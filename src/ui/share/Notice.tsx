/** A one-line bar under the header: what happened, and what can be done about it. */
import type { ReactNode } from 'react';

const TONES = {
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50',
  warn: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50',
  error: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
} as const;

export interface NoticeProps {
  tone: keyof typeof TONES;
  children: ReactNode;
  /** Buttons after the text. */
  actions?: ReactNode;
  testId?: string;
  /** 'alert' for what went wrong now; 'status' (polite) otherwise. */
  role?: 'status' | 'alert';
  /** Adds an "OK" button that hides the notice. */
  onDismiss?: () => void;
  dismissLabel?: string;
}

export function Notice({
  tone,
  children,
  actions,
  testId,
  role = 'status',
  onDismiss,
  dismissLabel,
}: NoticeProps) {
  return (
    <div
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 border-b px-3 py-1 text-sm ${TONES[tone]}`}
      data-testid={testId}
    >
      <div role={role} className="min-w-0">
        {children}
      </div>
      {(actions || onDismiss) && (
        <div className="flex items-center gap-2">
          {actions}
          {onDismiss && (
            <button type="button" className={noticeButton} onClick={onDismiss} aria-label={dismissLabel}>
              OK
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export const noticeButton = 'btn-secondary px-2 py-0.5 text-xs';
