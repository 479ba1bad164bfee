/** The scenario's actions as a timeline lane: one star per action at its time. */
import type { SimAction } from '../../engine/input';
import type { Lane } from '../timeline/segments';
import { describeAction } from './describe';

export function actionLane(actions: readonly SimAction[]): Lane {
  return {
    id: 'actions',
    group: 'actions',
    title: 'Your actions',
    segments: [],
    marks: actions.map((a) => ({ t: a.at * 1000, kind: 'action', label: `Your action: ${describeAction(a)}` })),
  };
}

/** The lanes with the actions lane added (right under the phase) when there are actions. */
export function withActionLane(lanes: Lane[], actions: readonly SimAction[]): Lane[] {
  if (actions.length === 0) return lanes;
  return [lanes[0], actionLane(actions), ...lanes.slice(1)].filter((l): l is Lane => l !== undefined);
}
