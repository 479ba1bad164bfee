/**
 * `kubectl get` for the cluster's objects: printDeployment, printReplicaSet, printStatefulSet,
 * printDaemonSet, printService, printEndpointSlice (formatDiscoveryEndpoints, listWithMoreString)
 * and printNode from pkg/printers/internalversion/printers.go; several kinds at once as
 * staging/src/k8s.io/kubectl/pkg/cmd/get/get.go prints them (a table per kind, `kind.group/name`,
 * an empty line between tables, widths forgotten between kinds).
 */
import { describe, expect, it } from 'vitest';
import type { Deployment, DaemonSet, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Node, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { getAll, podTable } from './get-all';
import { endpointSliceTable, serviceTable } from './get-network';
import { nodeTable } from './get-nodes';
import { getTables, type KindTable } from './get-table';
import { daemonSetTable, deploymentTable, replicaSetTable, statefulSetTable } from './get-workloads';
import { getPodsTable } from './get-pods';
import { pod, running, T } from './test-fixtures';

const meta = (name: string, createdS = 0) => ({ name, creationTimestamp: T(createdS) });
const NOW = 125_000;

const deployment: Deployment = {
  metadata: meta('web'),
  spec: { replicas: 3, selector: {}, template: {} },
  status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
};
const replicaSet: ReplicaSet = {
  metadata: meta('web-7d9c5b6f4'),
  spec: { replicas: 3, selector: {} },
  status: { replicas: 3, readyReplicas: 2 },
};
const statefulSet: StatefulSet = {
  metadata: meta('db', 60),
  spec: { replicas: 2, selector: {}, template: {}, serviceName: 'db' },
  status: { replicas: 1, readyReplicas: 1 },
};
const daemonSet: DaemonSet = {
  metadata: meta('log-agent'),
  spec: { selector: {}, template: { spec: { containers: [], nodeSelector: { 'kubernetes.io/os': 'linux', disk: 'ssd' } } } },
  status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2, numberMisscheduled: 0 },
};
const service: Service = {
  metadata: meta('web'),
  spec: { type: 'ClusterIP', clusterIP: '10.96.31.199', clusterIPs: ['10.96.31.199'], ports: [{ port: 80, protocol: 'TCP' }] },
};
const slice = (addresses: string[][]): EndpointSlice => ({
  metadata: meta('web-72812'),
  addressType: 'IPv4',
  ports: [{ name: '', port: 8080, protocol: 'TCP' }],
  endpoints: addresses.map((a) => ({ addresses: a, conditions: { ready: true } })),
});
const node = (name: string, ready: 'True' | 'False' | 'Unknown' | undefined, extra: Partial<Node['spec']> = {}, labels: Record<string, string> = {}): Node => ({
  metadata: { name, creationTimestamp: T(0), labels },
  spec: extra,
  status: { conditions: ready ? [{ type: 'Ready', status: ready }] : [], nodeInfo: { kubeletVersion: 'v1.36.0' } as NonNullable<Node['status']>['nodeInfo'] },
});

const one = (table: KindTable) => getTables([table]);

describe('one kind: its printer columns through the get tabwriter (printers.go)', () => {
  it.each([
    {
      rule: 'printDeployment: READY ready/desired, UP-TO-DATE, AVAILABLE',
      table: deploymentTable([deployment], NOW),
      text: ['NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    2/3     3            2           2m5s'],
    },
    {
      rule: 'printReplicaSet: DESIRED spec.replicas, CURRENT status.replicas, READY',
      table: replicaSetTable([replicaSet], NOW),
      text: ['NAME            DESIRED   CURRENT   READY   AGE', 'web-7d9c5b6f4   3         3         2       2m5s'],
    },
    {
      rule: 'printStatefulSet: READY ready/desired, AGE from its own creationTimestamp',
      table: statefulSetTable([statefulSet], NOW),
      text: ['NAME   READY   AGE', 'db     1/2     65s'],
    },
    {
      rule: 'printDaemonSet: the status counters and NODE SELECTOR as sorted k=v labels',
      table: daemonSetTable([daemonSet], NOW),
      text: [
        'NAME        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR                     AGE',
        'log-agent   3         3         2       3            2           disk=ssd,kubernetes.io/os=linux   2m5s',
      ],
    },
    {
      rule: 'printDaemonSet: no nodeSelector is <none>',
      table: daemonSetTable([{ ...daemonSet, spec: { selector: {}, template: {} } }], NOW).rows[0][6],
      text: '<none>',
    },
    {
      rule: 'printService: ClusterIP without externalIPs is <none>, ports as port/protocol',
      table: serviceTable([service], NOW),
      text: ['NAME   TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE', 'web    ClusterIP   10.96.31.199   <none>        80/TCP    2m5s'],
    },
    {
      rule: 'printService: a NodePort shows port:nodePort/protocol, a LoadBalancer without address <pending>',
      table: serviceTable(
        [{ ...service, spec: { ...service.spec, type: 'LoadBalancer', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] } }],
        NOW,
      ).rows[0].slice(3, 5),
      text: ['<pending>', '80:30080/TCP,443/TCP'],
    },
    {
      rule: 'printEndpointSlice: addresses of every endpoint, up to 3',
      table: endpointSliceTable([slice([['10.244.0.37'], ['10.244.0.90']])], NOW),
      text: ['NAME        ADDRESSTYPE   PORTS   ENDPOINTS                 AGE', 'web-72812   IPv4          8080    10.244.0.37,10.244.0.90   2m5s'],
    },
    {
      rule: 'formatDiscoveryEndpoints: past 3 addresses, listWithMoreString adds " + N more..."',
      table: endpointSliceTable([slice([['10.244.0.1'], ['10.244.0.2'], ['10.244.0.3'], ['10.244.0.4'], ['10.244.0.5']])], NOW).rows[0][3],
      text: '10.244.0.1,10.244.0.2,10.244.0.3 + 2 more...',
    },
    {
      rule: 'listWithMoreString: a slice with no endpoint is <unset>',
      table: endpointSliceTable([slice([])], NOW).rows[0][3],
      text: '<unset>',
    },
    {
      rule: 'printNode: Ready, ROLES <none>, VERSION the kubelet version',
      table: nodeTable([node('node-1', 'True')], NOW),
      text: ['NAME     STATUS   ROLES    AGE    VERSION', 'node-1   Ready    <none>   2m5s   v1.36.0'],
    },
  ])('$rule', ({ table, text }) => {
    const isTable = (x: unknown): x is KindTable => typeof x === 'object' && x !== null && 'headers' in x;
    if (isTable(table) && Array.isArray(text)) expect(one(table)).toBe(`${text.join('\n')}\n`);
    else expect(table).toEqual(text);
  });
});

