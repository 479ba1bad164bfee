/**
 * A controller's pod list follows its informer (replica_set.go, stateful_set.go, daemon_controller.go
 * deletePod handlers): a Pod the API server removed leaves it; one still terminating stays.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodRunner } from '../kubelet/pod-runner';
import { OwnedPods } from '../controllers/owned-pods';

interface Fake {
  name: string;
  isRemoved: boolean;
  isDeleting: boolean;
}

function owned(names: string[]): { list: OwnedPods; runners: Fake[] } {
  const runners: Fake[] = [];
  const addPod = (pod: Pod): PodRunner => {
    const fake: Fake = { name: pod.metadata?.name ?? '', isRemoved: false, isDeleting: false };
    runners.push(fake);
    return fake as unknown as PodRunner;
  };
  const list = new OwnedPods({ addPod });
  for (const name of names) list.create({ metadata: { name } }, 0);
  return { list, runners };
}

const names = (list: OwnedPods) => list.live.map((r) => r.name);

describe('a controller drops the pods the API removed (informer deletePod)', () => {
  it.each<{ rule: string; removed: string[]; deleting: string[]; live: string[] }>([
    { rule: 'nothing removed: every pod, oldest first', removed: [], deleting: [], live: ['a', 'b', 'c'] },
    { rule: 'a removed pod leaves the list, the others keep their order', removed: ['b'], deleting: [], live: ['a', 'c'] },
    { rule: 'a terminating pod is still in the API, so still listed', removed: [], deleting: ['a'], live: ['a', 'b', 'c'] },
    { rule: 'every pod removed: an empty list', removed: ['a', 'b', 'c'], deleting: [], live: [] },
  ])('$rule', ({ removed, deleting, live }) => {
    const { list, runners } = owned(['a', 'b', 'c']);
    for (const r of runners) {
      r.isRemoved = removed.includes(r.name);
      r.isDeleting = deleting.includes(r.name);
    }
    expect(names(list)).toEqual(live);
    // Dropped for good: a pod created later comes after the survivors.
    list.create({ metadata: { name: 'd' } }, 1);
    expect(names(list)).toEqual([...live, 'd']);
  });
});
