/**
 * `npm run bench` (second part): a cluster. 10 nodes, a 100-replica Deployment behind a Service,
 * rolled out, then updated to a new image at 5 min (a rolling update, 25% surge / 25% unavailable),
 * simulated for 30 minutes of virtual time. Prints the wall time and the heap one trace holds.
 * Target (issue: beyond one Pod): under 2 s of wall time.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_NODE, simulate, type NodeSettings, type SimAction, type SimInput } from '../src/engine';

const KIND = process.env.PODPLAY_BENCH_WORKLOAD ?? 'Deployment';

const manifest = `apiVersion: apps/v1
kind: ${KIND}
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

const nodes: NodeSettings[] = Array.from({ length: 10 }, (_, i) => ({
  ...DEFAULT_NODE,
  name: `node-${i + 1}`,
  capacity: { cpu: '8', memory: '32Gi', pods: '110' },
  labels: { 'kubernetes.io/hostname': `node-${i + 1}`, 'kubernetes.io/os': 'linux' },
  cachedImages: ['nginx:1.27'],
}));

const actions: SimAction[] = KIND === 'Deployment' ? [{ at: 300, kind: 'setImage', deployment: 'web', container: 'web', image: 'nginx:1.28' }] : [];
const input: SimInput = { manifest, node: nodes[0], nodes, actions, seed: 1 };
const UNTIL = 30 * 60_000;

export function clusterBench(): void {
  const times: number[] = [];
  const cpu: number[] = [];
  let frames = 0;
  let pods = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const r = simulate(input, { until: UNTIL });
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    frames = r.trace.frames.length;
    pods = new Set(r.trace.frames.flatMap((f) => f.pods.map((p) => p.metadata?.name))).size;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(
    `10 nodes, ${KIND} of 100 replicas rolled out then updated at 5 min, 30 min virtual: median ${(times[1] / 1000).toFixed(2)} s over 3 runs (min ${(times[0] / 1000).toFixed(2)}, max ${(times[2] / 1000).toFixed(2)}); CPU ${(cpu[1] / 1000).toFixed(2)} s; ${pods} pods, ${frames} frames (target < 2 s wall): ${times[1] < 2000 ? 'met' : 'not met'}`,
  );
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const held = simulate(input, { until: UNTIL });
    gc();
    const after = process.memoryUsage().heapUsed;
    console.log(`  → heap held by that trace: ${Math.round((after - before) / 1024 / 1024)} MiB (${held.ok ? held.trace.frames.length : 0} frames)`);
  }
}

clusterBench();
