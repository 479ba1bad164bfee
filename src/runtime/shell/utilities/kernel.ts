/**
 * Utilities that ask the kernel for more than files: System V IPC (ipcmk as util-linux prints it,
 * ipcs and ipcrm as busybox does: util-linux/ipcs.c, util-linux/ipcrm.c), `ip` (busybox
 * networking/libiproute), `mount` / `umount` (util-linux/mount.c, umount.c) and `sysctl`
 * (procps/sysctl.c). What changes the kernel needs a capability (capabilities(7)): NET_ADMIN for
 * links, addresses and routes, SYS_ADMIN for mounts and sysctls (a container's /proc/sys is
 * mounted read-only unless it is privileged). Reading works for everyone.
 */
import { createMemoryFs, subtreeFs } from '../../fs';
import { capable, kernelOf, type ContainerKernel, type IpcKind, type IpcObject, type NetLink } from '../../kernel';
import { abs, complain, done, errText, type Utility, type UtilityCall } from '../command';
import { parseBytes } from './system';

const kernel = (call: UtilityCall): ContainerKernel => kernelOf(call.ctx.fs, call.ctx.privileged);

const userName = (uid: number) => (uid === 0 ? 'root' : String(uid));

// ------------------------------------------------------------------------------------------- IPC

/** util-linux ipcmk: `-M size`, `-S nsems`, `-Q`, `-p mode` (octal, default 0644). */
function ipcmk(call: UtilityCall) {
  const args = call.argv.slice(1);
  const k = kernel(call);
  let mode = 0o644;
  const made: string[] = [];
  const want: Array<['shm', number] | ['sem', number] | ['msg', 0]> = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-M' || a === '--shmem') {
      const bytes = parseBytes(args[++i] ?? '');
      if (bytes === undefined) return done(complain(call, `failed to parse size: '${args[i] ?? ''}'`));
      want.push(['shm', bytes]);
    } else if (a === '-S' || a === '--semaphore') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n <= 0) return done(complain(call, `failed to parse elements: '${args[i] ?? ''}'`));
      want.push(['sem', n]);
    } else if (a === '-Q' || a === '--queue') want.push(['msg', 0]);
    else if (a === '-p' || a === '--mode') mode = parseInt(args[++i] ?? '', 8) & 0o777;
    else return done(complain(call, `invalid option -- '${a.replace(/^-+/, '')}'`));
  }
  if (want.length === 0) return done(complain(call, 'bad usage\nTry \'ipcmk --help\' for more information.'));
  const base = () => ({ key: k.ipc.nextKey(), uid: k.creds.uid, mode, cpid: 0 });
  for (const [kind, n] of want) {
    if (kind === 'shm') made.push(`Shared memory id: ${k.ipc.shm.create((id) => ({ ...base(), id, bytes: n, nattch: 0 })).id}`);
    else if (kind === 'sem') made.push(`Semaphore id: ${k.ipc.sem.create((id) => ({ ...base(), id, nsems: n })).id}`);
    else made.push(`Message queue id: ${k.ipc.msg.create((id) => ({ ...base(), id, usedBytes: 0, messages: 0 })).id}`);
  }
  call.io.out.write(made.map((l) => `${l}\n`).join(''));
  return done(0);
}

const hexKey = (key: number) => `0x${(key >>> 0).toString(16).padStart(8, '0')}`;
const col = (text: string | number, width: number) => String(text).padEnd(width);
const oct = (mode: number) => (mode & 0o777).toString(8);

