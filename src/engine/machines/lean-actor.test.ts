/**
 * LeanActor against XState's createActor: the same machine, the same events, the same clock moves,
 * and every step must give the same snapshots, emitted events and timers. Walks are random but
 * seeded, so a failure replays.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { assign, cancel, createActor, emit, raise, setup, type AnyStateMachine, type EventObject } from 'xstate';
import { VirtualClock } from '../clock';
import { seededRandom as random } from '../ids';

/** Any event a walk sends (events carry fields besides their type). */
type AnyEvent = EventObject & Record<string, unknown>;
import { LeanActor } from './lean-actor';
import { probeMachine, type ProbeInput, type ProbeTarget } from './probe';

/** Context without the functions the input carries (they are the same objects on both sides). */
function plain(context: unknown): unknown {
  return Object.fromEntries(Object.entries(context as Record<string, unknown>).filter(([, v]) => typeof v !== 'function'));
}

interface World<TEnv> {
  clock: VirtualClock;
  env: TEnv;
  log: string[];
  send(event: EventObject): void;
  start(): void;
  stop(): void;
}

type Interpreter = 'xstate' | 'lean';

function world<TEnv>(kind: Interpreter, machine: AnyStateMachine, makeEnv: () => TEnv, input: (env: TEnv, clock: VirtualClock) => unknown): World<TEnv> {
  const clock = new VirtualClock();
  const env = makeEnv();
  const log: string[] = [];
  const note = (snapshot: { value: unknown; context: unknown; status: string }) =>
    log.push(`@${clock.now()} ${JSON.stringify(snapshot.value)} ${JSON.stringify(plain(snapshot.context))} ${snapshot.status}`);
  const emitted = (e: EventObject) => log.push(`@${clock.now()} emit ${JSON.stringify(e)}`);
  if (kind === 'xstate') {
    const actor = createActor(machine, { clock, input: input(env, clock) });
    actor.subscribe((s) => note(s));
    actor.on('*', emitted);
    return { clock, env, log, send: (e) => actor.send(e), start: () => actor.start(), stop: () => actor.stop() };
  }
  const actor = new LeanActor(machine, { clock, input: input(env, clock) as never });
  actor.subscribe((s) => note(s));
  actor.on('*', emitted as never);
  return { clock, env, log, send: (e) => actor.send(e as never), start: () => actor.start(), stop: () => actor.stop() };
}

/** A walk: each step sends an event, moves the clock or changes the world the guards read. */
type Step<TEnv> = { kind: 'send'; event: AnyEvent } | { kind: 'tick' } | { kind: 'env'; change: (env: TEnv) => void } | { kind: 'stop' };

function walk<TEnv>(machine: AnyStateMachine, makeEnv: () => TEnv, input: (env: TEnv, clock: VirtualClock) => unknown, steps: Step<TEnv>[]) {
  const worlds = (['xstate', 'lean'] as const).map((kind) => world(kind, machine, makeEnv, input));
  for (const w of worlds) w.start();
  steps.forEach((step, i) => {
    for (const w of worlds) {
      if (step.kind === 'send') w.send(step.event);
      else if (step.kind === 'tick') w.log.push(`tick → ${String(w.clock.step())}`);
      else if (step.kind === 'env') step.change(w.env);
      else w.stop();
    }
    expect(worlds[1].log, `step ${i}: ${JSON.stringify(step.kind === 'send' ? step.event : step.kind)}`).toEqual(worlds[0].log);
  });
  return worlds[0].log;
}

function probeInput(env: ProbeTarget, clock: VirtualClock, type: ProbeInput['type']): ProbeInput {
  return { type, container: 'app', periodMs: 10_000, initialDelaySeconds: 3, successThreshold: 2, failureThreshold: 3, observe: () => ({ ...env }), now: () => clock.now() };
}

function probeSteps(seed: number, n: number): Step<ProbeTarget>[] {
  const r = random(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const steps: Step<ProbeTarget>[] = [];
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (roll < 0.35) steps.push({ kind: 'tick' });
    else if (roll < 0.7)
      steps.push({
        kind: 'send',
        event: pick<AnyEvent>([
          { type: 'PROBE_RESULT', result: 'Success', output: '' },
          { type: 'PROBE_RESULT', result: 'Failure', output: 'HTTP probe failed with statuscode: 500' },
          { type: 'TRIGGER' },
          { type: 'STOP_WORKER' },
        ]),
      });
    else
      steps.push({
        kind: 'env',
        change: pick<(t: ProbeTarget) => void>([
          (t) => {
            t.instance++;
            t.running = true;
            t.terminated = false;
            t.startedAt = i * 1000;
          },
          (t) => {
            t.running = false;
            t.terminated = true;
          },
          (t) => (t.started = !t.started),
          (t) => (t.podDeleting = true),
          (t) => (t.restartPolicyNever = !t.restartPolicyNever),
        ]),
      });
  }
  if (r() < 0.5) steps.push({ kind: 'stop' }, { kind: 'tick' });
  return steps;
}

const newTarget = (): ProbeTarget => ({ instance: 0, running: false, terminated: false, started: false, podDeleting: false, restartPolicyNever: false });

