/**
 * Pipelines stream: every stage runs at once as its own process, a reader gets each line when the
 * writer writes it (on the virtual clock), `tail -f`/`-F` follows forever, and a writer whose reader
 * has gone dies of SIGPIPE (141) on its next write.
 */
import { describe, expect, it } from 'vitest';
import { sh } from './test-helpers';

interface Case {
  rule: string;
  script: string;
  until: number;
  /** stdout lines with the virtual ms at which each was written. */
  lines: Array<[number, string]>;
  /** [ms, exit code] when the script ends within `until`; absent: still running. */
  exit?: [number, number];
}

const WRITER = '(i=0; while true; do echo "event $i" >> /tmp/raw.log; i=$((i+1)); sleep 2; done) & ';

const cases: Case[] = [
  {
    rule: 'tail -F | while read streams each appended line as it is written (the adapter pattern)',
    script: `touch /tmp/raw.log; ${WRITER}tail -F /tmp/raw.log | while read line; do echo "adapted: $line"; done`,
    until: 6_500,
    lines: [
      [0, 'adapted: event 0'],
      [2000, 'adapted: event 1'],
      [4000, 'adapted: event 2'],
      [6000, 'adapted: event 3'],
    ],
  },
  {
    rule: 'tail -F retries a file that does not exist yet and follows it once it appears',
    script: '(sleep 3; echo late > /tmp/x) & tail -F /tmp/x 2>/dev/null | while read l; do echo "got $l"; done',
    until: 10_000,
    lines: [[3000, 'got late']],
  },
  {
    rule: 'stages run concurrently: the pipeline takes as long as its slowest stage, not the sum',
    script: 'sleep 3 | sleep 2; echo done',
    until: 10_000,
    lines: [[3000, 'done']],
    exit: [3000, 0],
  },
  {
    rule: 'grep and cat pass lines on while their writer still runs',
    script: '(echo a; sleep 1; echo b; sleep 1; echo skip; sleep 1; echo c) | grep -v skip | cat',
    until: 10_000,
    lines: [
      [0, 'a'],
      [1000, 'b'],
      [3000, 'c'],
    ],
    exit: [3000, 0],
  },
  {
    rule: 'a writer whose reader exited gets SIGPIPE on its next write; the status is the last stage\'s',
    script: '(echo a; sleep 1; echo b; sleep 60; echo c) | head -n 1; echo "status $?"',
    until: 100_000,
    lines: [
      [0, 'a'],
      [1000, 'status 0'],
    ],
    exit: [1000, 0],
  },
  {
    rule: 'the last stage is a subshell: its assignments do not reach the shell',
    script: 'x=1; echo 2 | read x; echo "$x"',
    until: 1000,
    lines: [[0, '1']],
    exit: [0, 0],
  },
  {
    rule: 'sort and wc wait for end of file',
    script: '(echo b; sleep 2; echo a) | sort; printf "1\\n2\\n" | wc -l',
    until: 10_000,
    lines: [
      [2000, 'a'],
      [2000, 'b'],
      [2000, '2'],
    ],
    exit: [2000, 0],
  },
];

describe('shell pipelines stream on the virtual clock', () => {
  it.each(cases.map((c) => [c.rule, c] as const))('%s', (_, c) => {
    const h = sh(c.script, c.until);
    expect(h.lines.filter((l) => l.stream === 'stdout').map((l) => [l.t, l.text])).toEqual(c.lines);
    expect(h.exits.map((e) => [e.t, e.status.exitCode])).toEqual(c.exit ? [c.exit] : []);
  });

  it('ps shows every stage of a running pipeline as a process', () => {
    const h = sh('tail -f /dev/null | cat & sleep 1; ps', 2000);
    expect(h.stdout()).toMatch(/tail -f \/dev\/null/);
    expect(h.stdout()).toMatch(/\bcat\b/);
  });
});

describe('read splits fields as sh does', () => {
  it.each([
    ['the last name keeps inner spaces: read line', 'echo "  Wed Jan  1 09:00  " | { read line; echo "[$line]"; }', '[Wed Jan  1 09:00]'],
    ['earlier names take one field each', 'echo "a  b   c  d" | { read x y z; echo "[$x][$y][$z]"; }', '[a][b][c  d]'],
    ['missing fields are empty', 'echo "a" | { read x y; echo "[$x][$y]"; }', '[a][]'],
  ])('%s', (_, script, out) => {
    expect(sh(script, 1000).stdout()).toBe(out);
  });
});

describe('tail -f on standard input', () => {
  it.each([
    ['a pipe cannot be followed: the last lines at its end, then tail exits', '(echo a; sleep 1; echo b) | tail -f -n 1; echo done', [[1000, 'b'], [1000, 'done']], [1000, 0]],
    ['/dev/null is followed forever (a way to sleep)', 'tail -f /dev/null; echo never', [], undefined],
  ] as const)('%s', (_, script, lines, exit) => {
    const h = sh(script, 10_000);
    expect(h.lines.filter((l) => l.stream === 'stdout').map((l) => [l.t, l.text])).toEqual(lines);
    expect(h.exits.map((e) => [e.t, e.status.exitCode])).toEqual(exit ? [exit] : []);
  });
});
