/**
 * A probe worker: one per container and probe type, as pkg/kubelet/prober/worker.go runs them.
 * Two regions: a ticker that fires every periodSeconds from the moment the worker starts (with the
 * pod, not with the container), and the prober that, on each tick, skips or probes as doProbe
 * decides, then applies successThreshold / failureThreshold before publishing a result.
 * A tick that arrives while a probe is still out is dropped, as Go's time.Ticker drops it. When the
 * prober stops (doProbe said not to go on, or the pod's workers were removed), the ticker stops too
 * and the worker is done: no more ticks, as worker.run returns.
 * Both regions hear the ticker's one `after period` event: a tick is one step for both, not a tick
 * then a TICK the ticker raises for the prober (probe workers step more than anything else).
 */
import { assign, emit, raise, setup } from 'xstate';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
/** results.Result: a startup probe starts Unknown, so `started` stays false until a success. */
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** What the worker reads of its container's status on each run (podutil.GetContainerStatus). */
export interface ProbeTarget {
  /** Container instance (its ID); 0 while none was created. */
  instance: number;
  running: boolean;
  terminated: boolean;
  startedAt?: number;
  started: boolean;
  podDeleting: boolean;
  restartPolicyNever: boolean;
}

export interface ProbeInput {
  type: ProbeType;
  container: string;
  periodMs: number;
  initialDelaySeconds: number;
  successThreshold: number;
  failureThreshold: number;
  observe: () => ProbeTarget;
  now: () => number;
}

export interface ProbeContext extends ProbeInput {
  /** resultsManager's value: readiness starts Failure, liveness and startup Success. */
  result: ProbeResult;
  lastResult?: ProbeResult;
  resultRun: number;
  onHold: boolean;
  instance: number;
  /** The outcome of the last probe actually sent (for the UI's marks). */
  lastOutput?: string;
}

/** XState's name for the ticker's `after: { period }` event (`xstate.after.<delay>.<state id>`). */
export const TICK = 'xstate.after.period.probe.ticker.ticking';

export type ProbeEvent =
  /** prober_manager UpdatePodStatus: a running container not yet ready gets a readiness run now. */
  | { type: 'TRIGGER' }
  | { type: 'PROBE_RESULT'; result: 'Success' | 'Failure'; output: string }
  | { type: 'STOP_WORKER' }
  /** Raised by the prober when it stops: the ticker stops with it. */
  | { type: 'PROBER_STOPPED' };

export type ProbeEffect =
  | { type: 'probe' }
  | { type: 'result'; result: ProbeResult };

/** newWorker's initialValue: readiness Failure, liveness Success, startup Unknown. */
function initialResult(type: ProbeType): ProbeResult {
  if (type === 'readiness') return 'Failure';
  return type === 'liveness' ? 'Success' : 'Unknown';
}

/** successThreshold / failureThreshold count answers in a row: this one extends the run or starts one. */
function runLength(context: ProbeContext, result: 'Success' | 'Failure'): number {
  return context.lastResult === result ? context.resultRun + 1 : 1;
}

