/**
 * "Copy link" and "Copy link at this moment": the link goes to the clipboard when the browser
 * allows it, and always into a read-only field (selected, ready for Ctrl+C) with its length and a
 * warning when it is too long for chat apps and forms.
 */
import { useEffect, useRef, useState } from 'react';
import { Popover } from './Popover';

export interface SharedLink {
  url: string;
  atMoment: boolean;
}

export interface ShareLinkButtonsProps {
  /** Makes the link (and puts it in the address bar); undefined when there is nothing to share. */
  makeLink: (atMoment: boolean) => SharedLink | undefined;
  disabled: boolean;
  /** The cursor as the clock shows it, for the popover's title. */
  momentLabel: string;
  /** Links longer than this get a warning (shareableChars). */
  shareableChars: number;
}

type Copy = { link: SharedLink; copied: boolean | undefined };

async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareLinkButtons({ makeLink, disabled, momentLabel, shareableChars }: ShareLinkButtonsProps) {
  const [copy, setCopy] = useState<Copy | null>(null);
  const anchor = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const lastButton = useRef<HTMLButtonElement | null>(null);

  const share = (atMoment: boolean, button: HTMLButtonElement) => {
    const link = makeLink(atMoment);
    if (!link) return;
    lastButton.current = button;
    setCopy({ link, copied: undefined });
    void writeClipboard(link.url).then((copied) =>
      setCopy((c) => (c && c.link.url === link.url ? { ...c, copied } : c)),
    );
  };

  const url = copy?.link.url;
  useEffect(() => {
    if (url === undefined) return;
    input.current?.focus();
    input.current?.select();
  }, [url]);

  const length = url?.length ?? 0;
  const tooLong = length > shareableChars;

  return (
    <div ref={anchor} className="relative flex items-center gap-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={disabled}
        aria-haspopup="dialog"
        aria-expanded={copy !== null && !copy.link.atMoment}
        onClick={(e) => share(false, e.currentTarget)}
      >
        Copy link
      </button>
      <button
        type="button"
        className="btn-secondary"
        disabled={disabled}
        aria-haspopup="dialog"
        aria-expanded={copy !== null && copy.link.atMoment}
        onClick={(e) => share(true, e.currentTarget)}
      >
        Copy link at this moment
      </button>
      <Popover
        open={copy !== null}
        onClose={() => setCopy(null)}
        title={copy?.link.atMoment ? `Link to this moment (${momentLabel})` : 'Link to this scenario'}
        anchor={anchor}
        returnFocus={lastButton}
        testId="share-popover"
        align="right"
      >
        <label className="mt-2 block">
          <span className="sr-only">Link</span>
          <input
            ref={input}
            readOnly
            className="field w-full font-mono text-xs"
            value={url ?? ''}
            data-testid="share-link"
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
        <p className="mt-2 text-slate-700 dark:text-slate-300" role="status">
          {copy?.copied === true
            ? 'Copied to the clipboard. '
            : copy?.copied === false
              ? 'Select the link above and copy it (Ctrl+C, or ⌘C on a Mac). '
              : ''}
          <span data-testid="share-length">{length.toLocaleString('en')} characters</span>
          {'. The address bar shows it too.'}
        </p>
        {tooLong && (
          <p
            className="mt-2 rounded-md border border-amber-400 bg-amber-50 px-2 py-1 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
            data-testid="share-too-long"
          >
            Longer than {shareableChars.toLocaleString('en')} characters: chat apps, email and forms may cut
            it short. Share the scenario as a file instead (Export).
          </p>
        )}
      </Popover>
    </div>
  );
}
