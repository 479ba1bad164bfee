import { describe, expect, it } from 'vitest';
import type { MachineState } from '../../engine/trace-types';
import { actorLabel, actorName, needsQualifier } from './actors';

const m = (id: string, machine: string): MachineState => ({ id, machine, value: 'x', active: ['x'] }) as MachineState;

describe('actors in words, by their id pairs (no case per machine kind)', () => {
  it.each([
    { id: 'pod/web', label: 'pod web', name: 'web' },
    { id: 'pod/web/container/app', label: 'container app', name: 'app' },
    { id: 'pod/web/container/app/probe/liveness', label: 'probe liveness (app)', name: 'liveness' },
    { id: 'node/node-1', label: 'node node-1', name: 'node-1' },
    { id: 'deployment/web', label: 'deployment web', name: 'web' },
    { id: 'statefulset/db', label: 'statefulset db', name: 'db' },
  ])('$id → $label', ({ id, label, name }) => {
    expect(actorLabel(id)).toBe(label);
    expect(actorName(id)).toBe(name);
  });

  it('with several pods, a nested actor names its pod', () => {
    const machines = [m('pod/a', 'pod'), m('pod/a/container/app', 'container'), m('pod/b', 'pod'), m('pod/b/container/app', 'container')];
    expect(needsQualifier(machines)).toBe(true);
    expect(actorLabel('pod/b/container/app', true)).toBe('container app in pod b');
    expect(actorLabel('node/node-1', true)).toBe('node node-1');
    expect(needsQualifier(machines.slice(0, 2))).toBe(false);
  });
});