describe('LeanActor steps a machine exactly as XState does', () => {
  // The walks send events after a machine is done or stopped on purpose; XState's development
  // build warns on each (LeanActor ignores them as quietly as XState's production build).
  beforeAll(() => {
    const warn = console.warn.bind(console);
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('was sent to stopped actor')) warn(...args);
    });
  });

  it.each(['readiness', 'liveness', 'startup'] as const)('the probe worker machine (%s), 60 seeded walks of 120 steps', (type) => {
    for (let seed = 1; seed <= 60; seed++) walk(probeMachine, newTarget, (env, clock) => probeInput(env, clock, type), probeSteps(seed, 120));
  }, 30_000);

  it('a healthy worker ticks, probes and publishes every period (the common path)', () => {
    const steps: Step<ProbeTarget>[] = [{ kind: 'env', change: (t) => Object.assign(t, { instance: 1, running: true, startedAt: 0, started: true }) }];
    for (let i = 0; i < 10; i++) steps.push({ kind: 'tick' }, { kind: 'send', event: { type: 'PROBE_RESULT', result: 'Success', output: '' } });
    const log = walk(probeMachine, newTarget, (env, clock) => probeInput(env, clock, 'readiness'), steps);
    expect(log.filter((l) => l.includes('emit {"type":"probe"}'))).toHaveLength(10);
  });

  // The features the probe machine does not use but the interpreter claims: nested compound states,
  // a final state and its done event, raise with and without delay, cancel, object assigns,
  // initial actions, exit actions, targetless transitions and a root transition into a region.
  const features = setup({
    types: { context: {} as { n: number; log: string[] }, events: {} as { type: 'A' } | { type: 'B' } | { type: 'C' } | { type: 'RESET' } },
    guards: { even: ({ context }) => context.n % 2 === 0, big: ({ context }) => context.n > 4 },
    actions: {
      inc: assign({ n: ({ context }) => context.n + 1 }),
      note: assign(({ context, event }) => ({ log: [...context.log, event.type] })),
      tell: emit(({ context }) => ({ type: 'told', n: context.n })),
    },
    delays: { soon: ({ context }) => 1000 + context.n * 10 },
  }).createMachine({
    id: 'features',
    type: 'parallel',
    context: { n: 0, log: [] },
    on: { RESET: { target: '.left.one', reenter: true, actions: 'note' } },
    states: {
      left: {
        initial: 'one',
        states: {
          one: { entry: 'tell', on: { A: { target: 'two', actions: 'inc' }, B: { actions: ['inc', 'tell'] } }, after: { soon: 'two' } },
          two: {
            initial: { target: 'inner', actions: 'note' },
            exit: ['tell'],
            onDone: { target: 'one', actions: 'inc' },
            states: {
              inner: { exit: 'inc', on: { A: [{ guard: 'even', target: 'end' }, { actions: 'inc' }] }, always: { guard: 'big', target: 'end' } },
              end: { type: 'final', entry: raise({ type: 'C' }) },
            },
          },
        },
      },
      right: {
        initial: 'idle',
        states: {
          idle: { on: { C: { target: 'busy', actions: 'inc' }, B: 'busy' } },
          busy: {
            entry: raise({ type: 'B' }, { id: 'again', delay: 500 }),
            exit: cancel('again'),
            on: { B: { target: 'busy', reenter: true, actions: 'tell' }, A: 'idle' },
          },
        },
      },
    },
  });

  it('a machine with every supported feature, 80 seeded walks of 80 steps', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const r = random(seed);
      const steps: Step<null>[] = Array.from({ length: 80 }, () => {
        const roll = r();
        if (roll < 0.3) return { kind: 'tick' };
        return { kind: 'send', event: { type: ['A', 'B', 'C', 'RESET'][Math.floor(r() * 4)] } };
      });
      walk(features, () => null, () => undefined, steps);
    }
  }, 30_000);

  // A machine that finishes: both regions reach their final states, every state's exit actions run,
  // the timers go and the actor stops (what a probe worker does when its loop ends).
  const finishing = setup({
    types: { context: {} as { n: number }, events: {} as { type: 'A' } | { type: 'B' } | { type: 'C' } },
    actions: {
      inc: assign({ n: ({ context }) => context.n + 1 }),
      tell: emit(({ context }) => ({ type: 'told', n: context.n })),
    },
  }).createMachine({
    id: 'finishing',
    type: 'parallel',
    context: { n: 0 },
    exit: 'tell',
    states: {
      left: {
        initial: 'run',
        exit: ['inc', 'tell'],
        states: {
          run: { after: { 700: { target: 'run', reenter: true, actions: 'inc' } }, on: { A: 'end' } },
          end: { type: 'final', entry: raise({ type: 'C' }), exit: 'tell' },
        },
      },
      right: {
        initial: 'wait',
        states: {
          wait: { on: { B: 'end', C: { actions: 'tell' } }, after: { 1500: 'end' } },
          end: { type: 'final', exit: 'inc' },
        },
      },
    },
  });

  it('a machine that finishes, 80 seeded walks of 40 steps', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const r = random(seed);
      const steps: Step<null>[] = Array.from({ length: 40 }, () =>
        r() < 0.5 ? { kind: 'tick' } : { kind: 'send', event: { type: ['A', 'B', 'C'][Math.floor(r() * 3)] } },
      );
      walk(finishing, () => null, () => undefined, steps);
    }
  }, 30_000);

  it.each([
    ['an invoked actor', setup({}).createMachine({ initial: 'a', states: { a: { invoke: { src: 'x' } } } } as never)],
    ['a history state', setup({}).createMachine({ initial: 'a', states: { a: {}, h: { type: 'history' } } })],
    ['a wildcard event', setup({}).createMachine({ initial: 'a', states: { a: { on: { '*': 'a' } } } })],
    ['a custom action', setup({ actions: { log: () => undefined } }).createMachine({ initial: 'a', states: { a: { entry: 'log' } } })],
  ])('refuses %s rather than run it differently', (_label, machine) => {
    expect(() => new LeanActor(machine as AnyStateMachine, { clock: new VirtualClock() })).toThrow(/LeanActor cannot run/);
  });
});
