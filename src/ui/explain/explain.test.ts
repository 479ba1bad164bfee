import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE, simulate, type SimAction, type Trace } from '../../engine';
import { PRIORITY_CLASSES, priorityReplicaSet } from '../../engine/rules/builders';
import { explainField } from './explain';

function run(fixture: string, actions: SimAction[] = [], until = 120_000): Trace {
  const manifest = readFileSync(new URL(`../../k8s/fixtures/docs/${fixture}`, import.meta.url), 'utf8');
  const result = simulate({ manifest, node: DEFAULT_NODE, actions, seed: 1 }, { until });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.trace;
}

/** Times (ms) of the events with this reason, in order. */
const times = (trace: Trace, reason: string) => trace.events.filter((e) => e.reason === reason).map((e) => e.t);

describe('explainField on the docs liveness-http pod', () => {
  const trace = run('probe/http-liveness.yaml', [], 60_000);
  const pod = 'liveness-http';
  const started = times(trace, 'Started');

  it('restartCount points at the restart and the Killing behind it', () => {
    const x = explainField(trace, started[1] + 1000, { kind: 'restartCount', pod, container: 'liveness' });
    expect(x.t).toBe(started[1]);
    expect(x.value).toBe('1');
    expect(x.previous).toBe('0');
    expect(x.event?.reason).toBe('Started');
    expect(x.cause?.reason).toBe('Killing');
    expect(x.sentence).toContain('failed liveness probe');
    expect(x.transition?.actor).toBe('pod/liveness-http/container/liveness');
  });

  it('the second restart is the latest at the cursor', () => {
    const x = explainField(trace, started[2] + 1000, { kind: 'restartCount', pod, container: 'liveness' });
    expect(x.t).toBe(started[2]);
    expect(x.value).toBe('2');
  });

  it('the container state after a restart is a new Running, set by Started', () => {
    const x = explainField(trace, started[1] + 1000, { kind: 'containerState', pod, container: 'liveness' });
    expect(x.t).toBe(started[1]);
    expect(x.value).toBe('Running');
    expect(x.event?.reason).toBe('Started');
    expect(x.transition?.event).toBe('PROCESS_STARTED');
  });

  it('Ready became True when the container started (no readiness probe)', () => {
    const x = explainField(trace, started[0] + 1000, { kind: 'condition', pod, type: 'Ready' });
    expect(x.value).toBe('True');
    expect(x.t).toBe(started[0]);
    expect(x.event?.reason).toBe('Started');
    expect(x.sentence).toMatch(/no readiness probe/);
  });

  it('PodScheduled comes from the Scheduled event and the pod machine', () => {
    const x = explainField(trace, 10_000, { kind: 'condition', pod, type: 'PodScheduled' });
    expect(x.event?.reason).toBe('Scheduled');
    expect(x.sentence).toContain('Successfully assigned');
  });

  it('the phase Running', () => {
    const x = explainField(trace, 50_000, { kind: 'phase', pod });
    expect(x.value).toBe('Running');
    expect(x.t).toBeLessThanOrEqual(started[0]);
  });
});

