/**
 * redis-server on 6379 (plain TCP: no HTTP), configured from the file named as its first argument
 * (the docs' ConfigMap example), and redis-cli (PING, ECHO, CONFIG GET/SET, SET/GET/DEL, DBSIZE)
 * against a redis on the pod's localhost. TERM/INT: redis saves and exits 0.
 */
import { normalizePath } from '../../fs';
import type { Listener, Program, ProcessContext } from '../../types';
import { MONTHS, later, onceExit, pad, processWith, wallDate } from '../program-kit';
import { configGet, loadConfig, setDirective, type RedisConfig } from './redis-config';

const PORT = 6379;
const VERSION = '7.4.1';

/** A running server's state, found by redis-cli through the listener it bound. */
interface Server {
  config: RedisConfig;
  data: Map<string, string>;
}
const servers = new WeakMap<Listener, Server>();
/** `01 Jan 2025 09:00:00.000`, redis's log stamp. */
function redisStamp(ctx: ProcessContext): string {
  const d = wallDate(ctx);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

export const redisServerProgram: Program = {
  start(argv, ctx) {
    const exit = onceExit(ctx);
    const log = (role: string, mark: string, text: string) => ctx.log('stdout', `1:${role} ${redisStamp(ctx)} ${mark} ${text}`);
    const fail = () => {
      later(ctx, () => exit({ exitCode: 1 }));
      return processWith({});
    };
    const args = argv.slice(1);
    // `redis-server [/path/to/redis.conf] [--name value ...]` (server.c main, config.c loadServerConfig).
    const file = args[0] !== undefined && !args[0].startsWith('--') ? args[0] : undefined;
    let text = '';
    if (file !== undefined) {
      const read = file === '-' ? '' : ctx.fs.read(normalizePath(file, ctx.env.PWD ?? '/'));
      if (read === undefined) {
        log('C', '#', `Fatal error, can't open config file '${file}': No such file or directory`);
        return fail();
      }
      text = read;
    }
    const loaded = loadConfig(text, file !== undefined ? args.slice(1) : args, VERSION);
    if (!loaded.ok) {
      for (const line of loaded.lines) ctx.log('stderr', line);
      return fail();
    }
    log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
    log('C', '*', `Redis version=${VERSION}, bits=64, commit=00000000, modified=0, pid=1, just started`);
    if (args.length === 0) log('C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf');
    else log('C', '*', 'Configuration loaded');
    const listener: Listener = { description: 'redis' };
    if (ctx.net.bind(PORT, listener, ctx.containerName) !== 'ok') {
      log('M', '#', 'Warning: Could not create server TCP listening socket *:6379: bind: Address already in use');
      log('M', '#', 'Failed listening on port 6379 (tcp), aborting.');
      return fail();
    }
    servers.set(listener, { config: loaded.config, data: new Map() });
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

type Reply = { kind: 'status' | 'bulk' | 'error'; text: string } | { kind: 'int'; value: number } | { kind: 'nil' } | { kind: 'array'; items: string[] };

const ok: Reply = { kind: 'status', text: 'OK' };

function wrongArgs(command: string): Reply {
  return { kind: 'error', text: `ERR wrong number of arguments for '${command.toLowerCase()}' command` };
}

/** What the server answers to one command. */
function answer(server: Server, words: string[]): Reply {
  const [command = '', ...args] = words;
  switch (command.toUpperCase()) {
    case 'PING':
      return args.length ? { kind: 'bulk', text: args[0] } : { kind: 'status', text: 'PONG' };
    case 'ECHO':
      return args.length === 1 ? { kind: 'bulk', text: args[0] } : wrongArgs(command);
    case 'CONFIG': {
      const sub = (args[0] ?? '').toUpperCase();
      if (sub === 'GET' && args.length >= 2) return { kind: 'array', items: configGet(server.config, args.slice(1)) };
      if (sub === 'SET' && args.length >= 3 && args.length % 2 === 1) {
        for (let i = 1; i < args.length; i += 2) {
          const why = setDirective(server.config, args[i], args[i + 1]);
          if (why) return { kind: 'error', text: `ERR CONFIG SET failed (possibly related to argument '${args[i]}') - ${why}` };
        }
        return ok;
      }
      return { kind: 'error', text: `ERR unknown subcommand or wrong number of arguments for '${args[0] ?? ''}'. Try CONFIG HELP.` };
    }
    case 'SET':
      if (args.length < 2) return wrongArgs(command);
      server.data.set(args[0], args[1]);
      return ok;
    case 'GET': {
      if (args.length !== 1) return wrongArgs(command);
      const value = server.data.get(args[0]);
      return value === undefined ? { kind: 'nil' } : { kind: 'bulk', text: value };
    }
    case 'DEL':
      return { kind: 'int', value: args.filter((k) => server.data.delete(k)).length };
    case 'DBSIZE':
      return { kind: 'int', value: server.data.size };
    default:
      return { kind: 'error', text: `ERR unknown command '${command}', with args beginning with: ${args.map((a) => `'${a}' `).join('')}` };
  }
}

/**
 * redis-cli prints raw replies when stdout is not a terminal (an exec without -t, a probe) and the
 * `1) "maxmemory"` form on a terminal; `--no-raw` forces the latter, `--raw` the former.
 */
function format(reply: Reply, raw: boolean): string[] {
  switch (reply.kind) {
    case 'status':
      return [reply.text];
    case 'bulk':
      return [raw ? reply.text : `"${reply.text}"`];
    case 'error':
      return [raw ? reply.text : `(error) ${reply.text}`];
    case 'int':
      return [raw ? String(reply.value) : `(integer) ${reply.value}`];
    case 'nil':
      return [raw ? '' : '(nil)'];
    case 'array':
      if (raw) return reply.items;
      return reply.items.length ? reply.items.map((item, i) => `${i + 1}) "${item}"`) : ['(empty array)'];
  }
}

export const redisCliProgram: Program = {
  start(argv, ctx) {
    const exit = onceExit(ctx);
    let raw = true;
    let port = PORT;
    const words: string[] = [];
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--raw') raw = true;
      else if (a === '--no-raw') raw = false;
      else if (a === '-p') port = Number(argv[++i]);
      else if (a === '-h' || a === '-n' || a === '-a') i++;
      else words.push(a);
    }
    const listener = ctx.net.listener(port);
    const server = listener ? servers.get(listener) : undefined;
    later(ctx, () => {
      if (!server) {
        ctx.log('stderr', `Could not connect to Redis at 127.0.0.1:${port}: Connection refused`);
        exit({ exitCode: 1 });
        return;
      }
      // Without a command redis-cli reads commands from stdin, which an exec without -i does not have.
      if (words.length > 0) for (const line of format(answer(server, words), raw)) ctx.log('stdout', line);
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
