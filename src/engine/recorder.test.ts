import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { VirtualClock } from './clock';
import type { Interpreter } from './machines/lean-actor';
import { probeMachine, type ProbeInput } from './machines/probe';
import { Recorder } from './recorder';

/** A readiness worker on a running container whose probe answers on the clock, `steps` instants long. */
function run(mode: 'inspect' | Interpreter, steps: number): { recorder: Recorder; clock: VirtualClock } {
  const clock = new VirtualClock();
  const recorder = new Recorder(clock);
  const target = { instance: 1, running: true, terminated: false, startedAt: 0, started: true, podDeleting: false, restartPolicyNever: false };
  const input: ProbeInput = {
    type: 'readiness',
    container: 'app',
    periodMs: 5000,
    initialDelaySeconds: 0,
    successThreshold: 1,
    failureThreshold: 3,
    observe: () => target,
    now: () => clock.now(),
  };
  const id = 'pod/p/container/app/probe/readiness';
  let actor;
  if (mode === 'inspect') {
    const inspected = createActor(probeMachine, { clock, input, inspect: recorder.inspect });
    recorder.track(inspected.sessionId, id, 'probe');
    actor = inspected;
  } else actor = recorder.follow(probeMachine, { clock, input }, id, 'probe', mode);
  let n = 0;
  actor.on('*', (effect) => {
    if (effect.type !== 'probe') return;
    const result = n++ % 3 === 2 ? 'Failure' : 'Success';
    clock.setTimeout(() => actor.send({ type: 'PROBE_RESULT', result, output: '' }), 0);
  });
  actor.start();
  for (let i = 0; i < steps; i++) clock.step();
  return { recorder, clock };
}

describe('Recorder', () => {
  it.each(['lean', 'xstate'] as const)('follow (%s) records what track + inspect record: the same transitions, states and version bumps', (mode) => {
    const inspected = run('inspect', 20).recorder;
    const followed = run(mode, 20).recorder;
    expect(followed.transitions.length).toBeGreaterThan(20);
    expect(followed.transitions).toEqual(inspected.transitions);
    expect(followed.machineStates()).toEqual(inspected.machineStates());
    expect(followed.version).toBe(inspected.version);
  });

  it('keeps the machine list frames share while every actor is back in the state it shows', () => {
    const { recorder, clock } = run('lean', 2);
    const list = recorder.machineStates();
    const transitions = recorder.transitions.length;
    // Another round: idle → probing → idle within one instant, two transitions, the same list.
    clock.step();
    expect(recorder.transitions.length).toBe(transitions + 2);
    expect(recorder.machineStates()).toBe(list);
    expect(list[0].active).toEqual(['ticker', 'ticker.ticking', 'prober', 'prober.idle']);
  });
});
