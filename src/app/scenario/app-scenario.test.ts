import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario';
import { baseOf, toScenario } from './app-scenario';

describe('the app keeps what its editor does not show', () => {
  it('a scenario with several nodes survives the round trip through the playground state', () => {
    const r = parseScenario({ version: 1, manifest: 'apiVersion: v1\nkind: Pod\n', nodes: [{}, { name: 'edge' }] });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const s = r.scenario;
    const back = toScenario({ manifest: s.manifest, fileName: 'pod.yaml', actions: s.actions, base: baseOf(s) });
    expect(back.nodes?.map((n) => n.name)).toEqual(['node-1', 'edge']);
  });
});