describe('explainField with scenario actions', () => {
  it('a killed container: Ready False at the exit, your action named', () => {
    const actions: SimAction[] = [
      { at: 10, kind: 'killContainer', pod: 'liveness-http', container: 'liveness', how: 'crash', exitCode: 3 },
    ];
    const trace = run('probe/http-liveness.yaml', actions, 20_000);
    const x = explainField(trace, 10_500, { kind: 'condition', pod: 'liveness-http', type: 'Ready' }, actions);
    expect(x.value).toBe('False');
    expect(x.t).toBe(10_000);
    expect(x.transition?.event).toBe('EXITED');
    expect(x.action?.kind).toBe('killContainer');
    expect(x.sentence).toContain('exit code 3');
    const r = explainField(trace, 15_000, { kind: 'restartCount', pod: 'liveness-http', container: 'liveness' }, actions);
    expect(r.t).toBe(11_000);
    expect(r.sentence).toContain('exit code 3');
  });

  it('an unreachable node: Ready False from NodeNotReady after the grace period', () => {
    const actions: SimAction[] = [{ at: 10, kind: 'setNodeState', state: 'Unreachable' }];
    const trace = run('probe/http-liveness.yaml', actions, 70_000);
    const x = explainField(trace, 65_000, { kind: 'condition', pod: 'liveness-http', type: 'Ready' }, actions);
    expect(x.value).toBe('False');
    expect(x.t).toBe(60_000);
    expect(x.event?.reason).toBe('NodeNotReady');
    expect(x.transition?.actor).toBe('node/node-1');
    expect(x.sentence).toContain('stopped posting node status at 10s');
  });
});

describe('explainField with a readiness probe', () => {
  it('Ready True from the readiness probe result', () => {
    const trace = run('probe/tcp-liveness-readiness.yaml', [], 40_000);
    const ready = trace.probes.find((p) => p.probe === 'readiness' && p.result === 'success')?.t ?? NaN;
    const x = explainField(trace, 39_000, { kind: 'condition', pod: 'goproxy', type: 'Ready' });
    expect(x.value).toBe('True');
    expect(x.t).toBe(ready);
    expect(x.probe?.probe).toBe('readiness');
    expect(x.transition?.actor).toBe('pod/goproxy/container/goproxy/probe/readiness');
    expect(x.sentence).toContain('readiness probe of goproxy succeeded');
    const c = explainField(trace, 39_000, { kind: 'containerReady', pod: 'goproxy', container: 'goproxy' });
    expect(c.t).toBe(ready);
    expect(c.probe?.result).toBe('success');
  });
});

describe('explainField on exec-liveness', () => {
  it('restartCount names the failed liveness probe', () => {
    const trace = run('probe/exec-liveness.yaml', [], 120_000);
    const x = explainField(trace, 119_000, { kind: 'restartCount', pod: 'liveness-exec', container: 'liveness' });
    expect(Number(x.value)).toBeGreaterThan(0);
    expect(x.cause?.message).toMatch(/failed liveness probe/);
  });

  it('an absent field says so', () => {
    const trace = run('probe/exec-liveness.yaml', [], 10_000);
    const x = explainField(trace, 5000, { kind: 'restartCount', pod: 'liveness-exec', container: 'nope' });
    expect(x.value).toBeUndefined();
    expect(x.sentence).toContain('not set');
  });
});

describe('explainField on a preempted pod (pkg/scheduler/framework/preemption: DisruptionTarget, then the Preempted event)', () => {
  const result = simulate(
    {
      manifest:
        PRIORITY_CLASSES +
        priorityReplicaSet('low', { memory: '3Gi', priorityClass: 'low' }) +
        priorityReplicaSet('high', { replicas: 0, memory: '2Gi', priorityClass: 'high' }),
      node: { ...DEFAULT_NODE, cachedImages: ['busybox:1.36'] },
      actions: [{ at: 10, kind: 'scale', replicaSet: 'high', replicas: 1 }],
      seed: 1,
    },
    { until: 20_000 },
  );
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  const trace = result.trace;

  it('DisruptionTarget, a condition the scheduler writes, is explained by the Preempted event', () => {
    const preempted = trace.events.find((e) => e.reason === 'Preempted');
    const x = explainField(trace, 12_000, {
      kind: 'condition',
      pod: preempted?.object.replace('pod/', '') ?? '',
      type: 'DisruptionTarget',
    });
    expect(x.t).toBe(10_000);
    expect(x.event).toEqual(preempted);
    expect(x.sentence).toMatch(
      /^DisruptionTarget was first reported as True at 10s\. Preempted: Preempted by pod \S+ on node node-1\.$/,
    );
  });
});
