/**
 * Okabe-Ito, the colour-blind-safe palette; shapes and patterns carry the same meaning so colour is
 * never the only cue.
 */
import type { MarkKind, SegmentTone } from './segments';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;

export const TONE_FILL: Record<SegmentTone, string> = {
  waiting: OKABE_ITO.yellow,
  running: OKABE_ITO.bluishGreen,
  'terminated-ok': OKABE_ITO.skyBlue,
  'terminated-error': OKABE_ITO.vermillion,
  true: OKABE_ITO.bluishGreen,
  false: OKABE_ITO.grey,
  unknown: OKABE_ITO.grey,
  pending: OKABE_ITO.orange,
  succeeded: OKABE_ITO.skyBlue,
  failed: OKABE_ITO.vermillion,
  terminating: OKABE_ITO.reddishPurple,
};

/** Tones drawn hatched rather than solid (False and Unknown conditions, waiting). */
export const HATCHED: ReadonlySet<SegmentTone> = new Set<SegmentTone>(['false', 'unknown']);

export const MARK_FILL: Record<MarkKind, string> = {
  success: OKABE_ITO.bluishGreen,
  failure: OKABE_ITO.vermillion,
  warning: OKABE_ITO.orange,
  'event-normal': OKABE_ITO.blue,
  'event-warning': OKABE_ITO.vermillion,
  action: OKABE_ITO.reddishPurple,
};
