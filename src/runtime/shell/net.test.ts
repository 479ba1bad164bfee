import { describe, expect, it } from 'vitest';
import { createMemoryFs } from '../fs';
import type { Listener } from '../types';
import { fakeNetwork, sh } from './test-helpers';

const web: Listener = {
  description: 'test web',
  http: (req) =>
    req.path === '/slow'
      ? { status: 200, body: 'late\n', delayMs: 5_000 }
      : req.path === '/healthz'
        ? { status: 500, body: 'bad\n' }
        : { status: 200, body: `hello from ${req.path}\n` },
};

function pod() {
  const fs = createMemoryFs({
    files: {
      '/etc/resolv.conf': 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
      '/etc/podplay/dns': 'myservice.default.svc.cluster.local 10.96.12.34\n',
    },
    directories: ['/tmp'],
  });
  return { fs, net: fakeNetwork('10.244.0.7', { 8080: web }) };
}

const cases: Array<{ name: string; script: string; stdout?: string; stderr?: string; exit: number; at?: number }> = [
  {
    name: 'nslookup finds a service through the search domains',
    script: 'nslookup myservice',
    stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tmyservice.default.svc.cluster.local\nAddress: 10.96.12.34\n',
    exit: 0,
  },
  { name: 'nslookup of an unknown name is NXDOMAIN', script: 'nslookup mydb >/dev/null || echo missing', stdout: 'missing', exit: 0 },
  { name: 'nslookup unknown prints the busybox line', script: 'nslookup mydb | grep NXDOMAIN', stdout: "** server can't find mydb: NXDOMAIN", exit: 0 },
  {
    name: 'the init-container wait loop',
    script: 'n=0; until nslookup mydb >/dev/null; do n=$((n+1)); [ $n = 3 ] && echo "mydb.default.svc.cluster.local 10.96.0.9" >> /etc/podplay/dns; sleep 2; done; echo up',
    stdout: 'up',
    exit: 0,
    at: 6_000,
  },
  { name: 'wget -q -O- reaches a local listener', script: 'wget -q -O- http://localhost:8080/index.html', stdout: 'hello from /index.html', exit: 0 },
  { name: 'wget by pod IP', script: 'wget -qO- http://10.244.0.7:8080/', stdout: 'hello from /', exit: 0 },
  { name: 'wget to a closed port is refused', script: 'wget -q -O- http://127.0.0.1:9999/', stderr: "wget: can't connect to remote host (127.0.0.1): Connection refused", exit: 1 },
  { name: 'wget of an unknown host is a bad address', script: 'wget -q -O- http://nowhere/', stderr: "wget: bad address 'nowhere'", exit: 1 },
  { name: 'wget of an HTTP error', script: 'wget -q -O- http://localhost:8080/healthz', stderr: 'wget: server returned error: HTTP/1.1 500 Internal Server Error', exit: 1 },
  { name: 'wget waits for a slow server', script: 'wget -q -O /tmp/out http://localhost:8080/slow; cat /tmp/out', stdout: 'late', exit: 0, at: 5_000 },
  { name: 'wget -T times out', script: 'wget -q -T 2 -O- http://localhost:8080/slow', stderr: 'wget: download timed out', exit: 1, at: 2_000 },
  { name: 'curl -w http_code', script: `curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/healthz`, stdout: '500', exit: 0 },
  { name: 'curl -f fails on 500', script: 'curl -sf http://localhost:8080/healthz; echo " $?"', stdout: ' 22', exit: 0 },
  { name: 'curl refused', script: 'curl http://localhost:81/', stderr: "curl: (7) Failed to connect to localhost port 81 after 0 ms: Couldn't connect to server", exit: 7 },
  { name: 'curl of another pod refuses', script: 'curl -s http://myservice/ ; echo $?', stdout: '7', exit: 0 },
  { name: 'nc -z open and closed ports', script: 'nc -z localhost 8080 && echo open; nc -z localhost 81 2>/dev/null || echo closed', stdout: 'open\nclosed', exit: 0 },
];

describe('network utilities', () => {
  it.each(cases)('$name', (c) => {
    const h = sh(c.script, 60_000, pod());
    expect(h.exits).toHaveLength(1);
    if (c.stdout !== undefined) expect(h.stdout()).toBe(c.stdout);
    if (c.stderr !== undefined) expect(h.stderr()).toBe(c.stderr);
    expect(h.exits[0].status.exitCode).toBe(c.exit);
    if (c.at !== undefined) expect(h.exits[0].t).toBe(c.at);
  });
});