/** busybox ipcs: `-m`, `-s`, `-q` (default all three), each table as do_shm/do_sem/do_msg print it. */
function ipcs(call: UtilityCall) {
  const args = call.argv.slice(1).join('');
  const k = kernel(call);
  let kinds = (['m', 's', 'q'] as const).filter((f) => args.includes(f));
  if (args.includes('a') || kinds.length === 0) kinds = ['m', 's', 'q'];
  let out = '\n';
  if (kinds.includes('m')) {
    out += '------ Shared Memory Segments --------\n';
    out += `${['key', 'shmid', 'owner', 'perms', 'bytes', 'nattch'].map((h) => col(h, 10)).join(' ')} ${col('status', 12)}\n`;
    for (const s of k.ipc.shm.list()) {
      out += `${hexKey(s.key)} ${col(s.id, 10)} ${col(userName(s.uid).slice(0, 10), 10)} ${col(oct(s.mode), 10)} ${col(s.bytes, 10)} ${col(s.nattch, 10)} ${col(' ', 6)} ${col(' ', 6)}\n`;
    }
    out += '\n';
  }
  if (kinds.includes('s')) {
    out += '------ Semaphore Arrays --------\n';
    out += `${['key', 'semid', 'owner', 'perms', 'nsems'].map((h) => col(h, 10)).join(' ')}\n`;
    for (const s of k.ipc.sem.list()) out += `${hexKey(s.key)} ${col(s.id, 10)} ${col(userName(s.uid).slice(0, 9), 10)} ${col(oct(s.mode), 10)} ${col(s.nsems, 10)}\n`;
    out += '\n';
  }
  if (kinds.includes('q')) {
    out += '------ Message Queues --------\n';
    out += `${['key', 'msqid', 'owner', 'perms'].map((h) => col(h, 10)).join(' ')} ${col('used-bytes', 12)} ${col('messages', 12)}\n`;
    for (const q of k.ipc.msg.list()) {
      out += `${hexKey(q.key)} ${col(q.id, 10)} ${col(userName(q.uid).slice(0, 10), 10)} ${col(oct(q.mode), 10)} ${col(q.usedBytes, 12)} ${col(q.messages, 12)}\n`;
    }
    out += '\n';
  }
  call.io.out.write(out);
  return done(0);
}

/** busybox ipcrm: `-m/-s/-q id`, `-M/-S/-Q key`; IPC_RMID needs the owner's uid or CAP_SYS_ADMIN. */
function ipcrm(call: UtilityCall) {
  const args = call.argv.slice(1);
  const k = kernel(call);
  let errors = 0;
  const kinds: Record<string, IpcKind> = { m: 'shm', s: 'sem', q: 'msg' };
  for (let i = 0; i < args.length; i++) {
    const m = /^-([msqMSQ])(.*)$/.exec(args[i]);
    if (!m) return done(complain(call, 'usage: ipcrm [-MQS key] [-mqs id]'));
    const value = m[2] || args[++i] || '';
    const byKey = m[1] === m[1].toUpperCase();
    const table = k.ipc.table(kinds[m[1].toLowerCase()]);
    let object: IpcObject | undefined;
    if (byKey) {
      const key = Number(value);
      if (!Number.isFinite(key) || key === 0) {
        errors += complain(call, `illegal key (${value})`);
        continue;
      }
      object = table.byKey(key);
      if (!object) {
        errors += complain(call, `invalid key (${value})`);
        continue;
      }
    } else {
      object = /^\d+$/.test(value) ? table.get(Number(value)) : undefined;
      if (!object) {
        errors += complain(call, `invalid id (${value})`);
        continue;
      }
    }
    if (object.uid !== k.creds.uid && !capable(k.creds, 'SYS_ADMIN')) {
      errors += complain(call, `permission denied for ${byKey ? 'key' : 'id'} (${value})`);
      continue;
    }
    table.remove(object.id);
  }
  return done(errors);
}

// -------------------------------------------------------------------------------------------- ip

function linkLines(l: NetLink, withAddresses: boolean): string[] {
  const flags = l.kind === 'loopback' ? ['LOOPBACK'] : ['BROADCAST', 'MULTICAST'];
  if (l.up) flags.push('UP', 'LOWER_UP');
  const name = l.kind === 'ether' && l.name === 'eth0' ? 'eth0@if7' : l.name;
  const lines = [
    `${l.index}: ${name}: <${flags.join(',')}> mtu ${l.mtu} qdisc noqueue state ${l.up ? (l.kind === 'loopback' ? 'UNKNOWN' : 'UP') : 'DOWN'} qlen 1000`,
    `    link/${l.kind} ${l.mac} brd ${l.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}`,
  ];
  if (withAddresses) {
    for (const a of l.addresses) {
      lines.push(`    inet ${a} scope ${l.kind === 'loopback' ? 'host' : 'global'} ${l.name}`, '       valid_lft forever preferred_lft forever');
    }
  }
  return lines;
}

const EPERM_NETLINK = 'RTNETLINK answers: Operation not permitted';

