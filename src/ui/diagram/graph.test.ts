import { describe, expect, it } from 'vitest';
import { createMachine, not, setup } from 'xstate';
import { getStateNodes } from 'xstate/graph';
import { containerMachine } from '../../engine/machines/container';
import { probeMachine } from '../../engine/machines/probe';
import { formatDuration, machineGraph, type MachineGraph } from './graph';
import { layouts } from './model';

function labelsBetween(graph: MachineGraph, source: string, target: string): string[] {
  return graph.edges.filter((e) => e.source === source && e.target === target).flatMap((e) => e.label);
}

describe('machineGraph: labels read from the definition', () => {
  const container = machineGraph(containerMachine);
  const probe = machineGraph(probeMachine);

  it('labels events, and events with their guard', () => {
    expect(labelsBetween(container, 'running', 'terminated')).toContain('EXITED');
    expect(labelsBetween(container, 'waiting.pulling', 'waiting.errImagePull')).toEqual(['IMAGE_FAILED']);
    expect(labelsBetween(probe, 'prober.probing', 'prober.idle')).toEqual(['PROBE_RESULT [belowThreshold]', 'PROBE_RESULT [else]']);
  });

  it('labels named delays by name (and duration when the delay is a constant), never xstate.after...', () => {
    expect(labelsBetween(container, 'waiting.crashLoopBackOff', 'waiting.pulling')).toEqual(['after backOffWait']);
    expect(labelsBetween(container, 'waiting.errImagePull', 'waiting.imagePullBackOff')).toEqual(['after kubeletSync (1s)']);
    expect(labelsBetween(container, 'terminated', 'waiting.pulling')).toContain('after kubeletSync (1s) [restartNow]');
    // The prober hears the ticker's tick: the same delay, named with the state whose timer it is.
    expect(labelsBetween(probe, 'prober.idle', 'prober.deciding')).toEqual(['after period (ticker.ticking)', 'TRIGGER']);
    const all = [container, probe].flatMap((g) => g.edges.flatMap((e) => e.label));
    expect(all.filter((l) => l.includes('xstate.'))).toEqual([]);
  });

  it('labels always transitions with their guard, the unguarded fallback as [else]', () => {
    expect(labelsBetween(container, 'running.checkPostStart', 'running.postStart')).toEqual(['[hasPostStart]']);
    expect(labelsBetween(container, 'running.checkPostStart', 'running.main')).toEqual(['[else]']);
    const toIdle = probe.edges.find((e) => e.source === 'prober.deciding' && e.target === 'prober.idle' && e.kind === 'always');
    expect(toIdle?.label.slice(0, 2)).toEqual(['[noContainer]', '[onHold]']);
  });

  it('shows parallel regions, final states and initial states', () => {
    const root = probe.states.find((s) => s.path === '');
    expect(root?.type).toBe('parallel');
    expect(probe.states.filter((s) => s.region).map((s) => s.path)).toEqual(['ticker', 'prober']);
    expect(probe.states.find((s) => s.path === 'prober.stopped')?.type).toBe('final');
    expect(container.states.find((s) => s.path === 'waiting')?.initial).toBe('waiting.blocked');
    expect(container.states.find((s) => s.path === '')?.initial).toBe('waiting');
  });

  it('lists targetless transitions inside their state', () => {
    expect(container.states.find((s) => s.path === 'terminated')?.internal).toContain('STOP');
  });

  it('formats literal delays, inline and higher-order guards', () => {
    const m = setup({ guards: { ready: () => true } }).createMachine({
      id: 'demo',
      initial: 'a',
      states: {
        a: { after: { 1000: 'b', 300000: { target: 'c', guard: not('ready') } }, on: { GO: { target: 'c', guard: () => true } } },
        b: {},
        c: { type: 'final' },
      },
    });
    const g = machineGraph(m);
    expect(labelsBetween(g, 'a', 'b')).toEqual(['after 1s']);
    expect(labelsBetween(g, 'a', 'c').sort()).toEqual(['GO [condition]', 'after 5m [not(ready)]']);
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(250)).toBe('250ms');
    expect(machineGraph(createMachine({ id: 'x', initial: 'a', states: { a: {} } })).states.map((s) => s.label)).toEqual(['X', 'A']);
  });
});

describe('layouts: every state of every machine is drawn', () => {
  for (const machine of [containerMachine, probeMachine]) {
    it(machine.id, () => {
      const drawn = new Set(layouts[machine.id].states.map((s) => s.path));
      for (const node of getStateNodes(machine.root)) expect(drawn.has(node.path.join('.'))).toBe(true);
      expect(drawn.has('')).toBe(true);
    });
  }
});
