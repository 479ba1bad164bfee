/** Pods and events for the describe golden tests, shaped as the API server stores them. */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { SimEvent } from '../events';
import { T } from './test-fixtures';

const serviceAccountMount = {
  name: 'kube-api-access-7xk2p',
  mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
  readOnly: true,
};

function basePod(
  name: string,
  container: Container,
  status: Pod['status'],
  labels?: Record<string, string>,
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: '5f0c7a1e',
      creationTimestamp: T(0),
      ...(labels ? { labels } : {}),
    },
    spec: {
      nodeName: 'node-1',
      priority: 0,
      serviceAccountName: 'default',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      containers: [{ ...container, volumeMounts: [serviceAccountMount] }],
      tolerations: [
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
      volumes: [
        {
          name: 'kube-api-access-7xk2p',
          projected: {
            sources: [
              { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              {
                downwardAPI: {
                  items: [
                    { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    status,
  };
}

export function livenessHttpPod(): Pod {
  return basePod(
    'liveness-http',
    {
      name: 'liveness',
      image: 'registry.k8s.io/e2e-test-images/agnhost:2.40',
      args: ['liveness'],
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
      env: [
        { name: 'MODE', value: 'liveness' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      ],
      livenessProbe: {
        httpGet: {
          path: '/healthz',
          port: 8080,
          scheme: 'HTTP',
          httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }],
        },
        initialDelaySeconds: 3,
        periodSeconds: 3,
        timeoutSeconds: 1,
        successThreshold: 1,
        failureThreshold: 3,
      },
    },
    {
      phase: 'Running',
      hostIP: '10.0.0.1',
      podIP: '10.244.0.7',
      podIPs: [{ ip: '10.244.0.7' }],
      startTime: T(0),
      qosClass: 'BestEffort',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: T(2) },
        { type: 'Initialized', status: 'True', lastTransitionTime: T(0) },
        { type: 'Ready', status: 'True', lastTransitionTime: T(4) },
        { type: 'ContainersReady', status: 'True', lastTransitionTime: T(4) },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: T(0) },
      ],
      containerStatuses: [
        {
          name: 'liveness',
          image: 'registry.k8s.io/e2e-test-images/agnhost:2.40',
          imageID:
            'registry.k8s.io/e2e-test-images/agnhost@sha256:af7e3857d87770ddb40f5ea4f89b5a2709504ab1ee31f9ea4ab5823c045f2146',
          containerID: 'containerd://9b1c2d3e4f5a',
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: T(3) } },
        },
      ],
    },
    { test: 'liveness' },
  );
}

export const livenessHttpEvents: SimEvent[] = [
  {
    t: 0,
    type: 'Normal',
    reason: 'Scheduled',
    object: 'pod/liveness-http',
    message: 'Successfully assigned default/liveness-http to node-1',
    source: 'default-scheduler',
  },
  {
    t: 1000,
    type: 'Normal',
    reason: 'Pulled',
    object: 'pod/liveness-http',
    fieldPath: 'spec.containers{liveness}',
    message: 'Container image "registry.k8s.io/e2e-test-images/agnhost:2.40" already present on machine',
    source: 'kubelet',
  },
  {
    t: 2000,
    type: 'Normal',
    reason: 'Created',
    object: 'pod/liveness-http',
    fieldPath: 'spec.containers{liveness}',
    message: 'Created container: liveness',
    source: 'kubelet',
  },
  {
    t: 3000,
    type: 'Normal',
    reason: 'Started',
    object: 'pod/liveness-http',
    fieldPath: 'spec.containers{liveness}',
    message: 'Started container liveness',
    source: 'kubelet',
  },
  {
    t: 9000,
    type: 'Normal',
    reason: 'Scheduled',
    object: 'pod/other',
    message: 'Successfully assigned default/other to node-1',
    source: 'default-scheduler',
  },
];

/** A busybox container that exits 1 after a second, four restarts in. */
export function crashLoopPod(): Pod {
  return basePod(
    'crashloop',
    {
      name: 'app',
      image: 'busybox:1.36',
      command: ['sh', '-c', 'echo starting; sleep 1; exit 1'],
      resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } },
    },
    {
      phase: 'Running',
      hostIP: '10.0.0.1',
      podIP: '10.244.0.9',
      podIPs: [{ ip: '10.244.0.9' }],
      startTime: T(0),
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True' },
        { type: 'Initialized', status: 'True' },
        {
          type: 'Ready',
          status: 'False',
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [app]',
        },
        {
          type: 'ContainersReady',
          status: 'False',
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [app]',
        },
        { type: 'PodScheduled', status: 'True' },
      ],
      containerStatuses: [
        {
          name: 'app',
          image: 'docker.io/library/busybox:1.36',
          imageID:
            'docker.io/library/busybox@sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7',
          containerID: 'containerd://0aa1bb2cc3dd',
          ready: false,
          started: false,
          restartCount: 4,
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: 'back-off 1m20s restarting failed container=app pod=crashloop_default(5f0c7a1e)',
            },
          },
          lastState: {
            terminated: {
              exitCode: 1,
              reason: 'Error',
              startedAt: T(82),
              finishedAt: T(83),
              containerID: 'containerd://0aa1bb2cc3dd',
            },
          },
        },
      ],
    },
  );
}

const kubelet = (t: number, type: 'Normal' | 'Warning', reason: string, message: string): SimEvent => ({
  t: t * 1000,
  type,
  reason,
  object: 'pod/crashloop',
  fieldPath: 'spec.containers{app}',
  message,
  source: 'kubelet',
});

const starts = [1, 13, 30, 55, 82];
export const crashLoopEvents: SimEvent[] = [
  {
    t: 0,
    type: 'Normal',
    reason: 'Scheduled',
    object: 'pod/crashloop',
    message: 'Successfully assigned default/crashloop to node-1',
    source: 'default-scheduler',
  },
  ...starts.flatMap((s) => [
    kubelet(s, 'Normal', 'Pulled', 'Container image "busybox:1.36" already present on machine'),
    kubelet(s, 'Normal', 'Created', 'Created container: app'),
    kubelet(s, 'Normal', 'Started', 'Started container app'),
  ]),
  ...[3, 4, 15, 16, 33, 58, 84, 95].map((s) =>
    kubelet(
      s,
      'Warning',
      'BackOff',
      'Back-off restarting failed container app in pod crashloop_default(5f0c7a1e)',
    ),
  ),
  kubelet(200, 'Normal', 'Pulled', 'Container image "busybox:1.36" already present on machine'),
];
