/**
 * In-memory file systems: a container's root file system with volume mounts. A mount is another
 * FileSystem attached at a path (an emptyDir shared by two containers is one FileSystem mounted in
 * both); read-only mounts (configMap, secret, `readOnly: true`) answer EROFS to every write.
 */
import type { FileSystem, FsResult } from './types';

export interface MemoryFsOptions {
  /** Initial files by absolute path; parent directories are created. */
  files?: Record<string, string>;
  /** Initial (empty) directories. */
  directories?: string[];
  /** The whole file system is read-only (readOnlyRootFilesystem). */
  readOnly?: boolean;
  /** Files that stay writable in a read-only file system (what the kubelet bind-mounts: /etc/hosts, the termination log). */
  writable?: string[];
}

export interface MemoryFileSystem extends FileSystem {
  /** Attach `fs` at `path` (created as a directory if missing). A later mount hides an earlier one. */
  mount(path: string, fs: FileSystem, options?: { readOnly?: boolean }): void;
  unmount(path: string): void;
}

/** Absolute, normalised path: `.` and `..` resolved, no trailing slash (except `/`). */
export function normalizePath(path: string, cwd = '/'): string {
  // Most paths are already normal (every probe and request asks for one): no split, no join.
  if (path.startsWith('/') && !path.includes('//') && !path.includes('/.')) {
    // A directory asked for with its slash (`GET /` under a web root) only loses the slash.
    return path.length === 1 || !path.endsWith('/') ? path : path.slice(0, -1);
  }
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

type Node = { kind: 'file'; content: string } | { kind: 'dir'; children: Map<string, Node> };

function newDir(): Node {
  return { kind: 'dir', children: new Map() };
}

/** A read-only view of another file system. */
export function readOnlyFs(fs: FileSystem): FileSystem {
  return {
    read: (p) => fs.read(p),
    exists: (p) => fs.exists(p),
    isDirectory: (p) => fs.isDirectory(p),
    list: (p) => fs.list(p),
    write: () => 'EROFS',
    remove: () => 'EROFS',
    mkdir: () => 'EROFS',
  };
}

/** A view of `fs` below `base` (hostPath, subPath). */
export function subtreeFs(fs: FileSystem, base: string): FileSystem {
  const root = base.replace(/\/+$/, '');
  const at = (p: string) => `${root}${p === '/' ? '' : p}` || '/';
  return {
    read: (p) => fs.read(at(p)),
    write: (p, content, append) => fs.write(at(p), content, append),
    remove: (p, recursive) => (p === '/' ? 'EACCES' : fs.remove(at(p), recursive)),
    mkdir: (p, parents) => fs.mkdir(at(p), parents),
    exists: (p) => fs.exists(at(p)),
    isDirectory: (p) => fs.isDirectory(at(p)),
    list: (p) => fs.list(at(p)),
  };
}

/** The tree of one file system, without mounts. */
function createTree(readOnly: boolean): FileSystem {
  const root = newDir();

  const lookup = (path: string): Node | undefined => {
    // Walks the normal path segment by segment (no split: every probe and request looks files up).
    const p = normalizePath(path);
    let node: Node | undefined = root;
    let start = 1;
    while (start < p.length) {
      let end = p.indexOf('/', start);
      if (end < 0) end = p.length;
      if (node?.kind !== 'dir') return undefined;
      node = node.children.get(p.slice(start, end));
      start = end + 1;
    }
    return node;
  };

  const parentDir = (path: string): Node | FsResult => {
    const parent = lookup(parentOf(path));
    if (!parent) return 'ENOENT';
    if (parent.kind !== 'dir') return 'ENOTDIR';
    return parent;
  };

  const tree: FileSystem = {
    read(path) {
      const node = lookup(path);
      return node?.kind === 'file' ? node.content : undefined;
    },
    exists: (path) => lookup(path) !== undefined,
    isDirectory: (path) => lookup(path)?.kind === 'dir',
    list(path) {
      const node = lookup(path);
      return node?.kind === 'dir' ? [...node.children.keys()].sort() : undefined;
    },
    write(path, content, append = false) {
      if (readOnly) return 'EROFS';
      const p = normalizePath(path);
      const parent = parentDir(p);
      if (typeof parent === 'string') return parent;
      if (parent.kind !== 'dir') return 'ENOTDIR';
      const existing = parent.children.get(baseName(p));
      if (existing?.kind === 'dir' || p === '/') return 'EISDIR';
      const before = append && existing ? existing.content : '';
      parent.children.set(baseName(p), { kind: 'file', content: before + content });
      return 'ok';
    },
    remove(path, recursive = false) {
      if (readOnly) return 'EROFS';
      const p = normalizePath(path);
      if (p === '/') return 'EACCES';
      const node = lookup(p);
      if (!node) return 'ENOENT';
      if (node.kind === 'dir' && node.children.size > 0 && !recursive) return 'ENOTEMPTY';
      const parent = lookup(parentOf(p));
      if (parent?.kind === 'dir') parent.children.delete(baseName(p));
      return 'ok';
    },
    mkdir(path, parents = false) {
      if (readOnly) return 'EROFS';
      const p = normalizePath(path);
      const existing = lookup(p);
      if (existing) return parents && existing.kind === 'dir' ? 'ok' : 'EEXIST';
      if (parents && p !== '/') {
        const made = tree.mkdir(parentOf(p), true);
        if (made !== 'ok') return made;
      }
      const parent = parentDir(p);
      if (typeof parent === 'string') return parent;
      if (parent.kind !== 'dir') return 'ENOTDIR';
      parent.children.set(baseName(p), newDir());
      return 'ok';
    },
  };
  return tree;
}

interface Mount {
  path: string;
  fs: FileSystem;
}

export function createMemoryFs(options: MemoryFsOptions = {}): MemoryFileSystem {
  const tree = createTree(false);
  for (const dir of options.directories ?? []) tree.mkdir(dir, true);
  for (const [path, content] of Object.entries(options.files ?? {})) {
    tree.mkdir(parentOf(normalizePath(path)), true);
    tree.write(path, content);
  }
  const writable = new Set((options.writable ?? []).map((p) => normalizePath(p)));
  const rootFs: FileSystem = options.readOnly
    ? { ...readOnlyFs(tree), write: (p, content, append) => (writable.has(normalizePath(p)) ? tree.write(p, content, append) : 'EROFS') }
    : tree;
  const mounts: Mount[] = [];

  /** The file system that holds `path`, and the path inside it. */
  const route = (path: string): { fs: FileSystem; inner: string; mountPoint: boolean } => {
    const p = normalizePath(path);
    let best: Mount | undefined;
    for (const m of mounts) {
      const inside = m.path === '/' || (p.startsWith(m.path) && (p.length === m.path.length || p[m.path.length] === '/'));
      if (inside && (!best || m.path.length >= best.path.length)) best = m;
    }
    if (!best) return { fs: rootFs, inner: p, mountPoint: false };
    const inner = normalizePath(p.slice(best.path.length) || '/');
    return { fs: best.fs, inner, mountPoint: p === best.path };
  };

  return {
    read: (path) => {
      const r = route(path);
      return r.fs.read(r.inner);
    },
    exists: (path) => {
      const r = route(path);
      return r.mountPoint || r.fs.exists(r.inner);
    },
    isDirectory: (path) => {
      const r = route(path);
      return r.mountPoint || r.fs.isDirectory(r.inner);
    },
    list: (path) => {
      const r = route(path);
      return r.fs.list(r.inner) ?? (r.mountPoint ? [] : undefined);
    },
    write: (path, content, append) => {
      const r = route(path);
      return r.fs.write(r.inner, content, append);
    },
    remove: (path, recursive) => {
      const r = route(path);
      if (r.mountPoint) return r.fs.write('/', '') === 'EROFS' ? 'EROFS' : 'EACCES';
      return r.fs.remove(r.inner, recursive);
    },
    mkdir: (path, parents) => {
      const r = route(path);
      if (r.mountPoint) return parents ? 'ok' : 'EEXIST';
      return r.fs.mkdir(r.inner, parents);
    },
    mount(path, fs, mountOptions = {}) {
      const p = normalizePath(path);
      tree.mkdir(p, true);
      mounts.push({ path: p, fs: mountOptions.readOnly ? readOnlyFs(fs) : fs });
    },
    unmount(path) {
      const p = normalizePath(path);
      const i = mounts.findLastIndex((m) => m.path === p);
      if (i >= 0) mounts.splice(i, 1);
    },
  };
}

/** Human text of an errno, as strerror words it. */
export function fsErrorText(error: FsResult): string {
  switch (error) {
    case 'ok':
      return 'Success';
    case 'ENOENT':
      return 'No such file or directory';
    case 'EEXIST':
      return 'File exists';
    case 'EROFS':
      return 'Read-only file system';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'ENOTEMPTY':
      return 'Directory not empty';
    case 'EACCES':
      return 'Permission denied';
  }
}
