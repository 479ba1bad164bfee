/**
 * redis-server's configuration: the file named as its first argument (`redis-server /path/redis.conf`),
 * then `--name value` options, over the built-in defaults; what `CONFIG GET` answers. Values are
 * kept as CONFIG GET prints them (memory sizes in bytes: `maxmemory 2mb` reads back as 2097152).
 */

/** The defaults CONFIG GET shows for the directives the docs' examples use (redis.conf of 7.x). */
const DEFAULTS: ReadonlyArray<[string, string]> = [
  ['maxmemory', '0'],
  ['maxmemory-policy', 'noeviction'],
  ['maxmemory-samples', '5'],
  ['port', '6379'],
  ['bind', '* -::*'],
  ['protected-mode', 'no'],
  ['databases', '16'],
  ['save', '3600 1 300 100 60 10000'],
  ['appendonly', 'no'],
  ['dir', '/data'],
  ['requirepass', ''],
  ['loglevel', 'notice'],
  ['timeout', '0'],
  ['tcp-keepalive', '300'],
];

const POLICIES = new Set(['volatile-lru', 'allkeys-lru', 'volatile-lfu', 'allkeys-lfu', 'volatile-random', 'allkeys-random', 'volatile-ttl', 'noeviction']);

/** Directives whose value is a memory size (util.c memtoll units). */
const MEMORY = new Set(['maxmemory']);

/** redis's memtoll: `1k` = 1000, `1kb` = 1024, likewise m/mb, g/gb; undefined when it does not parse. */
export function memtoll(text: string): number | undefined {
  const m = /^(\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult: Record<string, number> = { b: 1, k: 1000, kb: 1024, m: 1000 ** 2, mb: 1024 ** 2, g: 1000 ** 3, gb: 1024 ** 3 };
  return Number(m[1]) * mult[unit];
}

export type RedisConfig = Map<string, string>;

export function defaultConfig(): RedisConfig {
  return new Map(DEFAULTS);
}

/** Why a directive's value is refused (config.c wording), or undefined when it is fine. */
function invalid(name: string, value: string): string | undefined {
  if (MEMORY.has(name) && memtoll(value) === undefined) return `argument must be a memory value`;
  if (name === 'maxmemory-policy' && !POLICIES.has(value.toLowerCase())) return `argument(s) must be one of the following: ${[...POLICIES].join(', ')}`;
  return undefined;
}

/** Set `name` (lower-cased) to `value`, normalised as CONFIG GET prints it; the error text when refused. */
export function setDirective(config: RedisConfig, name: string, value: string): string | undefined {
  const key = name.toLowerCase();
  const why = invalid(key, value);
  if (why) return why;
  config.set(key, MEMORY.has(key) ? String(memtoll(value)) : value);
  return undefined;
}

export type LoadResult = { ok: true; config: RedisConfig } | { ok: false; lines: string[] };

/**
 * Config file text (lines of `directive args...`, `#` comments) plus `--name value` options. A bad
 * line fails as redis does: FATAL CONFIG FILE ERROR with the line number and text.
 */
export function loadConfig(text: string, options: string[], version: string): LoadResult {
  const config = defaultConfig();
  const fatal = (n: number, line: string, why: string): LoadResult => ({
    ok: false,
    lines: ['', `*** FATAL CONFIG FILE ERROR (Redis ${version}) ***`, `Reading the configuration file, at line ${n}`, `>>> '${line}'`, why],
  });
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const [name, ...args] = line.split(/\s+/);
    if (args.length === 0) return fatal(i + 1, line, 'wrong number of arguments');
    const why = setDirective(config, name, args.join(' '));
    if (why) return fatal(i + 1, line, why);
  }
  // Command-line options are appended to the file's text by redis (as if more lines).
  for (let i = 0; i < options.length; i++) {
    const name = options[i].replace(/^--/, '');
    const values: string[] = [];
    while (i + 1 < options.length && !options[i + 1].startsWith('--')) values.push(options[++i]);
    const why = setDirective(config, name, values.join(' '));
    if (why) return fatal(lines.length + 1, `${name} ${values.join(' ')}`, why);
  }
  return { ok: true, config };
}

/** CONFIG GET pattern (glob, case-insensitive): name, value pairs. */
export function configGet(config: RedisConfig, patterns: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const pattern of patterns) {
    const re = new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    for (const [name, value] of config) {
      if (!re.test(name) || seen.has(name)) continue;
      seen.add(name);
      out.push(name, value);
    }
  }
  return out;
}
