/** Pieces of `kubectl describe pod`, rule by rule, against k8s.io/kubectl/pkg/describe and util/qos. */
import type { Pod, Probe } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { describePod } from './describe-pod';
import { livenessHttpPod } from './describe-fixtures';
import { describeProbe } from './probe';
import { podQosClass } from './qos';
import { canonicalQuantity } from './quantity';
import { c, pod, T } from './test-fixtures';

const base = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
const probes: Array<{ rule: string; probe: Probe; want: string }> = [
  {
    rule: 'DescribeProbe: exec prints the command as Go prints a []string',
    probe: { ...base, exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
    want: 'exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
  },
  {
    rule: 'DescribeProbe: http-get builds a URL from scheme, host:port and path',
    probe: { ...base, httpGet: { path: '/healthz', port: 8080, scheme: 'HTTPS', host: '10.0.0.9' } },
    want: 'http-get https://10.0.0.9:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
  },
  {
    rule: 'DescribeProbe: tcp-socket host:port (named port)',
    probe: { ...base, tcpSocket: { port: 'http' } },
    want: 'tcp-socket :http delay=0s timeout=1s period=10s #success=1 #failure=3',
  },
  {
    rule: 'DescribeProbe: grpc <pod>:port service',
    probe: { ...base, grpc: { port: 2379, service: '' } },
    want: 'grpc <pod>:2379  delay=0s timeout=1s period=10s #success=1 #failure=3',
  },
];

describe('describeProbe (DescribeProbe)', () => {
  it.each(probes)('$rule', ({ probe, want }) => expect(describeProbe(probe)).toBe(want));
});

const res = (requests?: Record<string, string>, limits?: Record<string, string>) =>
  c('app', { resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } });
const withContainers = (...containers: ReturnType<typeof c>[]): Pod => pod({ containers });

describe('podQosClass (qos.ComputePodQOS)', () => {
  it.each([
    {
      rule: 'ComputePodQOS: no requests or limits → BestEffort',
      pod: withContainers(c('app')),
      want: 'BestEffort',
    },
    {
      rule: 'ComputePodQOS: cpu and memory limits equal to requests in every container → Guaranteed',
      pod: withContainers(res({ cpu: '500m', memory: '128Mi' }, { cpu: '0.5', memory: '128Mi' })),
      want: 'Guaranteed',
    },
    {
      rule: 'ComputePodQOS: limits only (requests default to them) → Guaranteed',
      pod: withContainers(res({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1024Mi' })),
      want: 'Guaranteed',
    },
    {
      rule: 'ComputePodQOS: requests below limits → Burstable',
      pod: withContainers(res({ cpu: '250m' }, { cpu: '500m', memory: '1Gi' })),
      want: 'Burstable',
    },
    {
      rule: 'ComputePodQOS: one container without limits → Burstable',
      pod: withContainers(res({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' }), c('side')),
      want: 'Burstable',
    },
    {
      rule: 'ComputePodQOS: only non-QoS resources → BestEffort',
      pod: withContainers(res({ 'ephemeral-storage': '1Gi' })),
      want: 'BestEffort',
    },
  ])('$rule', ({ pod: p, want }) => expect(podQosClass(p)).toBe(want));

  it('GetPodQOS: status.qosClass wins when set', () => {
    const p = withContainers(c('app'));
    p.status!.qosClass = 'Guaranteed';
    expect(podQosClass(p)).toBe('Guaranteed');
  });
});

describe('canonicalQuantity (resource.Quantity.String)', () => {
  it.each([
    ['500m', '500m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['1e3', '1e3'],
    ['0', '0'],
  ])('%s → %s', (q, want) => expect(canonicalQuantity(q)).toBe(want));
});

describe('describePod status lines', () => {
  const deleting = (deletionS: number): Pod => {
    const p = livenessHttpPod();
    return {
      ...p,
      metadata: { ...p.metadata, deletionTimestamp: T(deletionS), deletionGracePeriodSeconds: 30 },
    };
  };
  it('describePod: Terminating (lasts <age>) is the age of deletionTimestamp, with the grace period', () => {
    const out = describePod(deleting(40), [], 52_000);
    expect(out).toContain(
      'Status:                    Terminating (lasts 12s)\nTermination Grace Period:  30s\n',
    );
  });
  it('describePod: during the grace period deletionTimestamp is ahead, so HumanDuration gives <invalid>', () => {
    expect(describePod(deleting(40), [], 20_000)).toContain('Terminating (lasts <invalid>)');
  });
  it('describePod: Reason and Message follow Status (Evicted)', () => {
    const live = livenessHttpPod();
    const p: Pod = {
      ...live,
      status: {
        ...live.status,
        phase: 'Failed',
        reason: 'Evicted',
        message: 'The node was low on resource: memory.',
      },
    };
    expect(describePod(p, [], 60_000)).toContain(
      'Status:           Failed\nReason:           Evicted\nMessage:          The node was low on resource: memory.\n',
    );
  });
  it('DescribeEvents: no events (or only future ones) → Events: <none>, aligned with the block above', () => {
    const out = describePod(
      livenessHttpPod(),
      [
        {
          t: 90_000,
          type: 'Normal',
          reason: 'Killing',
          object: 'pod/liveness-http',
          message: 'x',
          source: 'kubelet',
        },
      ],
      60_000,
    );
    expect(out.endsWith('Events:                      <none>\n')).toBe(true);
  });
});
