/** Helpers for writing lessons: a scenario around a manifest, and event anchors in one line. */
import type { SimAction } from '../../engine';
import { defaultScenario } from '../default';
import type { ScenarioV1 } from '../types';
import type { Anchor, EventMatch } from './types';

export function lessonScenario(title: string, manifest: string, actions: SimAction[] = []): ScenarioV1 {
  return { ...defaultScenario(manifest, title), actions };
}

/** `{ event: { reason, ... } }` with an optional offset. */
export function onEvent(reason: string, more: Omit<EventMatch, 'reason'> = {}, offsetMs?: number): Anchor {
  return { event: { reason, ...more }, ...(offsetMs !== undefined && { offsetMs }) };
}

export const seconds = (s: number): number => s * 1000;