/** busybox ip: `addr`, `link`, `route` (show for everyone; set/add/del need NET_ADMIN). */
function ip(call: UtilityCall) {
  const args = call.argv.slice(1).filter((a) => a !== '-4');
  const k = kernel(call);
  const net = k.net;
  const admin = capable(k.creds, 'NET_ADMIN');
  const object = args[0] ?? '';
  const verb = args[1] ?? 'show';
  const is = (name: string, min = 1) => object.length >= min && name.startsWith(object);
  const device = (name: string | undefined) => net.links.find((l) => l.name === name);
  const print = (lines: string[]) => call.io.out.write(lines.map((l) => `${l}\n`).join(''));
  const shows = ['show', 'list', 'ls', 'lst', 'sh'];

  if (is('address') || object === 'a') {
    if (shows.includes(verb)) {
      const only = args[2] === 'dev' ? args[3] : args[2];
      const links = net.links.filter((l) => !only || l.name === only);
      if (only && links.length === 0) return done(complain(call, `can't find device '${only}'`));
      print(links.flatMap((l) => linkLines(l, true)));
      return done(0);
    }
    if (verb === 'add' || verb === 'del' || verb === 'delete') {
      if (!admin) return done(complain(call, EPERM_NETLINK, 2));
      const dev = device(args[args.indexOf('dev') + 1]);
      if (!dev || args.indexOf('dev') < 0) return done(complain(call, "can't find device", 1));
      if (verb === 'add') dev.addresses.push(args[2]);
      else dev.addresses = dev.addresses.filter((a) => a !== args[2]);
      return done(0);
    }
  }
  if (is('link')) {
    if (shows.includes(verb)) {
      const only = args[2] === 'dev' ? args[3] : args[2];
      const links = net.links.filter((l) => !only || l.name === only);
      if (only && links.length === 0) return done(complain(call, `can't find device '${only}'`));
      print(links.flatMap((l) => linkLines(l, false)));
      return done(0);
    }
    if (verb === 'set') {
      const name = args[2] === 'dev' ? args[3] : args[2];
      const dev = device(name);
      if (!dev) return done(complain(call, `can't find device '${name ?? ''}'`));
      const rest = args.slice(args[2] === 'dev' ? 4 : 3);
      for (let i = 0; i < rest.length; i++) {
        if (rest[i] === 'mtu') {
          // SIOCSIFMTU (0x8922) and SIOCSIFFLAGS (0x8914) need CAP_NET_ADMIN (net/core/dev_ioctl.c).
          if (!admin) return done(complain(call, 'ioctl 0x8922 failed: Operation not permitted'));
          dev.mtu = Number(rest[++i]);
        } else if (rest[i] === 'up' || rest[i] === 'down') {
          if (!admin) return done(complain(call, 'ioctl 0x8914 failed: Operation not permitted'));
          dev.up = rest[i] === 'up';
        }
      }
      return done(0);
    }
    if (verb === 'add' || verb === 'del' || verb === 'delete') {
      if (!admin) return done(complain(call, EPERM_NETLINK, 2));
      const name = args[2] === 'name' ? args[3] : args[2];
      if (verb === 'add') {
        net.links.push({ index: net.links.length + 1 + 1, name, kind: 'ether', mtu: 1500, up: false, mac: '0e:00:00:00:00:01', addresses: [] });
      } else net.links = net.links.filter((l) => l.name !== name);
      return done(0);
    }
  }
  if (is('route') || object === 'r') {
    if (shows.includes(verb)) {
      print(net.routes.map((r) => `${r} `));
      return done(0);
    }
    if (verb === 'add' || verb === 'del' || verb === 'delete') {
      if (!admin) return done(complain(call, EPERM_NETLINK, 2));
      const route = args.slice(2).join(' ');
      if (verb === 'add') net.routes.push(route);
      else net.routes = net.routes.filter((r) => !r.startsWith(route));
      return done(0);
    }
  }
  if (object === '') return done(complain(call, 'usage: ip [OPTIONS] address|route|link {COMMAND}'));
  return done(complain(call, `unknown command or object '${object}'`));
}

// ---------------------------------------------------------------------------------------- mount

