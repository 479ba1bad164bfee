/**
 * registry.k8s.io/goproxy:0.1, the docs' tcpSocket probe example: an HTTP proxy on :8080
 * (elazarl/goproxy). A plain (non-proxy) request gets 500 "This is a proxy server. Does not
 * respond to non-proxy requests." A Go binary: TERM ends it with status 2 as PID 1.
 */
import type { Program } from '../../types';
import { goDefaultSignals, later, onceExit, processWith } from '../program-kit';

export const goproxyProgram: Program = {
  start(_argv, ctx) {
    const exit = onceExit(ctx);
    const bound = ctx.net.bind(
      8080,
      {
        description: 'goproxy',
        http: () => ({ status: 500, body: 'This is a proxy server. Does not respond to non-proxy requests.\n' }),
      },
      ctx.containerName,
    );
    if (bound !== 'ok') {
      ctx.log('stderr', 'listen tcp :8080: bind: address already in use');
      later(ctx, () => exit({ exitCode: 1 }));
    }
    return processWith(goDefaultSignals(exit));
  },
};
