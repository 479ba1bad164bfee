/**
 * The committed layouts must describe the machines as they are now: same states, same edges, same
 * labels. When this fails, a machine changed: run `npm run layout` and commit the JSON.
 */
import { describe, expect, it } from 'vitest';
import { collectMachines, machineGraph, type MachineGraph } from './graph';
import layoutsJson from './layouts.generated.json';
import type { Layouts, MachineLayout } from './layout-types';

const layouts = layoutsJson as unknown as Layouts;

const modules = import.meta.glob<Record<string, unknown>>(['../../engine/machines/*.ts', '!../../engine/machines/*.test.ts'], { eager: true });
const machines = collectMachines(Object.keys(modules).sort().map((key) => modules[key]));

/** What the staleness check compares: the structure, not the coordinates. */
function structureOfGraph(graph: MachineGraph) {
  return {
    states: graph.states.map((s) => ({ path: s.path, parent: s.parent, label: s.label, type: s.type, region: s.region, initial: s.initial, internal: s.internal })),
    edges: graph.edges.map((e) => ({ source: e.source, target: e.target, kind: e.kind, event: e.event, label: e.label })),
  };
}

function structureOfLayout(layout: MachineLayout) {
  return {
    states: layout.states.map((s) => ({ path: s.path, parent: s.parent, label: s.label, type: s.type, region: s.region === true, initial: s.initial, internal: s.internal ?? [] })),
    edges: layout.edges.map((e) => ({ source: e.source, target: e.target, kind: e.kind, event: e.event, label: e.label })),
  };
}

describe('layouts.generated.json', () => {
  it('has a layout for every machine in src/engine/machines, and no other', () => {
    expect(machines.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(layouts).sort(), 'machines were added or removed: run npm run layout').toEqual(machines.map((m) => m.id).sort());
  });

  for (const machine of machines) {
    it(`${machine.id}: states and edges match the machine definition (else run npm run layout)`, () => {
      const layout = layouts[machine.id];
      expect(layout, `no layout for ${machine.id}: run npm run layout`).toBeDefined();
      expect(structureOfLayout(layout), `the ${machine.id} diagram is stale: run npm run layout`).toEqual(structureOfGraph(machineGraph(machine)));
    });

    it(`${machine.id}: every state and edge has a place`, () => {
      const layout = layouts[machine.id];
      for (const s of layout.states) {
        expect(s.w).toBeGreaterThan(0);
        expect(s.x + s.w).toBeLessThanOrEqual(layout.width);
        expect(s.y + s.h).toBeLessThanOrEqual(layout.height);
      }
      for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(4);
    });
  }

  it('stays small enough for the first load', () => {
    expect(JSON.stringify(layouts).length).toBeLessThan(30_000);
  });
});
