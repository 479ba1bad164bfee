/**
 * The benchmark pod: three containers, each with an httpGet liveness and readiness probe, served by
 * custom images that always answer 200. Shared by `npm run bench` (engine) and e2e/perf.spec.ts
 * (the browser's seek and playback budgets).
 */
import type { SimInput } from '../src/engine/input';

export function podYaml(name: string): string {
  const container = (i: number) => `
  - name: web-${i}
    image: example.com/web:${i}
    ports: [{ containerPort: ${8080 + i} }]
    livenessProbe: { httpGet: { path: /healthz, port: ${8080 + i} }, periodSeconds: 10 }
    readinessProbe: { httpGet: { path: /ready, port: ${8080 + i} }, periodSeconds: 5 }`;
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:${[0, 1, 2].map(container).join('')}
`;
}

export const customImages: NonNullable<SimInput['customImages']> = [0, 1, 2].map((i) => ({
  image: `example.com/web:${i}`,
  sizeBytes: 10_000_000,
  onTerm: { exitCode: 0 },
  listen: [{ port: 8080 + i, paths: { '/healthz': [{ fromSeconds: 0, status: 200 }], '/ready': [{ fromSeconds: 0, status: 200 }] } }],
}));
