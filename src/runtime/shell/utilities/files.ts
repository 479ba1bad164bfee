/** File utilities: touch, rm, cat, mkdir, ls, cp, mv, chmod (busybox wording). */
import { abs, complain, done, errText, flags, readInput, type Utility, type UtilityCall } from '../command';
import type { Gen } from '../task';

function touch(call: UtilityCall) {
  const { rest } = flags(call.argv.slice(1));
  let status = 0;
  for (const name of rest) {
    const path = abs(call, name);
    if (call.ctx.fs.exists(path)) continue;
    const r = call.ctx.fs.write(path, '', true);
    if (r !== 'ok') status = complain(call, `${name}: ${errText(r)}`);
  }
  return done(status);
}

function rm(call: UtilityCall) {
  const { set, rest } = flags(call.argv.slice(1));
  const force = set.has('f');
  const recursive = set.has('r') || set.has('R');
  let status = 0;
  for (const name of rest) {
    const path = abs(call, name);
    const fs = call.ctx.fs;
    if (!fs.exists(path)) {
      if (!force) status = complain(call, `can't remove '${name}': No such file or directory`);
      continue;
    }
    if (fs.isDirectory(path) && !recursive) {
      status = complain(call, `'${name}' is a directory`);
      continue;
    }
    const r = fs.remove(path, true);
    if (r !== 'ok') status = complain(call, `can't remove '${name}': ${errText(r)}`);
  }
  return done(status);
}

function* cat(call: UtilityCall): Gen<number> {
  const { rest } = flags(call.argv.slice(1));
  let status = 0;
  for (const name of rest.length ? rest : ['-']) {
    if (name === '-') {
      // A pipe's lines are passed on as they arrive.
      for (let text = yield* call.io.stdin.chunk(); text !== undefined; text = yield* call.io.stdin.chunk()) call.io.out.write(text);
      continue;
    }
    const text = name === '/dev/null' ? '' : yield* readInput(call, name);
    if (text === undefined) status = 1;
    else call.io.out.write(text);
  }
  return status;
}

function mkdir(call: UtilityCall) {
  const { set, rest } = flags(call.argv.slice(1), 'm');
  let status = 0;
  for (const name of rest) {
    const r = call.ctx.fs.mkdir(abs(call, name), set.has('p'));
    if (r !== 'ok') status = complain(call, `can't create directory '${name}': ${errText(r)}`);
  }
  return done(status);
}

function lsLong(name: string, dir: boolean, size: number): string {
  const mode = dir ? 'drwxr-xr-x' : '-rw-r--r--';
  return `${mode}    1 root     root     ${String(size).padStart(9)} Jan  1 09:00 ${name}`;
}

function ls(call: UtilityCall) {
  const { set, rest } = flags(call.argv.slice(1));
  const fs = call.ctx.fs;
  const targets = rest.length ? rest : ['.'];
  let status = 0;
  const lines: string[] = [];
  targets.forEach((name, i) => {
    const path = abs(call, name);
    if (!fs.exists(path)) {
      status = complain(call, `${name}: No such file or directory`);
      return;
    }
    const entry = (n: string, p: string) => (set.has('l') ? lsLong(n, fs.isDirectory(p), (fs.read(p) ?? '').length) : n);
    if (!fs.isDirectory(path) || set.has('d')) {
      lines.push(entry(name, path));
      return;
    }
    if (targets.length > 1) lines.push(`${i > 0 ? '\n' : ''}${name}:`);
    let names = fs.list(path) ?? [];
    if (!set.has('a') && !set.has('A')) names = names.filter((n) => !n.startsWith('.'));
    if (set.has('l')) lines.push(`total ${names.length}`);
    for (const n of names) lines.push(entry(n, `${path === '/' ? '' : path}/${n}`));
  });
  if (lines.length) call.io.out.write(`${lines.join('\n')}\n`);
  return done(status);
}

function copy(call: UtilityCall, move: boolean) {
  const { rest } = flags(call.argv.slice(1));
  if (rest.length < 2) return done(complain(call, 'missing file operand'));
  const fs = call.ctx.fs;
  const dest = abs(call, rest[rest.length - 1]);
  let status = 0;
  for (const name of rest.slice(0, -1)) {
    const text = fs.read(abs(call, name));
    if (text === undefined) {
      status = complain(call, `can't stat '${name}': No such file or directory`);
      continue;
    }
    const target = fs.isDirectory(dest) ? `${dest}/${name.replace(/.*\//, '')}` : dest;
    const r = fs.write(target, text);
    if (r !== 'ok') status = complain(call, `can't create '${target}': ${errText(r)}`);
    else if (move) fs.remove(abs(call, name));
  }
  return done(status);
}

export const FILES: Record<string, Utility> = {
  touch,
  rm,
  cat,
  mkdir,
  ls,
  cp: (call) => copy(call, false),
  mv: (call) => copy(call, true),
  chmod: () => done(0),
  chown: () => done(0),
  sync: () => done(0),
};
