/**
 * The large-cluster scenario: 10 nodes, a 100-replica workload behind a Service, its image updated
 * at 5 min (a Deployment's rolling update, 25% surge / 25% unavailable), 30 minutes of virtual time.
 * Shared by `npm run bench` (the engine's time, bench/cluster.ts) and e2e/large-cluster.spec.ts
 * (the browser's seeks through it).
 */
import type { NodeSettings, SimAction } from '../src/engine/input';

export const HUNDRED_REPLICAS_UNTIL_S = 30 * 60;

export function hundredReplicasManifest(kind = 'Deployment'): string {
  return `apiVersion: apps/v1
kind: ${kind}
metadata: { name: web }
spec:
  replicas: 100
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{ containerPort: 80 }]
        resources: { requests: { cpu: 100m, memory: 64Mi } }
        readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 10 }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`;
}

export const TEN_NODES: NodeSettings[] = Array.from({ length: 10 }, (_, i) => ({
  name: `node-${i + 1}`,
  capacity: { cpu: '8', memory: '32Gi', pods: '110' },
  labels: { 'kubernetes.io/hostname': `node-${i + 1}`, 'kubernetes.io/os': 'linux' },
  cachedImages: ['nginx:1.27'],
  pullBytesPerSecond: 20 * 1024 * 1024,
}));

/** The Deployment's rollout; other kinds run without it. */
export function hundredReplicasActions(kind = 'Deployment'): SimAction[] {
  return kind === 'Deployment' ? [{ at: 300, kind: 'setImage', deployment: 'web', container: 'web', image: 'nginx:1.28' }] : [];
}
