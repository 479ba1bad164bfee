/**
 * redis-server reads the config file named as its first argument (tutorials/configuration/
 * configure-redis-using-configmap.md) and redis-cli answers CONFIG GET from it, raw without a
 * terminal and `1) "maxmemory"` with --no-raw (what the page shows under `kubectl exec -it`).
 */
import { describe, expect, it } from 'vitest';
import { setup } from '../../testing/fixtures';
import type { ExecResult, ExitStatus } from '../../types';
import { memtoll } from './redis-config';

function redis(conf: string | undefined, args = ['/usr/local/etc/redis/redis.conf']) {
  const s = setup({ realShell: true, sandbox: { volumes: conf === undefined ? {} : { config: { kind: 'configMap', files: { 'redis.conf': conf } } } } });
  const c = s.sandbox.createContainer(
    s.container('redis', 'redis:5', { args, mounts: conf === undefined ? [] : [{ volume: 'config', mountPath: '/usr/local/etc/redis', readOnly: false }] }),
  );
  const exits: ExitStatus[] = [];
  c.start((e) => exits.push(e));
  s.clock.advance(10);
  const exec = (argv: string[]): ExecResult | undefined => {
    let result: ExecResult | undefined;
    c.exec(argv, 1000, (r) => (result = r));
    s.clock.advance(10);
    return result;
  };
  return { c, exits, exec };
}

describe('redis-server configuration file', () => {
  it.each([
    ['the docs ConfigMap (maxmemory 2mb, allkeys-lru)', 'maxmemory 2mb\nmaxmemory-policy allkeys-lru\n', 'maxmemory\n2097152\n', 'maxmemory-policy\nallkeys-lru\n'],
    ['an empty redis-config key: the defaults', '', 'maxmemory\n0\n', 'maxmemory-policy\nnoeviction\n'],
    ['comments and blank lines are skipped; 100kb is 102400', '# limits\n\nmaxmemory 100kb\n', 'maxmemory\n102400\n', 'maxmemory-policy\nnoeviction\n'],
  ])('%s', (_, conf, maxmemory, policy) => {
    const r = redis(conf);
    expect(r.exits).toEqual([]);
    expect(r.c.logs().map((l) => l.text)).toContainEqual(expect.stringMatching(/\* Configuration loaded$/));
    expect(r.exec(['redis-cli', 'CONFIG', 'GET', 'maxmemory'])).toEqual({ exitCode: 0, output: maxmemory });
    expect(r.exec(['redis-cli', 'CONFIG', 'GET', 'maxmemory-policy'])).toEqual({ exitCode: 0, output: policy });
  });

  it('redis-cli --no-raw prints the page\'s 1) "maxmemory" 2) "2097152"', () => {
    const r = redis('maxmemory 2mb\n');
    expect(r.exec(['redis-cli', '--no-raw', 'CONFIG', 'GET', 'maxmemory'])?.output).toBe('1) "maxmemory"\n2) "2097152"\n');
  });

  it('a shell in the container finds redis-cli on its PATH (sh -c, as an exec probe runs it)', () => {
    const r = redis('maxmemory 2mb\n');
    expect(r.exec(['sh', '-c', 'test "$(redis-cli CONFIG GET maxmemory | tail -n 1)" = 2097152 && redis-cli ping'])).toEqual({ exitCode: 0, output: 'PONG\n' });
  });

  it('CONFIG SET changes what CONFIG GET answers (until the server restarts)', () => {
    const r = redis('');
    expect(r.exec(['redis-cli', 'CONFIG', 'SET', 'maxmemory', '1mb'])?.output).toBe('OK\n');
    expect(r.exec(['redis-cli', 'CONFIG', 'GET', 'maxmemory'])?.output).toBe('maxmemory\n1048576\n');
  });

  it.each([
    ['a missing config file', undefined, /Fatal error, can't open config file '\/usr\/local\/etc\/redis\/redis.conf': No such file or directory/],
    ['a bad value', 'maxmemory lots\n', /^>>> 'maxmemory lots'$/],
  ])('%s: redis exits 1 and says why', (_, conf, message) => {
    const r = redis(conf);
    expect(r.exits).toEqual([{ exitCode: 1 }]);
    expect(r.c.logs().map((l) => l.text)).toContainEqual(expect.stringMatching(message));
  });

  it.each([
    ['2mb', 2_097_152],
    ['2m', 2_000_000],
    ['1gb', 1_073_741_824],
    ['512', 512],
    ['x', undefined],
  ])('memtoll(%s) = %s', (text, value) => expect(memtoll(text)).toBe(value));
});

describe('"The configuration values do not grab updated values from the associated ConfigMaps until you restart the Pod"', () => {
  it('redis reads its config file only when it starts: an updated file shows after the container is recreated', () => {
    const s = setup({ realShell: true, sandbox: { volumes: { config: { kind: 'emptyDir' } } } });
    const config = s.container('redis', 'redis:5', { args: ['/usr/local/etc/redis/redis.conf'], mounts: [{ volume: 'config', mountPath: '/usr/local/etc/redis', readOnly: false }] });
    s.sandbox.volume('config')?.write('/redis.conf', '');
    const first = s.sandbox.createContainer(config);
    first.start(() => undefined);
    s.clock.advance(10);
    const get = (c: typeof first) => {
      let out = '';
      c.exec(['redis-cli', 'CONFIG', 'GET', 'maxmemory'], 1000, (r) => (out = r.output));
      s.clock.advance(10);
      return out;
    };
    s.sandbox.volume('config')?.write('/redis.conf', 'maxmemory 2mb\nmaxmemory-policy allkeys-lru\n');
    expect(get(first)).toBe('maxmemory\n0\n');
    const second = s.sandbox.createContainer(config);
    second.start(() => undefined);
    s.clock.advance(10);
    expect(get(second)).toBe('maxmemory\n2097152\n');
  });
});
