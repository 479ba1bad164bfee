/**
 * agnhost (kubernetes/kubernetes test/images/agnhost), the e2e test image; argv[1] picks the mode:
 * - liveness (liveness/server.go): :8080, /healthz 200 "ok" while time.Since(started) <= 10 s,
 *   then 500 "error: <seconds>"; /started; /redirect?loc= (302).
 * - netexec (netexec/netexec.go): --http-port (8080): /, /clientip, /echo?msg=&code=, /exit?code=,
 *   /healthz, /hostname, /redirect?location=&code=, /shutdown.
 * - serve-hostname: answers the hostname on --port (9376).
 * - pause: sleeps until INT/TERM, then exits 0.
 * Go's default signal handling applies to the HTTP modes (see goDefaultSignals).
 */
import type { HttpRequest, HttpResponse, Listener, Process, Program, ProcessContext } from '../../types';
import { flag, goDefaultSignals, later, onceExit, processWith, secondsSince, splitPath, wallDate } from '../program-kit';

type Exit = ReturnType<typeof onceExit>;

function serveHttp(ctx: ProcessContext, port: number, listener: Listener, exit: Exit): void {
  if (ctx.net.bind(port, listener, ctx.containerName) !== 'ok') {
    ctx.log('stderr', `listen tcp :${port}: bind: address already in use`);
    later(ctx, () => exit({ exitCode: 1 }));
  }
}

function livenessHandler(ctx: ProcessContext, startedAt: number): (request: HttpRequest) => HttpResponse {
  return (request) => {
    const { pathname, query } = splitPath(request.path);
    const elapsed = secondsSince(ctx, startedAt);
    if (pathname === '/healthz') {
      return elapsed > 10 ? { status: 500, body: `error: ${elapsed}` } : { status: 200, body: 'ok' };
    }
    if (pathname === '/started') return { status: 200, body: `${elapsed}s` };
    if (pathname === '/redirect') return { status: 302, headers: { Location: query.loc ?? '' }, body: '' };
    return { status: 404, body: '404 page not found\n' };
  };
}

function netexecHandler(ctx: ProcessContext, exit: Exit): (request: HttpRequest) => HttpResponse {
  return (request) => {
    const { pathname, query } = splitPath(request.path);
    ctx.log('stderr', `${goLogStamp(ctx)} GET ${pathname}`);
    switch (pathname) {
      case '/':
        return { status: 200, body: `NOW: ${wallDate(ctx).toISOString()}` };
      case '/clientip':
        return { status: 200, body: '10.244.0.1:41234' };
      case '/echo':
        return { status: query.code ? Number(query.code) || 200 : 200, body: query.msg ?? '' };
      case '/healthz':
        return { status: 200 };
      case '/hostname':
      case '/hostName':
        return { status: 200, body: ctx.hostname };
      case '/redirect':
        return { status: query.code ? Number(query.code) || 302 : 302, headers: { Location: query.location ?? '' } };
      case '/exit':
      case '/shutdown': {
        const code = pathname === '/exit' ? Number(query.code ?? '0') || 0 : 0;
        later(ctx, () => exit({ exitCode: code }));
        return { status: 200, body: '' };
      }
      default:
        return { status: 404, body: '404 page not found\n' };
    }
  };
}

/** `2025/01/01 09:00:00`, as Go's log package stamps lines. */
function goLogStamp(ctx: ProcessContext): string {
  return wallDate(ctx).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
}

export function startAgnhostMode(mode: string | undefined, flags: string[], ctx: ProcessContext): Process {
  const exit = onceExit(ctx);
  const startedAt = ctx.timers.now();
  switch (mode) {
    case 'liveness':
      serveHttp(ctx, 8080, { description: 'agnhost liveness', http: livenessHandler(ctx, startedAt) }, exit);
      return processWith(goDefaultSignals(exit));
    case 'netexec': {
      const port = Number(flag(flags, 'http-port') ?? '8080') || 8080;
      ctx.log('stderr', `${goLogStamp(ctx)} Started HTTP server on port ${port}`);
      ctx.log('stderr', `${goLogStamp(ctx)} Started UDP server on port  8081`);
      serveHttp(ctx, port, { description: 'agnhost netexec', http: netexecHandler(ctx, exit) }, exit);
      return processWith(goDefaultSignals(exit));
    }
    case 'serve-hostname': {
      const port = Number(flag(flags, 'port') ?? '9376') || 9376;
      ctx.log('stderr', `${goLogStamp(ctx)} Serving on port ${port}.`);
      serveHttp(ctx, port, { description: 'agnhost serve-hostname', http: () => ({ status: 200, body: ctx.hostname }) }, exit);
      const stop = () => {
        ctx.log('stderr', `${goLogStamp(ctx)} Received SIGTERM, exiting`);
        later(ctx, () => exit({ exitCode: 0 }));
      };
      return processWith({ TERM: stop, INT: stop });
    }
    case 'pause': {
      ctx.log('stdout', 'Paused');
      const stop = (name: string) => () => {
        ctx.log('stdout', `Shutting down after receiving signal: ${name}.`);
        later(ctx, () => exit({ exitCode: 0 }));
      };
      return processWith({ TERM: stop('terminated'), INT: stop('interrupt') });
    }
    case undefined:
      ctx.log('stdout', 'Usage:\n  app [command]');
      later(ctx, () => exit({ exitCode: 0 }));
      return processWith({});
    default:
      ctx.log('stderr', `Error: unknown command "${mode}" for "app"`);
      ctx.log('stderr', `Run 'app --help' for usage.`);
      later(ctx, () => exit({ exitCode: 1 }));
      return processWith({});
  }
}

/** `/agnhost <mode> [flags]`. */
export const agnhostProgram: Program = {
  start: (argv, ctx) => startAgnhostMode(argv[1], argv.slice(2), ctx),
};

/** registry.k8s.io/liveness: the old single-purpose image, `/server` is agnhost liveness. */
export const livenessServerProgram: Program = {
  start: (argv, ctx) => startAgnhostMode('liveness', argv.slice(1), ctx),
};
