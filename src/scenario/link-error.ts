/** What can be wrong with a shared link, worded for the person who clicked it. */
export type LinkErrorKind = 'truncated' | 'corrupt' | 'too-large' | 'newer-version' | 'invalid';

export interface LinkError {
  kind: LinkErrorKind;
  message: string;
  /** Located validation errors (`actions[2].at: must be a number >= 0`), for kind 'invalid'. */
  details?: string[];
}

export const LINK_LIMITS = {
  /** Longest fragment decodeFragment will look at. */
  maxFragmentChars: 64 * 1024,
  /** Largest scenario JSON a link may inflate to. */
  maxScenarioBytes: 1024 * 1024,
  /** Links longer than this break in chat apps, old browsers and many forms (field-notes.md). */
  shareableChars: 2000,
} as const;

const kib = (n: number): string => `${Math.round(n / 1024).toLocaleString('en')} KiB`;

export const linkErrors = {
  noScenario: (): LinkError => ({
    kind: 'invalid',
    message:
      'This link has no scenario in it: the part after "#" should start with "s=". Check that the whole link was copied.',
  }),
  truncated: (): LinkError => ({
    kind: 'truncated',
    message:
      'This link was cut short: its end is missing, which happens when a chat app, email or form shortens long links. Ask for the full link, or share the scenario as a file.',
  }),
  corrupt: (): LinkError => ({
    kind: 'corrupt',
    message:
      'This link is damaged: some of its characters were changed on the way, so the scenario in it cannot be read. Copy the link again from where it was shared.',
  }),
  tooLargeLink: (chars: number): LinkError => ({
    kind: 'too-large',
    message: `This link is too long to open (${chars.toLocaleString('en')} characters; PodPlay opens links up to ${LINK_LIMITS.maxFragmentChars.toLocaleString('en')}). Share large scenarios as a file.`,
  }),
  tooLargeScenario: (): LinkError => ({
    kind: 'too-large',
    message: `This link unpacks to more than ${kib(LINK_LIMITS.maxScenarioBytes)}, more than any scenario needs, so PodPlay did not open it.`,
  }),
  newerScenario: (version: number, known: number): LinkError => ({
    kind: 'newer-version',
    message: `This link is from a newer PodPlay (v${version}); this one reads scenarios up to v${known}. Open it in the latest PodPlay (reload the page to update).`,
  }),
  newerFormat: (format: number): LinkError => ({
    kind: 'newer-version',
    message: `This link is from a newer PodPlay (link format ${format}); this one cannot unpack it. Open it in the latest PodPlay (reload the page to update).`,
  }),
  invalid: (errors: string[]): LinkError => ({
    kind: 'invalid',
    message: `This link's scenario is not valid: ${errors[0] ?? 'unknown problem'}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}.`,
    details: errors,
  }),
};
