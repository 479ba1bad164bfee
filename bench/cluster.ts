/**
 * `npm run bench` (second part): a cluster. 10 nodes, a 100-replica Deployment behind a Service,
 * rolled out, then updated to a new image at 5 min (a rolling update, 25% surge / 25% unavailable),
 * simulated for 30 minutes of virtual time. Prints the wall time and the heap one trace holds.
 * Target (issue: beyond one Pod): under 2 s of wall time.
 */
import { performance } from 'node:perf_hooks';
import { simulate, type SimInput } from '../src/engine';
import { HUNDRED_REPLICAS_UNTIL_S, hundredReplicasActions, hundredReplicasManifest, TEN_NODES } from './hundred-replicas';

const KIND = process.env.PODPLAY_BENCH_WORKLOAD ?? 'Deployment';
const nodes = TEN_NODES;
const input: SimInput = { manifest: hundredReplicasManifest(KIND), node: nodes[0], nodes, actions: hundredReplicasActions(KIND), seed: 1 };
const UNTIL = HUNDRED_REPLICAS_UNTIL_S * 1000;

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