/** busybox mount: the mount table without arguments; `-t tmpfs` and `--bind` with CAP_SYS_ADMIN. */
function mount(call: UtilityCall) {
  const k = kernel(call);
  const args = call.argv.slice(1);
  let type = '';
  const options: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-t') type = args[++i] ?? '';
    else if (args[i] === '-o') options.push(...(args[++i] ?? '').split(','));
    else if (args[i] === '--bind') options.push('bind');
    else if (args[i] === '-a' || args[i] === '-r' || args[i] === '-w') continue;
    else operands.push(args[i]);
  }
  if (operands.length === 0) {
    call.io.out.write(k.mounts.list().map((m) => `${m.source} on ${m.target} type ${m.type} (${m.options})\n`).join(''));
    return done(0);
  }
  if (operands.length < 2) return done(complain(call, `can't find ${operands[0]} in /etc/fstab`));
  const [source, targetArg] = operands;
  const target = abs(call, targetArg);
  // mount(2) needs CAP_SYS_ADMIN; busybox words EPERM so (util-linux/mount.c).
  if (!capable(k.creds, 'SYS_ADMIN')) return done(complain(call, 'permission denied (are you root?)'));
  const bind = options.includes('bind');
  const what = bind ? source : type || source;
  if (!call.ctx.fs.isDirectory(target)) return done(complain(call, `mounting ${source} on ${targetArg} failed: No such file or directory`));
  if (bind) {
    const from = abs(call, source);
    if (!call.ctx.fs.exists(from)) return done(complain(call, `mounting ${source} on ${targetArg} failed: No such file or directory`));
    k.mounts.mount({ source: from, target, type: 'none', options: 'rw,bind' }, subtreeFs(call.ctx.fs, from));
    return done(0);
  }
  if (what !== 'tmpfs') return done(complain(call, `mounting ${source} on ${targetArg} failed: No such device`));
  k.mounts.mount({ source, target, type: 'tmpfs', options: ['rw', ...options.filter((o) => o && o !== 'rw')].join(',') }, createMemoryFs());
  return done(0);
}

/** busybox umount: umount(2) needs CAP_SYS_ADMIN too. */
function umount(call: UtilityCall) {
  const k = kernel(call);
  let status = 0;
  for (const name of call.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (!capable(k.creds, 'SYS_ADMIN')) {
      status = complain(call, `can't unmount ${name}: Operation not permitted`);
      continue;
    }
    if (!k.mounts.unmount(abs(call, name))) status = complain(call, `can't unmount ${name}: Invalid argument`);
  }
  return done(status);
}

// --------------------------------------------------------------------------------------- sysctl

/**
 * busybox sysctl: `KEY`, `-w KEY=VALUE`, `-a`, `-n`, `-q`. A container's /proc/sys is mounted
 * read-only by the runtime unless it is privileged, so a write fails with EROFS.
 */
function sysctl(call: UtilityCall) {
  const k = kernel(call);
  const args = call.argv.slice(1);
  const opts = new Set(args.filter((a) => /^-[a-zA-Z]+$/.test(a)).flatMap((a) => [...a.slice(1)]));
  const operands = args.filter((a) => !/^-[a-zA-Z]+$/.test(a));
  const show = (key: string, value: string) => {
    if (opts.has('q')) return;
    call.io.out.write(opts.has('n') ? `${value}\n` : `${key} = ${value}\n`);
  };
  if (opts.has('a') || opts.has('A')) {
    for (const [key, value] of [...k.sysctls].sort(([a], [b]) => a.localeCompare(b))) show(key, value);
    return done(0);
  }
  let status = 0;
  for (const operand of operands) {
    const eq = operand.indexOf('=');
    const key = (eq >= 0 ? operand.slice(0, eq) : operand).replace(/\//g, '.');
    if (!k.sysctls.has(key)) {
      status = complain(call, `error: '${key}' is an unknown key`);
      continue;
    }
    if (eq >= 0 || opts.has('w')) {
      if (eq < 0) {
        status = complain(call, `error: '${key}' must be of the form name=value`);
        continue;
      }
      if (!k.creds.privileged || !capable(k.creds, 'SYS_ADMIN')) {
        status = complain(call, `error setting key '${key}': ${errText('EROFS')}`);
        continue;
      }
      k.sysctls.set(key, operand.slice(eq + 1));
    }
    show(key, k.sysctls.get(key) ?? '');
  }
  return done(status);
}

export const KERNEL: Record<string, Utility> = { ipcmk, ipcs, ipcrm, ip, mount, umount, sysctl };
