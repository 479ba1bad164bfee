/**
 * A starter that is a whole scenario: a ReplicaSet of nginx behind a Service, a client sending it
 * 5 requests a second, scaled up at 60 s (new Pods get requests only once their readiness probe
 * passes) and down at 150 s (terminating Pods get no new requests).
 */
import type { SimAction, TrafficSource } from '../engine/input';

const MANIFEST = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: nginx
        image: nginx:1.29
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet: { path: /, port: 80 }
          periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
  - port: 80
    targetPort: 80
`;

const TRAFFIC: TrafficSource[] = [{ name: 'shop-frontend', service: 'web', ratePerSecond: 5 }];
const ACTIONS: SimAction[] = [
  { at: 60, kind: 'scale', replicaSet: 'web', replicas: 5 },
  { at: 150, kind: 'scale', replicaSet: 'web', replicas: 2 },
];

export const SERVICE_TRAFFIC = {
  id: 'traffic/service',
  label: 'traffic / a Service with 5 requests a second',
  fileName: 'web.yaml',
  load: () => Promise.resolve(MANIFEST),
  traffic: TRAFFIC,
  actions: ACTIONS,
};