export const probeMachine = setup({
  types: {
    context: {} as ProbeContext,
    events: {} as ProbeEvent,
    input: {} as ProbeInput,
    emitted: {} as ProbeEffect,
  },
  guards: {
    noContainer: ({ context }) => context.observe().instance === 0,
    newContainer: ({ context }) => context.observe().instance !== context.instance,
    onHold: ({ context }) => context.onHold,
    workerDone: ({ context }) => {
      const target = context.observe();
      return !target.running && target.terminated && target.restartPolicyNever;
    },
    notRunning: ({ context }) => !context.observe().running,
    podDeleting: ({ context }) => context.type !== 'readiness' && context.observe().podDeleting,
    inInitialDelay: ({ context }) => {
      const target = context.observe();
      // int32(time.Since(startedAt).Seconds()) < InitialDelaySeconds: whole seconds, truncated.
      return Math.floor((context.now() - (target.startedAt ?? 0)) / 1000) < context.initialDelaySeconds;
    },
    gatedByStartup: ({ context }) => {
      const started = context.observe().started;
      return context.type === 'startup' ? started : !started;
    },
    belowThreshold: ({ context, event }) => {
      if (event.type !== 'PROBE_RESULT') return false;
      const run = runLength(context, event.result);
      const threshold = event.result === 'Failure' ? context.failureThreshold : context.successThreshold;
      return run < threshold;
    },
  },
  actions: {
    // Plain literals, no spreads: a spread then an overwritten key leaves V8 a slow dictionary object,
    // and the context is read on every step.
    countResult: assign(({ context, event }) =>
      event.type === 'PROBE_RESULT' ? { lastResult: event.result, resultRun: runLength(context, event.result), lastOutput: event.output } : {},
    ),
    // Counts the answer and publishes it in one assign: each assign costs a new snapshot.
    countAndPublish: assign(({ context, event }) => {
      if (event.type !== 'PROBE_RESULT') return {};
      // A liveness or startup failure means a restart: hold until a new container appears.
      const hold = context.type !== 'readiness' && event.result === 'Failure';
      return { lastResult: event.result, resultRun: hold ? 0 : runLength(context, event.result), lastOutput: event.output, result: event.result, onHold: hold };
    }),
    emitResult: emit(({ context }) => ({ type: 'result' as const, result: context.result })),
    adoptContainer: assign(({ context }) => ({
      instance: context.observe().instance,
      result: initialResult(context.type),
      onHold: false,
    })),
    failWhileStopped: assign({ result: 'Failure' as ProbeResult }),
  },
  delays: {
    period: ({ context }) => context.periodMs,
  },
}).createMachine({
  id: 'probe',
  type: 'parallel',
  context: ({ input }) => ({
    ...input,
    result: initialResult(input.type),
    resultRun: 0,
    onHold: false,
    instance: 0,
  }),
  on: { STOP_WORKER: '.prober.stopped' },
  states: {
    ticker: {
      initial: 'ticking',
      states: {
        ticking: {
          after: { period: { target: 'ticking', reenter: true } },
          // worker.run: a manual trigger resets the ticker (probeTicker.Reset) and probes at once.
          on: { TRIGGER: { target: 'ticking', reenter: true }, PROBER_STOPPED: 'stopped' },
        },
        /** worker.run's loop ended: probeTicker.Stop(), and the worker is gone. */
        stopped: { type: 'final' },
      },
    },
    prober: {
      initial: 'deciding',
      states: {
        idle: {
          // The ticker's own event (typed by the machine as its delayed event, so not in ProbeEvent).
          on: { [TICK]: 'deciding', TRIGGER: 'deciding' },
        },
        /** doProbe's checks, in its order. */
        deciding: {
          always: [
            { guard: 'noContainer', target: 'idle' },
            { guard: 'newContainer', target: 'deciding', reenter: true, actions: ['adoptContainer', 'emitResult'] },
            { guard: 'onHold', target: 'idle' },
            { guard: 'workerDone', target: 'stopped' },
            { guard: 'notRunning', target: 'idle', actions: ['failWhileStopped', 'emitResult'] },
            { guard: 'podDeleting', target: 'idle' },
            { guard: 'inInitialDelay', target: 'idle' },
            { guard: 'gatedByStartup', target: 'idle' },
            { target: 'probing' },
          ],
        },
        /** The handler runs (exec, httpGet, tcpSocket, grpc) and answers within timeoutSeconds. */
        probing: {
          entry: emit({ type: 'probe' }),
          on: {
            PROBE_RESULT: [
              { guard: 'belowThreshold', target: 'idle', actions: ['countResult'] },
              { target: 'idle', actions: ['countAndPublish', 'emitResult'] },
            ],
          },
        },
        stopped: { type: 'final', entry: raise({ type: 'PROBER_STOPPED' }) },
      },
    },
  },
});
