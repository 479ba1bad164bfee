/**
 * redis-server on 6379 (plain TCP: no HTTP) and redis-cli (`ping` → PONG when a redis listens on
 * the pod's localhost). TERM/INT: redis saves and exits 0.
 */
import type { Program, ProcessContext } from '../../types';
import { MONTHS, later, onceExit, pad, processWith, wallDate } from '../program-kit';

const PORT = 6379;

/** `01 Jan 2025 09:00:00.000`, redis's log stamp. */
function redisStamp(ctx: ProcessContext): string {
  const d = wallDate(ctx);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

export const redisServerProgram: Program = {
  start(_argv, ctx) {
    const exit = onceExit(ctx);
    const log = (role: string, mark: string, text: string) => ctx.log('stdout', `1:${role} ${redisStamp(ctx)} ${mark} ${text}`);
    log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
    log('C', '*', 'Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started');
    log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
    if (ctx.net.bind(PORT, { description: 'redis' }, ctx.containerName) !== 'ok') {
      log('M', '#', 'Warning: Could not create server TCP listening socket *:6379: bind: Address already in use');
      log('M', '#', 'Failed listening on port 6379 (tcp), aborting.');
      later(ctx, () => exit({ exitCode: 1 }));
      return processWith({});
    }
    log('M', '*', 'Running mode=standalone, port=6379.');
    log('M', '*', 'Server initialized');
    log('M', '*', 'Ready to accept connections tcp');
    const shutdown = (name: string) => () => {
      log('signal-handler', '', `Received ${name} scheduling shutdown...`);
      later(ctx, () => {
        log('M', '#', 'User requested shutdown...');
        log('M', '*', 'Saving the final RDB snapshot before exiting.');
        log('M', '*', 'DB saved on disk');
        log('M', '#', 'Redis is now ready to exit, bye bye...');
        exit({ exitCode: 0 });
      }, 100);
    };
    return processWith({ TERM: shutdown('SIGTERM'), INT: shutdown('SIGINT') });
  },
};

export const redisCliProgram: Program = {
  start(argv, ctx) {
    const exit = onceExit(ctx);
    const args = argv.slice(1).filter((a, i, all) => !a.startsWith('-') && !(all[i - 1] ?? '').match(/^-[hp]$/));
    const up = ctx.net.listener(PORT)?.description === 'redis';
    later(ctx, () => {
      if (!up) {
        ctx.log('stderr', `Could not connect to Redis at 127.0.0.1:${PORT}: Connection refused`);
        exit({ exitCode: 1 });
        return;
      }
      const command = (args[0] ?? 'ping').toLowerCase();
      ctx.log('stdout', command === 'ping' ? 'PONG' : `(error) ERR unknown command '${args[0]}'`);
      exit({ exitCode: 0 });
    });
    return processWith({});
  },
};

/** The redis image's docker-entrypoint.sh: `-x` or `x.conf` as first argument means redis-server. */
export function redisRewrite(args: string[]): string[] {
  const first = args[0] ?? '';
  return first.startsWith('-') || first.endsWith('.conf') ? ['redis-server', ...args] : args;
}
