/**
 * nslookup, wget, curl, nc. Names resolve from /etc/podplay/dns (`name ip` lines, written by the
 * sandbox) with the search domains of /etc/resolv.conf. Only the pod's own IP (and localhost) can be
 * reached: its listeners are `context.net.listener(port)`; any other address refuses connections.
 */
import { abs, complain, done, errText, type Utility, type UtilityCall } from '../command';
import type { HttpResponse, Listener } from '../../types';
import { sleep, type Gen } from '../task';
import { parseDuration } from './basic';

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function resolvConf(call: UtilityCall): { search: string[]; server: string } {
  const text = call.ctx.fs.read('/etc/resolv.conf') ?? '';
  const search = /^search\s+(.+)$/m.exec(text)?.[1].trim().split(/\s+/) ?? [];
  const server = /^nameserver\s+(\S+)/m.exec(text)?.[1] ?? '10.96.0.10';
  return { search, server };
}

/** The IP of `host` and the name it was found under, or undefined (NXDOMAIN). */
export function resolveHost(call: UtilityCall, host: string): { ip: string; name: string } | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { ip: host, name: host };
  if (host === 'localhost') return { ip: '127.0.0.1', name: host };
  if (host === call.ctx.hostname) return { ip: call.ctx.net.ip, name: host };
  const table = new Map<string, string>();
  for (const line of (call.ctx.fs.read('/etc/podplay/dns') ?? '').split('\n')) {
    const [a, b] = line.trim().split(/\s+/);
    // `name ip` as the sandbox writes it; `ip name` (hosts-file order) is taken too.
    const [name, ip] = /^\d+\.\d+\.\d+\.\d+$/.test(a ?? '') ? [b, a] : [a, b];
    if (name && ip) table.set(name.replace(/\.$/, ''), ip);
  }
  const bare = host.replace(/\.$/, '');
  const candidates = [...resolvConf(call).search.map((s) => `${bare}.${s}`), bare];
  if (host.endsWith('.')) candidates.reverse();
  for (const name of candidates) {
    const ip = table.get(name);
    if (ip) return { ip, name };
  }
  return undefined;
}

