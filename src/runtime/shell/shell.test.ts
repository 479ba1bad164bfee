import { describe, expect, it } from 'vitest';
import { createMemoryFs } from '../fs';
import type { Signal } from '../types';
import { FakeClock } from '../testing/fake-clock';
import { resolveCommand, shellProgram, commandResolver } from './index';
import { sh, start } from './test-helpers';

interface Case {
  name: string;
  script: string;
  stdout?: string;
  stderr?: string;
  exit: number;
  /** Virtual ms at which the process exited. */
  at?: number;
  signals?: Array<[number, Signal]>;
  until?: number;
  signal?: Signal;
}

const cases: Case[] = [
  { name: 'echo and exit status 0', script: 'echo hello world', stdout: 'hello world', exit: 0, at: 0 },
  { name: 'exit N', script: 'echo a; exit 3; echo b', stdout: 'a', exit: 3, at: 0 },
  { name: 'unknown command is 127 with busybox wording', script: 'nosuch arg', stderr: 'sh: nosuch: not found', exit: 127 },
  { name: 'last status is the exit status', script: 'false', exit: 1 },
  { name: 'sequences with ; && || !', script: 'true && echo yes; false && echo no; false || echo alt; ! false && echo neg', stdout: 'yes\nalt\nneg', exit: 0 },
  { name: 'sleep advances the virtual clock', script: 'sleep 2; echo a; sleep 0.5; sleep 1m', stdout: 'a', exit: 0, at: 62_500 },
  { name: 'sleep with suffixes sums operands', script: 'sleep 1s 1', exit: 0, at: 2000 },
  { name: 'sleep rejects garbage', script: 'sleep soon', stderr: "sleep: invalid number 'soon'", exit: 1 },
  {
    name: 'the liveness docs script: touch, sleep 30, rm, sleep 600',
    script: 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600',
    exit: 0,
    at: 630_000,
  },
  { name: 'variables, ${VAR:-def}, $#, positional via set', script: 'A=1; set -- x y z; echo "$A ${B:-def} $# $2 ${A:+set}"', stdout: '1 def 3 y set', exit: 0 },
  { name: 'arithmetic', script: 'i=7; echo $((i * 3 + 1)) $(( (10 - 4) / 4 )) $((10 % 3))', stdout: '22 1 1', exit: 0 },
  { name: 'pattern trimming ${v#p} ${v##p} ${v%p} ${v%%p}', script: 'h=web-2; f=/a/b.tar.gz; echo ${h##*-} ${f#*/} ${f##*/} ${f%.*} ${f%%.*}', stdout: '2 a/b.tar.gz b.tar.gz /a/b.tar /a/b', exit: 0 },
  { name: 'arithmetic assignment and increments', script: 'i=1; : $((i++)); : $((i += 5)); echo $((j = i * 2)) $i $j $((--i))', stdout: '14 7 14 6', exit: 0 },
  { name: 'command substitution and backticks', script: 'x=$(echo hi); y=`echo there`; echo "$x $y"', stdout: 'hi there', exit: 0 },
  { name: '$(date) reads the virtual clock', script: 'sleep 5; echo "now: $(date)"', stdout: 'now: Wed Jan  1 09:00:05 UTC 2025', exit: 0 },
  { name: 'quotes and escapes', script: `echo 'a  b' "c  \\"d\\"" e\\ f '$HOME'`, stdout: 'a  b c  "d" e f $HOME', exit: 0 },
  { name: 'field splitting of unquoted expansions', script: 'v="1 2  3"; for x in $v; do echo "[$x]"; done', stdout: '[1]\n[2]\n[3]', exit: 0 },
  { name: 'if / elif / else', script: 'x=2; if [ $x -eq 1 ]; then echo one; elif [ $x -eq 2 ]; then echo two; else echo many; fi', stdout: 'two', exit: 0 },
  { name: 'while loop with counter', script: 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', stdout: '0\n1\n2', exit: 0 },
  { name: 'until loop', script: 'n=0; until [ $n -ge 2 ]; do n=$((n+1)); done; echo $n', stdout: '2', exit: 0 },
  { name: 'break and continue', script: 'for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done', stdout: '1\n3', exit: 0 },
  { name: 'case', script: 'for w in apple kiwi x; do case $w in a*) echo A;; kiwi|lime) echo K;; *) echo other;; esac; done', stdout: 'A\nK\nother', exit: 0 },
  { name: 'functions with arguments and return', script: 'greet() { echo "hi $1"; return 4; }; greet bob; echo $?', stdout: 'hi bob\n4', exit: 0 },
  { name: 'local variables end with the function', script: 'x=outer; f() { local x=inner y; y=2; echo "$x $y"; }; f; echo "$x ${y:-none}"', stdout: 'inner 2\nouter none', exit: 0 },
  { name: 'groups and subshells', script: '{ echo a; echo b; }; (X=1; exit 5); echo "$? ${X:-unset}"', stdout: 'a\nb\n5 unset', exit: 0 },
  { name: 'redirection into files then cat', script: 'echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; cat < /tmp/f | wc -l', stdout: 'one\ntwo\n2', exit: 0 },
  { name: '2>&1 and >/dev/null', script: 'ls /nope 2>&1 | wc -l; ls /nope 2>/dev/null; echo $?; echo gone >/dev/null', stdout: '1\n1', exit: 0 },
  { name: 'pipes pass text', script: 'printf "b\\na\\nb\\n" | grep b | wc -l', stdout: '2', exit: 0 },
  { name: 'printf formats', script: 'printf "%s=%d %05.1f|%-3s|\\n" x 42 3.14159 ab', stdout: 'x=42 003.1|ab |', exit: 0 },
  { name: 'echo -n and -e', script: 'echo -n a; echo -e "b\\tc"', stdout: 'ab\tc', exit: 0 },
  { name: 'export reaches child env', script: 'export GREETING=hi; FOO=bar printenv FOO; printenv GREETING; env | grep -c GREETING', stdout: 'bar\nhi\n1', exit: 0 },
  { name: '$$ is 1 for PID 1', script: 'echo $$', stdout: '1', exit: 0 },
  { name: 'nested sh -c with positional args', script: `sh -c 'echo "$0 $1"; exit 7' name arg; echo $?`, stdout: 'name arg\n7', exit: 0 },
  { name: 'mkdir -p, ls, rm -r', script: 'mkdir -p /data/a/b; touch /data/a/f; ls /data/a; rm -r /data/a; ls /data', stdout: 'b\nf', exit: 0 },
  { name: 'test file predicates', script: 'touch /tmp/x; [ -f /tmp/x ] && [ -d /tmp ] && [ ! -e /tmp/y ] && [ -z "" ] && [ -n a ] && test a != b && echo ok', stdout: 'ok', exit: 0 },
  { name: 'seq and expr', script: 'seq 3; expr 2 + 3; expr 4 \\* 5', stdout: '1\n2\n3\n5\n20', exit: 0 },
  { name: 'head and tail', script: 'seq 10 > /tmp/n; head -n 2 /tmp/n; tail -n 1 /tmp/n; tail -2 /tmp/n | head -1', stdout: '1\n2\n10\n9', exit: 0 },
  { name: 'tee writes the file and stdout', script: 'echo hi | tee /tmp/t; cat /tmp/t', stdout: 'hi\nhi', exit: 0 },
  { name: 'grep -q sets the status', script: 'echo INFO | grep -q ERROR; echo $?; echo abc | grep -E "b+c"', stdout: '1\nabc', exit: 0 },
  { name: 'exit status of a trap-free script killed by a fatal error', script: 'echo $((1/0))', exit: 2 },
  { name: 'EXIT trap runs on exit', script: `trap 'echo bye' EXIT; echo hi; exit 4`, stdout: 'hi\nbye', exit: 4 },
  { name: 'set -e stops at the first failure', script: 'set -e; echo a; false; echo b', stdout: 'a', exit: 1 },
  { name: 'hostname and /etc/hostname', script: 'hostname; cat /etc/hostname', stdout: 'demo\ndemo', exit: 0 },
  { name: 'here-documents expand unless the delimiter is quoted', script: "x=1\ncat <<EOF > /tmp/h\nv=$x\nEOF\ncat /tmp/h; cat <<'E'\n$x\nE", stdout: 'v=1\n$x', exit: 0 },
  { name: 'while read over a redirected file', script: 'printf "a b\\nc d\\n" > /tmp/in; while read k v; do echo "$v=$k"; done < /tmp/in', stdout: 'b=a\nd=c', exit: 0 },
  { name: 'exec >file redirects the rest of the script', script: 'exec >/tmp/log; echo one; ls /nope 2>&1; cat /tmp/log >&2', stdout: '', stderr: 'one\nls: /nope: No such file or directory', exit: 0 },
  { name: 'globs in the last path component', script: 'touch /tmp/a.log /tmp/b.log /tmp/c.txt; echo /tmp/*.log; echo /tmp/*.none', stdout: '/tmp/a.log /tmp/b.log\n/tmp/*.none', exit: 0 },
  { name: '"$@" keeps arguments apart; ${#v} is a length', script: `f() { for a in "$@"; do echo "<$a>"; done; }; f "a b" c; v=hello; echo \${#v}`, stdout: '<a b>\n<c>\n5', exit: 0 },
  { name: 'scripts run from files', script: `echo 'echo "script $1"; exit 9' > /tmp/s.sh; sh /tmp/s.sh one; echo $?; /tmp/s.sh two`, stdout: 'script one\n9\nscript two', exit: 9 },
  { name: 'busybox sh -c and /bin paths', script: `busybox sh -c 'echo in busybox'; /bin/echo x; /usr/bin/printf y`, stdout: 'in busybox\nx\ny', exit: 0 },
  { name: 'date formats', script: 'sleep 65; date +%Y-%m-%dT%H:%M:%S; date +%s', stdout: '2025-01-01T09:01:05\n1735722065', exit: 0 },
  { name: 'sort, uniq -c, cut, tr, sed', script: `printf "b,2\\na,1\\nb,2\\n" > /tmp/c; sort /tmp/c | uniq -c; cut -d, -f2 /tmp/c | sort -rn | head -1; echo Hello | tr a-z A-Z; echo aXbX | sed 's/X/-/g'`, stdout: '      1 a,1\n      2 b,2\n2\nHELLO\na-b-', exit: 0 },
  { name: 'basename and dirname', script: 'basename /var/log/app.log .log; dirname /var/log/app.log', stdout: 'app\n/var/log', exit: 0 },
  { name: 'ps lists PID 1 and jobs', script: 'sleep 50 & ps', stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c sleep 50 & ps\n    2 root      0:00 sleep 50', exit: 0, at: 0 },
  { name: 'a busy loop costs virtual time instead of hanging', script: 'i=0; while :; do i=$((i+1)); [ $i -ge 3000 ] && break; done; echo $i', stdout: '3000', exit: 0, at: 9_000 },
  { name: 'killall a background sleep', script: 'sleep 100 & sleep 200 & killall sleep; wait; echo done', stdout: 'done', exit: 0, at: 0 },
  { name: 'printf leaves backslashes in %s arguments alone', script: `printf '%s\\n' 'a\\tb'`, stdout: 'a\\tb', exit: 0 },
  { name: 'busybox runs its applets', script: 'busybox echo applet; busybox sleep 1', stdout: 'applet', exit: 0, at: 1_000 },
  { name: 'command -v, which, env with a command, nohup', script: 'command -v sleep cd nosuch; which wget; env A=1 printenv A; nohup echo n; /usr/bin/env B=2 printenv B', stdout: '/bin/sleep\ncd\n/bin/wget\n1\nn\n2', exit: 0 },
  { name: 'timeout ends a slow command with its signal', script: 'timeout 2 sleep 10; echo $?; timeout 5 sleep 1; echo $?', stdout: '143\n0', exit: 0, at: 3_000 },
  { name: 'timeout -s KILL', script: 'timeout -s KILL 1 sh -c "sleep 9"; echo $?', stdout: '137', exit: 0, at: 1_000 },
  // Signals to PID 1.
  { name: 'PID 1 ignores TERM without a trap; KILL → 137', script: 'sleep 600', signals: [[10_000, 'TERM'], [40_000, 'KILL']], exit: 137, signal: 'KILL', at: 40_000 },
  {
    name: 'trap waits for the foreground sleep to finish',
    script: `trap 'echo got TERM; exit 0' TERM; sleep 60`,
    signals: [[10_000, 'TERM']],
    stdout: 'got TERM',
    exit: 0,
    at: 60_000,
  },
  {
    name: 'trap runs at once during wait',
    script: `trap 'echo got TERM; exit 0' TERM; sleep 600 & wait`,
    signals: [[10_000, 'TERM']],
    stdout: 'got TERM',
    exit: 0,
    at: 10_000,
  },
  {
    name: 'wait returns 128+n after the trap, the script goes on',
    script: `trap 'echo trapped' SIGTERM; sleep 600 & wait; echo "wait=$?"`,
    signals: [[5_000, 'TERM']],
    stdout: 'trapped\nwait=143',
    exit: 0,
    at: 5_000,
  },
  {
    name: 'trap by number 15 and a while loop of short sleeps',
    script: `trap 'echo stop; exit 3' 15; while true; do sleep 1; done`,
    signals: [[2_500, 'TERM']],
    stdout: 'stop',
    exit: 3,
    at: 3_000,
  },
  { name: 'trap - TERM restores the default (ignored by PID 1)', script: `trap 'echo x' TERM; trap - TERM; sleep 10`, signals: [[1_000, 'TERM']], exit: 0, at: 10_000 },
  { name: 'trapped KILL is still KILL', script: `trap 'echo no' KILL TERM; sleep 100`, signals: [[1_000, 'KILL']], exit: 137, signal: 'KILL', at: 1_000 },
  { name: 'exec replaces the shell: traps are gone', script: `trap 'echo no' TERM; exec sleep 100`, signals: [[1_000, 'TERM']], exit: 0, at: 100_000 },
  { name: 'kill $! ends a background job with 143', script: 'sleep 100 & kill $!; wait $!; echo $?', stdout: '143', exit: 0, at: 0 },
  { name: 'wait for a background job', script: 'sleep 3 & sleep 1; echo first; wait; echo done', stdout: 'first\ndone', exit: 0, at: 3_000 },
  { name: 'kill -9 of a background job', script: 'sleep 100 & pid=$!; kill -9 $pid; wait $pid; echo $?', stdout: '137', exit: 0 },
  {
    name: 'EXIT trap runs after a TERM trap exits',
    script: `trap 'echo cleanup' EXIT; trap 'exit 5' TERM; sleep 600 & wait`,
    signals: [[3_000, 'TERM']],
    stdout: 'cleanup',
    exit: 5,
    at: 3_000,
  },
  { name: 'trap "" ignores a signal', script: `trap '' INT; sleep 5`, signals: [[1_000, 'INT']], exit: 0, at: 5_000 },
  { name: 'a background subshell runs its own trap', script: `(trap 'echo child got TERM; exit 3' TERM; sleep 10) & sleep 1; kill $!; wait $!; echo $?`, stdout: 'child got TERM\n3', exit: 0, at: 10_000 },
  { name: 'kill of an unknown pid', script: 'kill 4242', stderr: "kill: can't kill pid 4242: No such process", exit: 1 },
  { name: 'the shell can TERM itself and trap it', script: `trap 'echo self' TERM; kill -s TERM $$; echo after`, stdout: 'self\nafter', exit: 0 },
];

describe('sh', () => {
  it.each(cases)('$name', (c) => {
    const h = start(['sh', '-c', c.script]);
    for (const [t, s] of c.signals ?? []) h.signalAt(t, s);
    h.timers.runUntil(c.until ?? 3_600_000);
    expect(h.exits).toHaveLength(1);
    if (c.stdout !== undefined) expect(h.stdout()).toBe(c.stdout);
    if (c.stderr !== undefined) expect(h.stderr()).toBe(c.stderr);
    expect(h.exits[0].status.exitCode).toBe(c.exit);
    if (c.signal) expect(h.exits[0].status.signal).toBe(c.signal);
    if (c.at !== undefined) expect(h.exits[0].t).toBe(c.at);
  });

  it('while true; echo; sleep 1 prints once a second', () => {
    const h = sh('while true; do echo hi; sleep 1; done', 4_500);
    expect(h.lines.map((l) => l.t)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(h.exits).toEqual([]);
  });

  it('the liveness probe file exists for 30 s', () => {
    const h = start(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']);
    h.timers.runUntil(29_999);
    expect(h.fs.exists('/tmp/healthy')).toBe(true);
    h.timers.runUntil(30_000);
    expect(h.fs.exists('/tmp/healthy')).toBe(false);
  });

  it('a non-PID-1 command dies of TERM with 143', () => {
    const h = start(['sh', '-c', 'sleep 100'], { pid1: false });
    h.signalAt(1_000, 'TERM');
    h.timers.runUntil(10_000);
    expect(h.exits).toEqual([{ t: 1_000, status: { exitCode: 143, signal: 'TERM' } }]);
  });

  it.each([
    ['TERM', 143],
    ['INT', 130],
    ['USR1', 138],
  ] as const)('a non-PID-1 shell dies of an untrapped %s with %i, no EXIT trap', (signal, code) => {
    const h = start(['sh', '-c', `trap 'echo exit-trap' EXIT; sleep 100 & wait`], { pid1: false });
    h.signalAt(1_000, signal);
    h.timers.runUntil(10_000);
    expect(h.exits).toEqual([{ t: 1_000, status: { exitCode: code, signal } }]);
    expect(h.stdout()).toBe('');
  });

  it('a utility run directly as PID 1 ignores TERM', () => {
    const h = start(['sleep', '5']);
    h.signalAt(1_000, 'TERM');
    h.timers.runUntil(10_000);
    expect(h.exits).toEqual([{ t: 5_000, status: { exitCode: 0 } }]);
  });

  it('never exits synchronously from start, and only once', () => {
    const h = start(['sh', '-c', 'exit 0']);
    expect(h.exits).toEqual([]);
    h.timers.runUntil(0);
    h.process.signal('KILL');
    h.timers.runUntil(10);
    expect(h.exits).toEqual([{ t: 0, status: { exitCode: 0 } }]);
  });

  it('sh with no script exits 0', () => {
    const h = start(['sh']);
    h.timers.runUntil(1);
    expect(h.exits[0].status.exitCode).toBe(0);
  });

  it('writing into a read-only configMap mount fails with EROFS', () => {
    const fs = createMemoryFs({ directories: ['/tmp'] });
    fs.mount('/etc/config', createMemoryFs({ files: { '/log_level': 'INFO' } }), { readOnly: true });
    const h = sh('cat /etc/config/log_level; echo; touch /etc/config/x; echo $?; echo y > /etc/config/y', 10, { fs });
    expect(h.stdout()).toBe('INFO\n1');
    expect(h.stderr()).toBe('touch: /etc/config/x: Read-only file system\nsh: can\'t create /etc/config/y: Read-only file system');
    expect(h.exits[0].status.exitCode).toBe(1);
  });

  it('stress allocates memory through setMemory', () => {
    const h = sh('stress --vm 1 --vm-bytes 150M --vm-hang 1', 5_000);
    expect(h.memory).toEqual([150 * 1024 * 1024]);
    expect(h.exits).toEqual([]);
    h.process.signal('KILL');
    expect(h.memory[h.memory.length - 1]).toBe(0);
  });

  it('syntax errors exit 2', () => {
    const h = sh('if true; then echo', 10);
    expect(h.exits[0].status.exitCode).toBe(2);
    expect(h.stderr()).toMatch(/^sh: syntax error/);
  });

  it('an exec into a running container is not PID 1 and can signal PID 1', () => {
    const main = start(['sh', '-c', `trap 'echo bye; exit 0' TERM; sleep 600 & wait`]);
    main.timers.runUntil(1_000);
    const exec = start(['sh', '-c', 'echo $$; kill -TERM 1'], { fs: main.fs, timers: main.timers });
    main.timers.runUntil(2_000);
    expect(exec.stdout()).not.toBe('1');
    expect(exec.exits[0].status.exitCode).toBe(0);
    expect(main.stdout()).toBe('bye');
    expect(main.exits).toEqual([{ t: 1_000, status: { exitCode: 0 } }]);
  });

  it('resolveCommand knows shells and utilities by name and path', () => {
    expect(resolveCommand('/bin/sh')).toBe(shellProgram);
    expect(resolveCommand('bash')).toBe(shellProgram);
    expect(resolveCommand('/usr/bin/wget')).toBeDefined();
    expect(resolveCommand('sleep')).toBeDefined();
    expect(resolveCommand('/usr/bin/env')).toBeDefined();
    expect(resolveCommand('nginx')).toBeUndefined();
    expect(resolveCommand('/opt/app/sleep')).toBeUndefined();
  });

  it('commandResolver lets scripts run image programs, signals go to an exec\'d program', () => {
    const seen: string[] = [];
    const nginx = {
      start: (argv: string[], ctx: Parameters<typeof shellProgram.start>[1]) => {
        ctx.log('stdout', `nginx ${argv.slice(1).join(' ')}`);
        return { signal: (s: string) => (seen.push(s), s === 'QUIT' && ctx.exit({ exitCode: 0 })) };
      },
    };
    const resolve = commandResolver((name) => (name === 'nginx' ? nginx : undefined));
    const timers = new FakeClock();
    const lines: string[] = [];
    const exits: number[] = [];
    const fs = createMemoryFs();
    const ctx = {
      timers,
      fs,
      net: { ip: '10.0.0.1', bind: () => 'ok' as const, unbind: () => undefined, unbindAll: () => undefined, listener: () => undefined },
      env: {},
      hostname: 'h',
      containerName: 'c',
      log: (_s: string, t: string) => lines.push(t),
      setMemory: () => undefined,
      privileged: false,
      exit: (s: { exitCode: number }) => exits.push(s.exitCode),
    };
    const p = resolve('sh')?.start(['sh', '-c', "echo start; exec nginx -g 'daemon off;'"], ctx);
    timers.runUntil(10);
    p?.signal('QUIT');
    timers.runUntil(20);
    expect(lines).toEqual(['start', 'nginx -g daemon off;']);
    expect(seen).toEqual(['QUIT']);
    expect(exits).toEqual([0]);
    const killed: Array<{ exitCode: number; signal?: string }> = [];
    const q = resolve('sh')?.start(['sh', '-c', 'exec nginx'], { ...ctx, fs: createMemoryFs(), exit: (st) => killed.push(st) });
    timers.runUntil(30);
    q?.signal('KILL');
    timers.runUntil(40);
    expect(killed).toEqual([{ exitCode: 137, signal: 'KILL' }]);
    expect(seen).toEqual(['QUIT', 'KILL']);
  });
});