describe('printNode STATUS and ROLES', () => {
  it.each([
    { rule: 'Ready condition True', n: node('a', 'True'), status: 'Ready' },
    { rule: 'Ready condition False is NotReady', n: node('a', 'False'), status: 'NotReady' },
    { rule: 'Ready condition Unknown (node lost) is NotReady too', n: node('a', 'Unknown'), status: 'NotReady' },
    { rule: 'no Ready condition at all is Unknown', n: node('a', undefined), status: 'Unknown' },
    { rule: 'cordoned: SchedulingDisabled appended', n: node('a', 'True', { unschedulable: true }), status: 'Ready,SchedulingDisabled' },
    { rule: 'lost and cordoned', n: node('a', 'Unknown', { unschedulable: true }), status: 'NotReady,SchedulingDisabled' },
  ])('$rule → $status', ({ n, status }) => {
    expect(nodeTable([n], NOW).rows[0][1]).toBe(status);
  });

  it('findNodeRoles: node-role.kubernetes.io/<role> and kubernetes.io/role, sorted, joined by commas', () => {
    const n = node('cp', 'True', {}, { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'edge', 'node-role.kubernetes.io/': '' });
    expect(nodeTable([n], NOW).rows[0][2]).toBe('control-plane,edge');
  });
});

describe('several kinds at once (get.go)', () => {
  const pods = [pod({ name: 'web-7d9c5b6f4-abcde', phase: 'Running', statuses: [running('app', true)] })];

  it('a table per kind, kind.group/name, an empty line between, widths per kind', () => {
    const text = getTables([deploymentTable([deployment], NOW), replicaSetTable([replicaSet], NOW), podTable(pods, NOW)]);
    expect(text).toBe(
      [
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/3     3            2           2m5s',
        '',
        'NAME                            DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/web-7d9c5b6f4   3         3         2       2m5s',
        '',
        'NAME                      READY   STATUS    RESTARTS   AGE',
        'pod/web-7d9c5b6f4-abcde   1/1     Running   0          2m5s',
        '',
      ].join('\n'),
    );
  });

  it('kinds with no object print nothing, and one kind left prints plain names', () => {
    expect(getTables([deploymentTable([], NOW), podTable(pods, NOW)])).toBe(getPodsTable(pods, NOW));
  });

  it('each list comes sorted by name, as the API server lists from etcd, not in creation order', () => {
    const named = (n: string) => pod({ name: n, phase: 'Running', statuses: [running('app', true)] });
    const text = getAll({ pods: [named('db-1'), named('agent-x'), named('db-0')] }, NOW).text;
    expect(text.split('\n').slice(1, 4).map((l) => l.split(' ')[0])).toEqual(['agent-x', 'db-0', 'db-1']);
  });

  it('getAll: the command names only the kinds present, endpointslices spelled out', () => {
    const all = getAll({ replicaSets: [replicaSet], pods, services: [service], endpointSlices: [slice([['10.244.0.37']])], nodes: [node('node-1', 'True')] }, NOW);
    expect(all.command).toBe('kubectl get rs,pods,svc,endpointslices,nodes');
    expect(all.text.split('\n').filter((l) => l.startsWith('NAME')).length).toBe(5);
    expect(all.text).toContain('endpointslice.discovery.k8s.io/web-72812   IPv4          8080    10.244.0.37   2m5s\n');
    expect(all.text).toContain('node/node-1   Ready    <none>   2m5s   v1.36.0\n');
    expect(all.text).toContain('service/web   ClusterIP   10.96.31.199   <none>        80/TCP    2m5s\n');
  });
});
