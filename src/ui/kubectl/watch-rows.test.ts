/**
 * `kubectl get pods -w` over a run (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go, watch): the
 * list, then one row per watch event of any pod of the namespace: a printed change, and the API
 * writes of the scheduler and the API server that change nothing printed (the binding, an
 * Unschedulable condition, the grace-0 delete), and the last state again for a DELETED event.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getPodsWatchChunks, getPodsWatchLines } from '../../k8s';
import { deploymentYaml, runOf, SET_IMAGE_AT_30S } from '../fixtures/runs';
import { sampleTrace } from '../fixtures/sample-trace';
import { countUntil } from '../trace-utils';
import { simulate } from '../../engine';
import { LESSONS } from '../../scenario/lessons';
import { watchRows, type WatchRow } from './watch-rows';

const nginxPod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.14.2\n`;
const replicaSet = readFileSync(
  new URL('../../app/examples/replicaset-service.yaml', import.meta.url),
  'utf8',
);

const nameOf = (r: WatchRow) => r.pod.metadata?.name ?? '';
const rowsOf = (rows: WatchRow[], name: string) => rows.filter((r) => nameOf(r) === name);
const lines = (text: string) => text.trimEnd().split('\n');

describe('watchRows: one pod (output as it was before several pods were watched)', () => {
  const trace = sampleTrace();

  it('prints a row when READY, STATUS or RESTARTS change, and for the binding (registry/core/pod/storage assignPod), a write of its own', () => {
    const rows = watchRows(trace);
    expect(rows.map((r) => [r.tMs, r.key])).toEqual([
      [0, '0/1|Pending|0'],
      [100, '0/1|Pending|0'],
      [100, '0/1|ContainerCreating|0'],
      [2100, '1/1|Running|0'],
      [77100, '0/1|ContainerCreating|1'],
      [77200, '1/1|Running|1'],
    ]);
  });

  it('byte for byte: header and first row in one flush, then one flush per row (RememberWidths)', () => {
    expect(getPodsWatchLines(watchRows(trace))).toBe(
      [
        'NAME            READY   STATUS    RESTARTS   AGE',
        'liveness-exec   0/1     Pending   0          0s',
        'liveness-exec   0/1     Pending   0          0s',
        'liveness-exec   0/1     ContainerCreating   0          0s',
        'liveness-exec   1/1     Running             0          2s',
        'liveness-exec   0/1     ContainerCreating   1 (0s ago)   77s',
        'liveness-exec   1/1     Running             1 (0s ago)   77s',
        '',
      ].join('\n'),
    );
  });

  it('accumulates up to the cursor', () => {
    const rows = watchRows(trace);
    const shown = (t: number) => countUntil(rows, t, (r) => r.tMs);
    expect(shown(0)).toBe(1);
    expect(shown(2099)).toBe(3);
    expect(shown(2100)).toBe(4);
    expect(shown(1e9)).toBe(6);
  });

  it('a pod removed at once: rest.BeforeDelete writes deletionTimestamp and grace 0 (MODIFIED, Terminating), then DELETED carries that object', () => {
    const cut = {
      ...trace,
      frames: [...trace.frames.slice(0, 4), { ...trace.frames[3], t: 9000, pods: [] }],
    };
    const rows = watchRows(cut);
    const [write, gone] = rows.slice(-2);
    expect(write).toMatchObject({ tMs: 9000, event: 'MODIFIED', key: '1/1|Terminating|0' });
    expect(write.pod.metadata).toMatchObject({ deletionGracePeriodSeconds: 0, deletionTimestamp: '2025-01-01T09:00:09Z' });
    expect(gone).toMatchObject({ tMs: 9000, event: 'DELETED', key: write.key });
    expect(gone.pod).toBe(write.pod);
  });

  it('a pod the scheduler cannot place prints Pending twice: the PodScheduled=False condition is a write (handleSchedulingFailure)', () => {
    const big = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: web\n    image: nginx:1.14.2\n    resources: { requests: { memory: 64Gi } }\n`;
    const rows = watchRows(runOf(big));
    expect(rows.map((r) => [r.tMs, r.event, r.key])).toEqual([
      [0, 'ADDED', '0/1|Pending|0'],
      [0, 'MODIFIED', '0/1|Pending|0'],
    ]);
    expect(rows[1].pod.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
  });

  it('a pod deleted before it was bound: the deletion write (Terminating, grace 0), then DELETED; pod strategy CheckGracefulDelete gives it period 0', () => {
    const big = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: web\n    image: nginx:1.14.2\n    resources: { requests: { memory: 64Gi } }\n`;
    const rows = watchRows(runOf(big, [{ at: 10, kind: 'deletePod' }]));
    expect(rows.map((r) => [r.tMs, r.event, r.key])).toEqual([
      [0, 'ADDED', '0/1|Pending|0'],
      [0, 'MODIFIED', '0/1|Pending|0'],
      [10_000, 'MODIFIED', '0/1|Terminating|0'],
      [10_000, 'DELETED', '0/1|Terminating|0'],
    ]);
  });

  it("preemption: the victim's DisruptionTarget write comes before its deletion, the preemptor's nomination is a write, and its binding clears it (-o wide)", () => {
    const lesson = LESSONS.find((l) => l.id === 'priority-preemption');
    if (!lesson) throw new Error('no lesson');
    const r = simulate(lesson.scenario, { until: 45_000 });
    if (!r.ok) throw new Error('run failed');
    const rows = watchRows(r.trace, { wide: true });
    const preemptedAt = r.trace.events.find((e) => e.reason === 'Preempted')?.t ?? NaN;
    const batch = rowsOf(rows, 'batch').filter((row) => row.tMs === preemptedAt);
    expect(batch.map((row) => row.key.split('|').slice(0, 2))).toEqual([
      ['1/1', 'Running'],
      ['1/1', 'Terminating'],
    ]);
    expect(batch[0].pod.status?.conditions?.find((c) => c.type === 'DisruptionTarget')?.reason).toBe('PreemptionByScheduler');
    expect(batch[0].pod.metadata?.deletionTimestamp).toBeUndefined();
    const critical = rows.filter((row) => nameOf(row).startsWith('critical-'));
    const nominated = critical.filter((row) => row.pod.status?.nominatedNodeName === 'node-1');
    expect(nominated.length).toBeGreaterThan(0);
    const binding = critical.find((row) => row.pod.spec?.nodeName && row.key.split('|')[1] === 'Pending');
    expect(binding?.key.split('|').slice(4)).toEqual(['node-1', '<none>', '<none>']);
  });

  it('a pod deleted gracefully ends with its last state three times: the kubelet\'s status, the grace-0 delete (MODIFIED), then DELETED', () => {
    const trace = runOf(nginxPod('web'), [{ at: 20, kind: 'deletePod' }]);
    const rows = watchRows(trace);
    const tail = rows.slice(-3);
    expect(tail.map((r) => r.event)).toEqual(['MODIFIED', 'MODIFIED', 'DELETED']);
    expect(new Set(tail.map((r) => r.key))).toEqual(new Set(['0/1|Completed|0']));
    expect(tail[1].pod.metadata?.deletionGracePeriodSeconds).toBe(0);
    expect(tail[1].tMs).toBe(trace.deletedAt.web);
    expect(tail[2].tMs).toBe(trace.deletedAt.web);
  });
});

describe('watchRows: several pods (get.go watch, every pod of the namespace)', () => {
  it('two pods started together: listed in name order in one flush, then each change in order of time', () => {
    const rows = watchRows(runOf(`${nginxPod('second')}---\n${nginxPod('first')}`));
    expect(rows.filter((r) => r.listed).map(nameOf)).toEqual(['first', 'second']);
    expect(rows.map((r) => r.tMs)).toEqual([...rows.map((r) => r.tMs)].sort((a, b) => a - b));
    const text = getPodsWatchLines(rows);
    expect(lines(text).slice(0, 3)).toEqual([
      'NAME     READY   STATUS    RESTARTS   AGE',
      'first    0/1     Pending   0          0s',
      'second   0/1     Pending   0          0s',
    ]);
    // Each pod goes Pending → (bound) Pending → ContainerCreating → Running; the rows of both interleave by time.
    for (const name of ['first', 'second'])
      expect(rowsOf(rows, name).map((r) => r.key)).toEqual([
        '0/1|Pending|0',
        '0/1|Pending|0',
        '0/1|ContainerCreating|0',
        '1/1|Running|0',
      ]);
    expect(new Set(rows.slice(2).map(nameOf))).toEqual(new Set(['first', 'second']));
  });

  it('a rollout replacing pods: the new ReplicaSet’s pods are ADDED, each old pod ends with its DELETED row', () => {
    const trace = runOf(deploymentYaml(3), [SET_IMAGE_AT_30S]);
    const rows = watchRows(trace);
    const listed = rows.filter((r) => r.listed).map(nameOf);
    const added = rows.filter((r) => r.event === 'ADDED' && !r.listed);
    expect(listed).toHaveLength(3);
    expect(added).toHaveLength(3);
    expect(added.every((r) => r.tMs >= 30_000 && !listed.includes(nameOf(r)))).toBe(true);
    for (const name of listed) {
      const own = rowsOf(rows, name);
      const [before, last] = own.slice(-2);
      expect(last.event).toBe('DELETED');
      expect(last.tMs).toBe(trace.deletedAt[name]);
      // The last state printed again: same columns, only AGE moved.
      expect(last.key).toBe(before.key);
      // The grace-0 write before it: the pod as the kubelet left it, deletionGracePeriodSeconds 0.
      const lastSeen = trace.frames
        .findLast((f) => f.pods.some((p) => p.metadata?.name === name))
        ?.pods.find((p) => p.metadata?.name === name);
      expect(before.event).toBe('MODIFIED');
      expect(last.pod).toBe(before.pod);
      expect(last.pod.status).toBe(lastSeen?.status);
      expect(last.pod.metadata?.deletionGracePeriodSeconds).toBe(0);
    }
    const text = lines(getPodsWatchLines(rows));
    expect(text).toHaveLength(rows.length + 1);
    // One header; every later row keeps the columns the first flush set (RememberWidths).
    expect(text.filter((l) => l.startsWith('NAME'))).toHaveLength(1);
    const statusAt = text[0].indexOf('STATUS');
    expect(text.every((l) => l.slice(0, statusAt).trimEnd().split(/\s+/).length === 2)).toBe(true);
  });

  it('a deleted pod: its last row repeats the state it had, and the ReplicaSet’s replacement is ADDED', () => {
    const trace = runOf(replicaSet, [{ at: 30, kind: 'deletePod' }]);
    const rows = watchRows(trace);
    const [victim] = Object.keys(trace.deletedAt);
    const text = lines(getPodsWatchLines(rows));
    const own = text.filter((l) => l.startsWith(`${victim} `));
    const age = (l: string) => l.trimEnd().split(/\s+/).at(-1);
    const [before, last] = own.slice(-2);
    expect(last.replace(/\S+$/, '')).toBe(before.replace(/\S+$/, ''));
    expect(age(last)).toBe(`${Math.floor(trace.deletedAt[victim] / 1000)}s`);
    const added = rows.filter((r) => r.event === 'ADDED' && !r.listed);
    expect(added).toHaveLength(1);
    expect(added[0].tMs).toBe(30_000);
  });

  it('what the watch printed up to any row is the first chunks joined: a flush never reprints (RememberWidths)', () => {
    const trace = runOf(deploymentYaml(3), [SET_IMAGE_AT_30S]);
    for (const wide of [false, true]) {
      const rows = watchRows(trace, { wide });
      const chunks = getPodsWatchChunks(rows, { wide });
      expect(chunks).toHaveLength(rows.length);
      for (let k = 0; k <= rows.length; k++) {
        // The list's rows share one instant, so the cursor never cuts into it.
        if (k > 0 && k < rows.length && rows[k - 1].listed && rows[k].listed) continue;
        expect(chunks.slice(0, k).join('')).toBe(getPodsWatchLines(rows.slice(0, k), { wide }));
      }
    }
  });

  it('-o wide: NODE and IP are printed columns, so binding and the pod IP each print a row', () => {
    const trace = runOf(replicaSet, [], ['node-1', 'node-2', 'node-3']);
    const narrow = watchRows(trace);
    const wide = watchRows(trace, { wide: true });
    expect(wide.length).toBeGreaterThan(narrow.length);
    const name = nameOf(wide[0]);
    const cells = rowsOf(wide, name).map((r) => r.key.split('|').slice(3, 5));
    expect(cells[0]).toEqual(['<none>', '<none>']);
    expect(cells.some(([ip, node]) => ip === '<none>' && /^node-\d$/.test(node))).toBe(true);
    expect(cells.at(-1)?.[0]).toMatch(/^10\.244\.\d+\.\d+$/);
    const text = lines(getPodsWatchLines(wide, { wide: true }));
    expect(text[0]).toMatch(
      /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/,
    );
  });
});
