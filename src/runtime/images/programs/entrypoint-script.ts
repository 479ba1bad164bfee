/**
 * An image's docker-entrypoint.sh: it prints what it prepares, then `exec "$@"` replaces itself
 * with the program named by its arguments (found among the image's programs, then the shell's).
 */
import type { Process, Program, ProcessContext } from '../../types';
import { later, onceExit, processWith, type ProgramResolver } from '../program-kit';

export interface EntrypointScript {
  /** Path of the script, as it names itself in messages. */
  path: string;
  /** Rewrites the arguments before exec (redis: `-x` → `redis-server -x`). */
  rewrite?: (args: string[]) => string[];
  /** Lines printed before exec when the arguments are the image's main program. */
  prelude?: (args: string[], ctx: ProcessContext) => void;
}

export function entrypointScript(script: EntrypointScript, resolve: () => ProgramResolver): Program {
  return {
    start(argv: string[], ctx: ProcessContext): Process {
      const args = script.rewrite ? script.rewrite(argv.slice(1)) : argv.slice(1);
      if (args.length === 0) {
        const exit = onceExit(ctx);
        later(ctx, () => exit({ exitCode: 0 }));
        return processWith({});
      }
      const program = resolve()(args[0]);
      if (!program) {
        const exit = onceExit(ctx);
        ctx.log('stderr', `${script.path}: exec: line 47: ${args[0]}: not found`);
        later(ctx, () => exit({ exitCode: 127 }));
        return processWith({});
      }
      script.prelude?.(args, ctx);
      return program.start(args, ctx);
    },
  };
}

/** What the official nginx image's entrypoint prints before starting nginx. */
export function nginxEntrypointPrelude(args: string[], ctx: ProcessContext): void {
  if (args[0] !== 'nginx' && args[0] !== 'nginx-debug') return;
  const me = '/docker-entrypoint.sh';
  for (const line of [
    `${me}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`,
    `${me}: Looking for shell scripts in /docker-entrypoint.d/`,
    `${me}: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh`,
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
    `${me}: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh`,
    `${me}: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh`,
    `${me}: Launching /docker-entrypoint.d/30-tune-worker-processes.sh`,
    `${me}: Configuration complete; ready for start up`,
  ])
    ctx.log('stdout', line);
}
