/**
 * `kubectl get pods` layout: printPod cells (pkg/printers/internalversion/printers.go) through
 * cli-runtime's tabwriter (minwidth 6, padding 3, RememberWidths), and Go's text/tabwriter rules.
 */
import { describe, expect, it } from 'vitest';
import { getPodsTable, getPodsWatchLines } from './get-pods';
import { tabbed } from './tabwriter';
import { cond, pod, running, T, waiting } from './test-fixtures';

const web = pod({
  name: 'web',
  phase: 'Running',
  statuses: [running('app', true)],
  conditions: [cond('Ready', 'True')],
});
const crash = pod({
  name: 'crashloop-demo',
  phase: 'Running',
  statuses: [
    waiting('app', 'CrashLoopBackOff', {
      restartCount: 4,
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: T(140), finishedAt: T(141) } },
    }),
  ],
});

describe('getPodsTable (HumanReadablePrinter + GetNewTabWriter)', () => {
  it('printPod columns: 3 spaces between columns, no padding after the last', () => {
    expect(getPodsTable([web, crash], 185_000)).toBe(
      [
        'NAME             READY   STATUS             RESTARTS      AGE',
        'web              1/1     Running            0             3m5s',
        'crashloop-demo   0/1     CrashLoopBackOff   4 (44s ago)   3m5s',
        '',
      ].join('\n'),
    );
  });

  it('tabwriter minwidth 6: a narrow column is still 6 wide', () => {
    const p = pod({ name: 'a', phase: 'Running', statuses: [running('app', true)] });
    expect(getPodsTable([p], 5_000, { noHeaders: true })).toBe('a     1/1   Running   0     5s\n');
  });

  it('printPod wide: IP, NODE, NOMINATED NODE, READINESS GATES with <none>', () => {
    const p = pod({ name: 'web', phase: 'Running', statuses: [running('app', true)] });
    p.spec!.nodeName = 'node-1';
    p.status!.podIPs = [{ ip: '10.244.0.5' }];
    p.spec!.readinessGates = [{ conditionType: 'example.com/feature' }];
    p.status!.conditions = [{ type: 'example.com/feature', status: 'True' }];
    expect(getPodsTable([p], 30_000, { wide: true })).toBe(
      [
        'NAME   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
        'web    1/1     Running   0          30s   10.244.0.5   node-1   <none>           1/1',
        '',
      ].join('\n'),
    );
  });

  it('printPod: AGE of an object without creationTimestamp is <unknown>', () => {
    const created = pod({ name: 'x' });
    const p = { ...created, metadata: { name: 'x' } };
    expect(getPodsTable([p], 0, { noHeaders: true })).toBe('x     0/1   Pending   0     <unknown>\n');
  });
});

describe('getPodsWatchLines (kubectl get -w: one flush per change, RememberWidths)', () => {
  it('header once; columns widen and never shrink', () => {
    const pending = pod({ name: 'web', statuses: [waiting('app', 'ContainerCreating')] });
    const runningPod = pod({ name: 'web', phase: 'Running', statuses: [running('app', true)] });
    const out = getPodsWatchLines([
      { pod: pod({ name: 'web' }), tMs: 0 },
      { pod: pending, tMs: 1_000 },
      { pod: runningPod, tMs: 4_000 },
    ]);
    expect(out).toBe(
      [
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    0/1     Pending   0          0s',
        'web    0/1     ContainerCreating   0          1s',
        'web    1/1     Running             0          4s',
        '',
      ].join('\n'),
    );
  });

  it('get.go watch: the listed pods are one flush (aligned together), each event after it its own', () => {
    const a = pod({ name: 'web-a' });
    const long = pod({ name: 'web-with-a-long-name' });
    const out = getPodsWatchLines([
      { pod: a, tMs: 0, listed: true },
      { pod: long, tMs: 0, listed: true },
      { pod: pod({ name: 'web-a', statuses: [waiting('app', 'ContainerCreating')] }), tMs: 1_000 },
    ]);
    expect(out).toBe(
      [
        'NAME                   READY   STATUS    RESTARTS   AGE',
        'web-a                  0/1     Pending   0          0s',
        'web-with-a-long-name   0/1     Pending   0          0s',
        'web-a                  0/1     ContainerCreating   0          1s',
        '',
      ].join('\n'),
    );
  });

  it('tableprinter.go printTable: no header for an empty list; it comes with the first event', () => {
    expect(getPodsWatchLines([])).toBe('');
    expect(getPodsWatchLines([{ pod: pod({ name: 'web' }), tMs: 2_000 }])).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          2s\n',
    );
  });
});

describe('tabwriter (Go text/tabwriter semantics)', () => {
  it('a line without a cell in a column ends that column block', () => {
    const text = 'a:\t1\nlonger:\t2\nbreak\nb:\t3\n';
    expect(tabbed(text, { minWidth: 0, padding: 2 })).toBe('a:       1\nlonger:  2\nbreak\nb:  3\n');
  });
  it('cells keep their trailing spaces; the text after the last tab is not padded', () => {
    expect(tabbed('  x \tTrue \n  long \tFalse \n', { minWidth: 0, padding: 2 })).toBe(
      '  x      True \n  long   False \n',
    );
  });
});
