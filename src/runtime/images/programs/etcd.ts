/**
 * etcd (registry.k8s.io/etcd, the docs' gRPC liveness example): serves clients on the ports of
 * `--listen-client-urls` (default http://localhost:2379) with the gRPC health service
 * (grpc.health.v1, server/etcdserver/api/v3rpc/grpc.go: health.NewServer, "" is SERVING) and the
 * HTTP endpoints /health and /version on the same port; peers on `--listen-peer-urls` (2380).
 * Logs are zap JSON lines on stderr. On TERM or INT, osutil.HandleInterrupts logs
 * "received signal; shutting down" and, being PID 1, exits 0 (client/pkg/osutil/interrupt_unix.go).
 */
import type { Listener, Program, ProcessContext } from '../../types';
import { flag, later, onceExit, processWith, splitPath, wallDate } from '../program-kit';

const VERSION = '3.5.1';

/** The ports of a comma-separated URL list (`http://0.0.0.0:2379,http://[::]:4001`). */
export function urlPorts(urls: string | undefined, fallback: number): number[] {
  if (!urls) return [fallback];
  const ports = urls
    .split(',')
    .map((u) => /:(\d+)\/?$/.exec(u.trim())?.[1])
    .filter((p): p is string => p !== undefined)
    .map(Number);
  return ports.length > 0 ? ports : [fallback];
}

function zap(ctx: ProcessContext, level: string, caller: string, msg: string, fields: Record<string, unknown> = {}): void {
  ctx.log('stderr', JSON.stringify({ level, ts: wallDate(ctx).toISOString(), caller, msg, ...fields }));
}

function clientListener(): Listener {
  return {
    description: 'etcd client (gRPC health SERVING, /health)',
    grpc: () => ({ status: 'SERVING' }),
    http: (request) => {
      const { pathname } = splitPath(request.path);
      if (pathname === '/health') return { status: 200, body: '{"health":"true","reason":""}' };
      if (pathname === '/version') return { status: 200, body: `{"etcdserver":"${VERSION}","etcdcluster":"3.5.0"}` };
      return { status: 404, body: '404 page not found\n' };
    },
  };
}

export const etcdProgram: Program = {
  start(argv, ctx) {
    const exit = onceExit(ctx);
    const args = argv.slice(1);
    zap(ctx, 'info', 'etcdmain/etcd.go:72', 'Running: ', { args: argv });
    zap(ctx, 'info', 'embed/etcd.go:131', 'configuring peer listeners', { 'listen-peer-urls': [flag(args, 'listen-peer-urls') ?? 'http://localhost:2380'] });
    zap(ctx, 'info', 'embed/etcd.go:139', 'configuring client listeners', { 'listen-client-urls': [flag(args, 'listen-client-urls') ?? 'http://localhost:2379'] });
    const wanted: Array<[number, Listener]> = [
      ...urlPorts(flag(args, 'listen-peer-urls'), 2380).map((p): [number, Listener] => [p, { description: 'etcd peer' }]),
      ...urlPorts(flag(args, 'listen-client-urls'), 2379).map((p): [number, Listener] => [p, clientListener()]),
    ];
    for (const [port, listener] of wanted) {
      if (ctx.net.bind(port, listener, ctx.containerName) !== 'ok') {
        zap(ctx, 'fatal', 'etcdmain/etcd.go:204', 'discovery failed', { error: `listen tcp :${port}: bind: address already in use` });
        later(ctx, () => exit({ exitCode: 1 }));
        return processWith({});
      }
    }
    zap(ctx, 'info', 'etcdserver/server.go:2027', 'published local member to cluster through raft', { 'cluster-id': 'cdf818194e3a8c32' });
    zap(ctx, 'info', 'embed/serve.go:98', 'ready to serve client requests');
    const stop = (name: string) => () => {
      zap(ctx, 'info', 'osutil/interrupt_unix.go:64', 'received signal; shutting down', { signal: name });
      later(ctx, () => exit({ exitCode: 0 }));
    };
    return processWith({ TERM: stop('terminated'), INT: stop('interrupt') });
  },
};
