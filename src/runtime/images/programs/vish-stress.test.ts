import { describe, expect, it } from 'vitest';
import { setup } from '../../testing/fixtures';
import type { ExitStatus } from '../../types';
import { goDurationMs } from './vish-stress';

const MiB = 1024 * 1024;

describe('vish/stress (github.com/vishh/stress main.go)', () => {
  it.each([
    ['1ms', 1],
    ['1s', 1000],
    ['1m30s', 90_000],
    ['bogus', 7],
  ])('parses the duration %s as %d ms', (text, ms) => {
    expect(goDurationMs(text, 7)).toBe(ms);
  });

  it('-cpus 2 (the docs cpu-request-limit.yaml): spawns two CPU threads, allocates nothing, runs forever', () => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('cpu-demo-ctr', 'vish/stress', { args: ['-cpus', '2'] }));
    const exits: ExitStatus[] = [];
    c.start((e) => exits.push(e));
    s.clock.advance(600_000);
    expect(exits).toEqual([]);
    expect(c.running()).toBe(true);
    expect(c.logs().map((l) => [l.stream, l.text.replace(/^I\d{4} [\d:.]+ +/, '')])).toEqual([
      ['stderr', '1 main.go:26] Allocating "0" memory, in "4Ki" chunks, with a 1ms sleep between allocations'],
      ['stderr', '1 main.go:39] Spawning a thread to consume CPU'],
      ['stderr', '1 main.go:39] Spawning a thread to consume CPU'],
      ['stderr', '1 main.go:29] Allocated "0" memory'],
    ]);
  });

  it('-mem-total allocates in chunks on the clock and is OOMKilled above the limit', () => {
    const s = setup();
    const c = s.sandbox.createContainer(
      s.container('hog', 'vish/stress', {
        args: ['-mem-total', '300Mi', '-mem-alloc-size', '10Mi', '-mem-alloc-sleep', '1s'],
        memoryLimitBytes: 200 * MiB,
      }),
    );
    const exits: Array<[number, ExitStatus]> = [];
    c.start((e) => exits.push([s.clock.now(), e]));
    s.clock.advance(9_000);
    expect(c.memory()).toBe(90 * MiB);
    s.clock.advance(60_000);
    expect(exits.map(([, e]) => e)).toEqual([{ exitCode: 137, signal: 'KILL', oomKilled: true }]);
  });

  it('a Go binary without signal.Notify: TERM as PID 1 exits 2', () => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('cpu', 'vish/stress', { args: ['-cpus', '1'] }));
    const exits: ExitStatus[] = [];
    c.start((e) => exits.push(e));
    c.signal('TERM');
    s.clock.advance(10);
    expect(exits).toEqual([{ exitCode: 2 }]);
  });

  it('a bad quantity panics (resource.MustParse) and exits 2', () => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('bad', 'vish/stress', { args: ['-mem-total', 'lots'] }));
    const exits: ExitStatus[] = [];
    c.start((e) => exits.push(e));
    s.clock.advance(10);
    expect(exits).toEqual([{ exitCode: 2 }]);
    expect(c.logs()[0].text).toMatch(/^panic: cannot parse 'lots'/);
  });
});
