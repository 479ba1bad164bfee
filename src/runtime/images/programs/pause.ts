/**
 * registry.k8s.io/pause (build/pause/linux/pause.c): sleeps forever; SIGINT and SIGTERM run
 * `sigdown`, which prints "Shutting down, got signal" (via psignal) and exits 0.
 */
import type { Program } from '../../types';
import { later, onceExit, processWith } from '../program-kit';

export const pauseProgram: Program = {
  start(_argv, ctx) {
    const exit = onceExit(ctx);
    const down = (name: string) => () => {
      ctx.log('stderr', `Shutting down, got signal: ${name}`);
      later(ctx, () => exit({ exitCode: 0 }));
    };
    return processWith({ INT: down('Interrupt'), TERM: down('Terminated') });
  },
};
