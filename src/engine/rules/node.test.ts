/**
 * Node loss: the node lifecycle controller marks the node Ready=Unknown after the monitor grace
 * period, its pods Ready=False, taints it unreachable:NoExecute; the taint manager evicts pods after
 * their 300 s toleration (DefaultTolerationSeconds admission).
 */
import { describe, expect, it } from 'vitest';
import { seek } from '..';
import { NODE_MONITOR_GRACE_MS } from '../machines/node';
import { conditionAt, eventsOf, onePod, podAt, run, statusAt } from './builders';

describe('node loss (pkg/controller/nodelifecycle/node_lifecycle_controller.go monitorNodeHealth, MarkPodsNotReady; tainteviction/taint_eviction.go; DefaultTolerationSeconds 300)', () => {
  it('Unreachable: node Ready Unknown after the monitor grace period, pod Ready False; eviction after the 300 s toleration; kubectl Unknown', () => {
    const trace = run(onePod({ name: 'lost', body: '    command: ["sleep", "3600"]' }), {
      cachedImages: ['busybox:1.36'],
      until: 400_000,
      actions: [{ at: 10, kind: 'setNodeState', state: 'Unreachable' }],
    });
    const unknownAt = 10_000 + NODE_MONITOR_GRACE_MS;
    expect(seek(trace, unknownAt - 1).nodes[0].ready).toBe('True');
    expect(seek(trace, unknownAt).nodes[0].ready).toBe('Unknown');
    expect(conditionAt(trace, unknownAt, 'Ready')?.status).toBe('False');
    const eviction = eventsOf(trace, 'TaintManagerEviction')[0];
    expect(eviction).toMatchObject({ t: unknownAt + 300_000, message: 'Marking for deletion Pod default/lost' });
    expect(podAt(trace, unknownAt + 301_000).metadata?.deletionTimestamp).toBeDefined();
    expect(statusAt(trace, unknownAt + 301_000)).toMatch(/^(Unknown|Terminating)$/);
  });
});
