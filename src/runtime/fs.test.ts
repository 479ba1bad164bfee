import { describe, expect, it } from 'vitest';
import { createMemoryFs, normalizePath, readOnlyFs } from './fs';

describe('normalizePath', () => {
  it.each([
    ['/a/b/../c', '/', '/a/c'],
    ['x/./y/', '/tmp', '/tmp/x/y'],
    ['..', '/', '/'],
    ['/', '/tmp', '/'],
  ])('%s from %s is %s', (path, cwd, expected) => {
    expect(normalizePath(path, cwd)).toBe(expected);
  });
});

describe('createMemoryFs', () => {
  const image = () =>
    createMemoryFs({ files: { '/etc/hostname': 'pod\n', '/usr/share/nginx/html/index.html': '<h1>hi</h1>' }, directories: ['/tmp'] });

  it('creates parents of initial files and lists directories sorted', () => {
    const fs = image();
    expect(fs.read('/etc/hostname')).toBe('pod\n');
    expect(fs.isDirectory('/usr/share/nginx')).toBe(true);
    expect(fs.list('/')).toEqual(['etc', 'tmp', 'usr']);
    expect(fs.list('/etc/hostname')).toBeUndefined();
  });

  it('writes, appends and removes files', () => {
    const fs = image();
    expect(fs.write('/tmp/a', 'x')).toBe('ok');
    expect(fs.write('/tmp/a', 'y', true)).toBe('ok');
    expect(fs.read('/tmp/a')).toBe('xy');
    expect(fs.remove('/tmp/a')).toBe('ok');
    expect(fs.exists('/tmp/a')).toBe(false);
  });

  it.each([
    ['write into a missing directory', (fs: ReturnType<typeof image>) => fs.write('/nope/a', ''), 'ENOENT'],
    ['write over a directory', (fs: ReturnType<typeof image>) => fs.write('/tmp', ''), 'EISDIR'],
    ['write below a file', (fs: ReturnType<typeof image>) => fs.write('/etc/hostname/x', ''), 'ENOTDIR'],
    ['remove a missing file', (fs: ReturnType<typeof image>) => fs.remove('/tmp/zz'), 'ENOENT'],
    ['remove a non-empty directory', (fs: ReturnType<typeof image>) => fs.remove('/etc'), 'ENOTEMPTY'],
    ['mkdir an existing directory', (fs: ReturnType<typeof image>) => fs.mkdir('/tmp'), 'EEXIST'],
    ['mkdir without parents', (fs: ReturnType<typeof image>) => fs.mkdir('/a/b'), 'ENOENT'],
  ])('errors: %s', (_name, op, expected) => {
    expect(op(image())).toBe(expected);
  });

  it('mkdir -p and recursive remove', () => {
    const fs = image();
    expect(fs.mkdir('/a/b/c', true)).toBe('ok');
    expect(fs.mkdir('/a/b', true)).toBe('ok');
    expect(fs.remove('/a', true)).toBe('ok');
    expect(fs.exists('/a/b')).toBe(false);
  });

  it('shares a mounted emptyDir between two containers', () => {
    const shared = createMemoryFs();
    const one = image();
    const two = image();
    one.mount('/cache', shared);
    two.mount('/data', shared);
    expect(one.write('/cache/x', 'hello')).toBe('ok');
    expect(two.read('/data/x')).toBe('hello');
    expect(two.list('/data')).toEqual(['x']);
    expect(one.list('/')).toContain('cache');
    expect(one.isDirectory('/cache')).toBe(true);
  });

  it('read-only mounts answer EROFS and still read', () => {
    const fs = image();
    fs.mount('/etc/config', createMemoryFs({ files: { '/log_level': 'INFO' } }), { readOnly: true });
    expect(fs.read('/etc/config/log_level')).toBe('INFO');
    expect(fs.write('/etc/config/x', '')).toBe('EROFS');
    expect(fs.remove('/etc/config/log_level')).toBe('EROFS');
    expect(fs.mkdir('/etc/config/d')).toBe('EROFS');
    expect(fs.write('/etc/other', '')).toBe('ok');
  });

  it('a read-only root file system still takes writes on a writable mount', () => {
    const fs = createMemoryFs({ readOnly: true, directories: ['/tmp'] });
    fs.mount('/tmp', createMemoryFs());
    expect(fs.write('/etc', 'x')).toBe('EROFS');
    expect(fs.write('/tmp/ok', 'x')).toBe('ok');
    expect(readOnlyFs(fs).write('/tmp/ok', 'y')).toBe('EROFS');
  });
});
