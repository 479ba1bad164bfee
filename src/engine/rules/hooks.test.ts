/**
 * Lifecycle hooks: postStart blocks the kubelet's start of the container (reported Waiting until it
 * returns), a failing postStart is reported and kills the container; preStop runs before the stop
 * signal, inside the grace period, and a preStop that outlasts it gets TERM at the deadline and KILL
 * 2 s later.
 * Sources: pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer "Step 4: execute the post
 * start hook": event FailedPostStartHook "PostStartHook failed", killContainer(..., "FailedPostStartHook",
 * reasonFailedPostStartHook); killContainer: executePreStopHook, gracePeriod -= preStop duration,
 * minimumGracePeriodInSeconds = 2; executePreStopHook: event FailedPreStopHook "PreStopHook failed"),
 * pkg/kubelet/lifecycle/handlers.go (HandlerRunner.Run: exec, httpGet, sleep).
 */
import { describe, expect, it } from 'vitest';
import { kubeTime } from '../../k8s';
import { KUBELET_WATCH_DELAY_MS } from '../timing';
import { containerAt, eventsOf, onePod, run, statusChanges } from './builders';

const APP = 'spec.containers{app}';
/** A shell that exits 0 on TERM (once its foreground `sleep 1` returns: POSIX runs traps between commands). */
const TRAPS_TERM = `    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;
/** registry.k8s.io/pause exits 0 the moment TERM arrives (pause.c sigdown): the TERM time is its finishedAt. */
const PAUSE = 'registry.k8s.io/pause:3.9';
const cached = ['busybox:1.36', PAUSE];
/** `sleep` as PID 1 has no TERM handler: only KILL ends it (exit 137). */
const IGNORES_TERM = '    command: ["sleep", "3600"]';

describe('postStart (kuberuntime_container.go startContainer, Step 4)', () => {
  // The container starts at 1 s (image cached, sandbox 1 s); the hook sleeps 3 s.
  const trace = run(onePod({ body: `${IGNORES_TERM}\n    lifecycle:\n      postStart:\n        exec:\n          command: ["sh", "-c", "sleep 3"]` }), {
    cachedImages: cached,
    until: 10_000,
  });

  it.each([
    { rule: 'while the hook runs the container is reported Waiting ContainerCreating, not ready, not started', t: 1_000 },
    { rule: 'still Waiting just before the hook returns', t: 3_999 },
  ])('$rule', ({ t }) => {
    expect(containerAt(trace, t)).toMatchObject({ state: { waiting: { reason: 'ContainerCreating' } }, ready: false, started: false });
  });

  it('once the hook returns the container is Running (startedAt is the process start), ready and started', () => {
    expect(containerAt(trace, 4_000)).toMatchObject({ state: { running: { startedAt: kubeTime(1_000) } }, ready: true, started: true });
    expect(statusChanges(trace)).toEqual([
      [0, 'Pending'],
      [0, 'ContainerCreating'],
      [4_000, 'Running'],
    ]);
  });

  it('Started is recorded when the process starts, before the hook (the hook runs alongside the entrypoint)', () => {
    expect(eventsOf(trace, 'Started').map((e) => e.t)).toEqual([1_000]);
    expect(eventsOf(trace, 'FailedPostStartHook')).toEqual([]);
  });
});

describe('a failing exec postStart (startContainer: FailedPostStartHook, killContainer "FailedPostStartHook")', () => {
  const trace = run(onePod({ body: `${TRAPS_TERM}\n    lifecycle:\n      postStart:\n        exec:\n          command: ["sh", "-c", "exit 1"]` }), {
    cachedImages: cached,
    until: 30_000,
  });

  it.each([
    // "do not record the message in the event so that secrets won't leak from the server."
    { rule: 'Warning FailedPostStartHook "PostStartHook failed"', reason: 'FailedPostStartHook', type: 'Warning', message: 'PostStartHook failed' },
    // killContainer records Killing with the message it is given: "FailedPostStartHook".
    { rule: 'Normal Killing with message "FailedPostStartHook"', reason: 'Killing', type: 'Normal', message: 'FailedPostStartHook' },
  ])('$rule', ({ reason, type, message }) => {
    const first = eventsOf(trace, reason, APP)[0];
    expect(first).toMatchObject({ t: 1_000, type, message });
  });

  it('the hook failure comes before the kill, both after Started', () => {
    const reasons = trace.events.filter((e) => e.fieldPath === APP && e.t === 1_000).map((e) => e.reason);
    expect(reasons.slice(-3)).toEqual(['Started', 'FailedPostStartHook', 'Killing']);
  });

  it('restartPolicy Always: the container is started again (restartCount grows) and goes into CrashLoopBackOff', () => {
    expect(eventsOf(trace, 'Started', APP).length).toBeGreaterThan(1);
    expect(containerAt(trace, 29_000).restartCount).toBeGreaterThan(0);
    expect(statusChanges(trace).map(([, s]) => s)).toContain('CrashLoopBackOff');
  });
});

describe('preStop runs before the stop signal, inside the grace period (killContainer, executePreStopHook)', () => {
  // Deleted at 5 s; the container runs from 1 s. The kubelet kills when its watch delivers the
  // deletion, and every grace period below counts from there (killContainer → StopContainer).
  const DELETE = { at: 5, kind: 'deletePod' as const };
  const KILL = 5_000 + KUBELET_WATCH_DELAY_MS;
  it.each([
    {
      rule: 'exec preStop sleeping 5 s, grace 30: TERM at +5 s (pause exits 0 on it)',
      grace: 30,
      image: PAUSE,
      body: '',
      hook: '        exec:\n          command: ["sh", "-c", "sleep 5"]',
      exitCode: 0,
      finished: KILL + 5_000,
    },
    {
      rule: 'exec preStop sleeping 5 s, grace 30, TERM ignored: KILL when the 30 s grace period ends (exit 137)',
      grace: 30,
      image: 'busybox:1.36',
      body: `${IGNORES_TERM}\n`,
      hook: '        exec:\n          command: ["sh", "-c", "sleep 5"]',
      exitCode: 137,
      finished: KILL + 30_000,
    },
    {
      rule: 'preStop outlasting the grace period (60 s vs 10 s): TERM at the deadline',
      grace: 10,
      image: PAUSE,
      body: '',
      hook: '        exec:\n          command: ["sh", "-c", "sleep 60"]',
      exitCode: 0,
      finished: KILL + 10_000,
    },
    {
      rule: 'preStop outlasting the grace period, TERM ignored: KILL 2 s after the deadline (minimumGracePeriodInSeconds)',
      grace: 10,
      image: 'busybox:1.36',
      body: `${IGNORES_TERM}\n`,
      hook: '        exec:\n          command: ["sh", "-c", "sleep 60"]',
      exitCode: 137,
      finished: KILL + 12_000,
    },
    {
      rule: 'lifecycle.preStop.sleep.seconds 4 (handlers.go runSleepHandler): TERM at +4 s',
      grace: 10,
      image: PAUSE,
      body: '',
      hook: '        sleep:\n          seconds: 4',
      exitCode: 0,
      finished: KILL + 4_000,
    },
  ])('$rule', ({ grace, image, body, hook, exitCode, finished }) => {
    const trace = run(onePod({ grace, image, body: `${body}    lifecycle:\n      preStop:\n${hook}` }), { cachedImages: cached, until: 40_000, actions: [DELETE] });
    expect(eventsOf(trace, 'Killing', APP).map((e) => [e.t, e.message])).toEqual([[KILL, 'Stopping container app']]);
    expect(containerAt(trace, finished - 1).state?.running).toBeDefined();
    expect(containerAt(trace, finished).state?.terminated).toMatchObject({ exitCode, finishedAt: kubeTime(finished) });
  });

  it('a failing preStop: Warning FailedPreStopHook "PreStopHook failed", then TERM at once', () => {
    const trace = run(onePod({ grace: 10, image: PAUSE, body: '    lifecycle:\n      preStop:\n        exec:\n          command: ["sh", "-c", "exit 3"]' }), {
      cachedImages: cached,
      until: 30_000,
      actions: [DELETE],
    });
    expect(eventsOf(trace, 'FailedPreStopHook', APP).map((e) => [e.t, e.type, e.message])).toEqual([[KILL, 'Warning', 'PreStopHook failed']]);
    expect(containerAt(trace, KILL).state?.terminated).toMatchObject({ exitCode: 0, finishedAt: kubeTime(KILL) });
  });
});