function nslookup(call: UtilityCall): Gen<number> {
  const host = call.argv.slice(1).find((a) => !a.startsWith('-'));
  if (!host) return done(complain(call, 'usage: nslookup HOST [DNS_SERVER]'));
  const { server } = resolvConf(call);
  call.io.out.write(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  const found = resolveHost(call, host);
  if (!found) {
    call.io.out.write(`** server can't find ${host}: NXDOMAIN\n\n`);
    return done(1);
  }
  call.io.out.write(`Name:\t${found.name}\nAddress: ${found.ip}\n\n`);
  return done(0);
}

/** The listener at host:port when the pod can reach it. */
function connect(call: UtilityCall, ip: string, port: number): Listener | undefined {
  const local = ip === '127.0.0.1' || ip === '0.0.0.0' || ip === call.ctx.net.ip;
  return local ? call.ctx.net.listener(port) : call.ctx.net.remote?.(ip, port);
}

interface Url {
  scheme: 'HTTP' | 'HTTPS';
  host: string;
  port: number;
  path: string;
}

function parseUrl(text: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(text);
  if (!m) return undefined;
  const https = m[1]?.toLowerCase() === 'https';
  return { scheme: https ? 'HTTPS' : 'HTTP', host: m[2], port: m[3] ? Number(m[3]) : https ? 443 : 80, path: m[4] || '/' };
}

type Fetched = { ok: true; response: HttpResponse; ip: string } | { ok: false; error: 'resolve' | 'refused' | 'timeout' | 'reset'; ip?: string };

/** Send one HTTP request on the virtual clock (the server's delay, bounded by `timeoutMs`). */
function* request(call: UtilityCall, url: Url, method: string, headers: Record<string, string>, timeoutMs: number): Gen<Fetched> {
  const found = resolveHost(call, url.host);
  if (!found) return { ok: false, error: 'resolve' };
  const listener = connect(call, found.ip, url.port);
  if (!listener) return { ok: false, error: 'refused', ip: found.ip };
  if (!listener.http) return { ok: false, error: 'reset', ip: found.ip };
  const response = listener.http({ method, scheme: url.scheme, host: url.host, port: url.port, path: url.path, headers });
  const delay = response.delayMs ?? 0;
  if (delay > timeoutMs) {
    yield sleep(call.ctx.timers, timeoutMs);
    return { ok: false, error: 'timeout', ip: found.ip };
  }
  if (delay > 0) yield sleep(call.ctx.timers, delay);
  return { ok: true, response, ip: found.ip };
}

function writeOutput(call: UtilityCall, target: string, body: string): number {
  if (target === '-' || target === '/dev/stdout') call.io.out.write(body);
  else if (target !== '/dev/null') {
    const r = call.ctx.fs.write(abs(call, target), body);
    if (r !== 'ok') return complain(call, `can't open '${target}': ${errText(r)}`);
  }
  return 0;
}

function* wget(call: UtilityCall): Gen<number> {
  const args = call.argv.slice(1);
  let quiet = false;
  let spider = false;
  let output: string | undefined;
  let timeoutMs = 900_000;
  const headers: Record<string, string> = {};
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '--spider') spider = true;
    else if (a === '-O') output = args[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-T' || a === '--timeout') timeoutMs = (parseDuration(args[++i] ?? '') ?? 900_000);
    else if (a.startsWith('--timeout=')) timeoutMs = parseDuration(a.slice(10)) ?? 900_000;
    else if (a === '--header') {
      const [k, ...v] = (args[++i] ?? '').split(':');
      headers[k.trim()] = v.join(':').trim();
    } else if (a === '-qO-' || a === '-qO') {
      quiet = true;
      output = a === '-qO-' ? '-' : args[++i];
    } else if (!a.startsWith('-')) urls.push(a);
  }
  if (urls.length === 0) return complain(call, 'missing URL');
  let status = 0;
  for (const raw of urls) {
    const url = parseUrl(raw);
    if (!url) return complain(call, `bad address '${raw}'`);
    const got = yield* request(call, url, spider ? 'HEAD' : 'GET', { 'User-Agent': 'Wget', ...headers }, timeoutMs);
    if (!got.ok) {
      if (got.error === 'resolve') status = complain(call, `bad address '${url.host}'`);
      else if (got.error === 'refused') status = complain(call, `can't connect to remote host (${got.ip}): Connection refused`);
      else if (got.error === 'timeout') status = complain(call, 'download timed out');
      else status = complain(call, 'error getting response: Connection reset by peer');
      continue;
    }
    if (!quiet) call.io.err.write(`Connecting to ${url.host}${raw.includes(`:${url.port}`) ? `:${url.port}` : ''} (${got.ip}:${url.port})\n`);
    const code = got.response.status;
    if (code >= 400) {
      status = complain(call, `server returned error: HTTP/1.1 ${code} ${REASONS[code] ?? ''}`.trimEnd());
      continue;
    }
    if (spider) {
      if (!quiet) call.io.err.write('remote file exists\n');
      continue;
    }
    const target = output ?? (url.path.replace(/[?#].*/, '').split('/').pop() || 'index.html');
    if (!quiet) call.io.err.write(target === '-' ? 'writing to stdout\n' : `saving to '${target}'\n`);
    const w = writeOutput(call, target, got.response.body ?? '');
    if (w) status = w;
    else if (!quiet) call.io.err.write(target === '-' ? 'written to stdout\n' : `'${target}' saved\n`);
  }
  return status;
}

function* curl(call: UtilityCall): Gen<number> {
  const args = call.argv.slice(1);
  let silent = false;
  let showErrors = false;
  let failOnError = false;
  let head = false;
  let output = '-';
  let writeOut = '';
  let method = 'GET';
  let timeoutMs = Infinity;
  const headers: Record<string, string> = {};
  let raw: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') output = args[++i] ?? '-';
    else if (a === '-w' || a === '--write-out') writeOut = args[++i] ?? '';
    else if (a === '-X' || a === '--request') method = args[++i] ?? 'GET';
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout') timeoutMs = (parseDuration(args[++i] ?? '') ?? Infinity);
    else if (a === '-H' || a === '--header') {
      const [k, ...v] = (args[++i] ?? '').split(':');
      headers[k.trim()] = v.join(':').trim();
    } else if (a === '--silent') silent = true;
    else if (a === '--fail') failOnError = true;
    else if (a === '--head') head = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('s')) silent = true;
      if (a.includes('S')) showErrors = true;
      if (a.includes('f')) failOnError = true;
      if (a.includes('I')) head = true;
    } else if (!a.startsWith('-')) raw = a;
  }
  const fail = (code: number, message: string) => {
    if (!silent || showErrors) call.io.err.write(`curl: (${code}) ${message}\n`);
    return code;
  };
  if (!raw) return fail(2, 'no URL specified');
  const url = parseUrl(raw);
  if (!url) return fail(3, 'URL rejected: Malformed input to a URL function');
  const got = yield* request(call, url, head ? 'HEAD' : method, { 'User-Agent': 'curl/8.5.0', ...headers }, timeoutMs);
  const report = (code: number) => call.io.out.write(writeOut.replace(/%\{http_code\}/g, String(code).padStart(3, '0')).replace(/\\n/g, '\n'));
  if (!got.ok) {
    report(0);
    if (got.error === 'resolve') return fail(6, `Could not resolve host: ${url.host}`);
    if (got.error === 'refused') return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
    if (got.error === 'timeout') return fail(28, `Operation timed out after ${timeoutMs} milliseconds with 0 bytes received`);
    return fail(56, 'Recv failure: Connection reset by peer');
  }
  const code = got.response.status;
  if (failOnError && code >= 400) {
    report(code);
    return fail(22, `The requested URL returned error: ${code}`);
  }
  const body = head ? `HTTP/1.1 ${code} ${REASONS[code] ?? ''}\r\n\r\n` : (got.response.body ?? '');
  const w = writeOutput(call, output, body);
  report(code);
  return w ? 23 : 0;
}

function* nc(call: UtilityCall): Gen<number> {
  const operands: string[] = [];
  let verbose = false;
  const args = call.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-w' || args[i] === '-i') i++;
    else if (args[i].startsWith('-')) verbose ||= args[i].includes('v');
    else operands.push(args[i]);
  }
  const [host, portText] = operands;
  if (!host || !portText) return complain(call, 'usage: nc [-z] [-v] HOST PORT');
  const found = resolveHost(call, host);
  if (!found) return complain(call, `bad address '${host}'`);
  const open = connect(call, found.ip, Number(portText)) !== undefined;
  if (!open) return complain(call, `${host} (${found.ip}:${portText}): Connection refused`);
  if (verbose) call.io.err.write(`${host} (${found.ip}:${portText}) open\n`);
  yield sleep(call.ctx.timers, 0);
  return 0;
}

export const NET: Record<string, Utility> = { nslookup, wget, curl, nc, netcat: nc };
