/** Scenarios with several nodes: defaults per position, located errors, and links that carry them. */
import { describe, expect, it } from 'vitest';
import { canonicalScenario, decodeFragment, encodeScenarioToFragment, parseScenario } from './index';

const POD = 'apiVersion: v1\nkind: Pod\n';

describe('scenario nodes', () => {
  it('fills each listed node from the defaults of its position: node-1, node-2, ... with hostname labels', () => {
    const r = parseScenario({ version: 1, manifest: POD, nodes: [{}, { capacity: { memory: '8Gi' } }, { name: 'edge' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.nodes?.map((n) => [n.name, n.labels['kubernetes.io/hostname'], n.capacity.memory])).toEqual([
      ['node-1', 'node-1', '4Gi'],
      ['node-2', 'node-2', '8Gi'],
      ['edge', 'edge', '4Gi'],
    ]);
    // The engine's first node is the list's first, and the validated scenario validates again.
    expect(r.scenario.node.name).toBe('node-1');
    expect(parseScenario(r.scenario).ok).toBe(true);
  });

  it.each([
    [{ nodes: [] }, 'nodes: must list 1 to 50 nodes, got 0'],
    [{ nodes: [{ name: 'a' }, { name: 'a' }] }, 'nodes[1].name: duplicate node name "a"'],
    [{ nodes: [{}, {}], actions: [{ at: 1, kind: 'cordon', node: 'node-9' }] }, 'actions[0].node: no node named "node-9" (nodes: node-1, node-2)'],
    [{ node: { name: 'other' }, nodes: [{}, {}] }, 'nodes: give either node or nodes, not both'],
    [{ actions: [{ at: 1, kind: 'addNode', node: { name: 'node-1' } }] }, 'actions[0].node.name: a node named "node-1" already exists'],
    [{ actions: [{ at: 1, kind: 'addNode', node: {} }] }, 'actions[0].node.name: required'],
    [{ actions: [{ at: 1, kind: 'removeNode', node: 'ghost' }] }, 'actions[0].node: no node named "ghost" (nodes: node-1)'],
  ])('rejects %j with a located error', (extra, message) => {
    const r = parseScenario({ version: 1, manifest: POD, ...extra });
    expect(r.ok ? [] : r.errors).toContain(message);
  });

  it('a node an action adds can be named by later actions', () => {
    const r = parseScenario({
      version: 1,
      manifest: POD,
      actions: [
        { at: 1, kind: 'addNode', node: { name: 'spot-1', capacity: { memory: '16Gi' } } },
        { at: 9, kind: 'removeNode', node: 'spot-1' },
      ],
    });
    expect(r.ok ? r.scenario.actions[0] : r.errors).toEqual({ at: 1, kind: 'addNode', node: { name: 'spot-1', capacity: { cpu: '2', memory: '16Gi', pods: '110' } } });
  });

  it('a link carries the nodes and decodes to the same scenario', async () => {
    const r = parseScenario({ version: 1, manifest: POD, nodes: [{}, { capacity: { cpu: '8' } }, {}], actions: [{ at: 5, kind: 'drain', node: 'node-2' }] });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const fragment = await encodeScenarioToFragment(r.scenario);
    const back = await decodeFragment(fragment);
    expect(back.ok && canonicalScenario(back.scenario)).toBe(canonicalScenario(r.scenario));
    expect(canonicalScenario(r.scenario)).toContain('"nodes":[{},{"capacity":{"cpu":"8"}},{}]');
  });
});
