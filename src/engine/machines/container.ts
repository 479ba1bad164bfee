/**
 * One container's lifecycle as the kubelet drives it: Waiting (its reasons are child states),
 * Running (postStart first), Stopping (preStop, TERM, KILL when the grace period ends) and
 * Terminated, then a restart under the restart policy with the kubelet's crash-loop back-off.
 *
 * The machine decides *when*; the kubelet (src/engine/kubelet) does the work it asks for through
 * emitted effects (pull, create, run a hook, signal) and reports back with events that carry the
 * virtual time. Every delay is an `after` transition on the virtual clock, so the diagram shows it.
 *
 * Sources: pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions, doBackOff),
 * kuberuntime_container.go (startContainer, killContainer), pkg/util/flowcontrol/backoff.go,
 * pkg/kubelet/images/image_manager.go (EnsureImageExists).
 */
import { assign, emit, setup } from 'xstate';
import type { ExitStatus } from '../../runtime/types';
import { BACKOFF_RESYNC_MS, CONTAINER_BACKOFF_INITIAL_MS, CONTAINER_BACKOFF_MAX_MS, KUBELET_SYNC_MS, MIN_GRACE_MS, POD_RESYNC_MS } from '../timing';

export type ContainerRole = 'init' | 'sidecar' | 'regular';
export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export interface Termination {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  /** Which container instance (1 = first run) ended. */
  instance: number;
}

/** The kubelet's per-key back-off entry (flowcontrol.Backoff): duration and last update. */
export interface BackoffEntry {
  ms: number;
  lastUpdate: number;
}

export interface ContainerContext {
  name: string;
  role: ContainerRole;
  restartPolicy: RestartPolicy;
  hasPostStart: boolean;
  hasPreStop: boolean;
  /** Container instances created so far (restartCount = instances - 1). */
  instances: number;
  startedAt?: number;
  /** The termination of the latest instance (state.terminated, or lastState once it restarts). */
  current?: Termination;
  /** The termination before `current` (lastState while `current` is shown as the state). */
  previous?: Termination;
  crashBackoff?: BackoffEntry;
  pullBackoff?: BackoffEntry;
  /** How long the current back-off wait lasts, fixed when it is entered. */
  waitMs: number;
  /** The last pull error (ErrImagePull message). */
  pullError?: string;
  /** Why generateContainerConfig failed (a missing ConfigMap, Secret or key). */
  configError?: string;
  /** Set while the kubelet's last sync for this container ended in CrashLoopBackOff (its reasonCache). */
  /**
   * The kubelet's reason cache: why the last sync could not start this container (CrashLoopBackOff,
   * ErrImagePull, ImagePullBackOff, RunContainerError, PostStartHookError, ...). While a restart is
   * pending, the status shows it as the Waiting reason; a successful start clears it.
   */
  syncError?: { reason: string; message?: string };
  /**
   * An ongoing stop: when the grace period ends, whether a restart follows, TERM-to-KILL time, and
   * why: a failed probe (the same sync restarts it), a failed postStart (the next sync decides, by
   * policy), or the pod going away.
   */
  stop?: { deadline: number; graceMs: number; restart: boolean; termMs: number; cause: StopCause; message?: string; waitForTurn?: boolean };
  /** The pod's terminationGracePeriodSeconds, which a postStart failure's kill uses. */
  podGraceMs: number;
  /** The pod is being torn down: never restart again. */
  podStopping: boolean;
}

export type ContainerEvent =
  | { type: 'START' }
  | { type: 'IMAGE_READY' }
  | { type: 'IMAGE_FAILED'; message: string; now: number }
  | { type: 'IMAGE_NEVER_PULL'; message: string }
  | { type: 'IMAGE_INVALID'; message: string }
  | { type: 'PROCESS_STARTED'; now: number }
  | { type: 'CONFIG_ERROR'; message: string }
  | { type: 'START_FAILED'; exitCode: number; message: string; now: number }
  | { type: 'HOOK_DONE'; now: number }
  | { type: 'HOOK_FAILED'; message: string; now: number }
  | { type: 'EXITED'; status: ExitStatus; now: number }
  | { type: 'STOP'; graceMs: number; restart: boolean; now: number; cause?: StopCause; waitForTurn?: boolean }
  | { type: 'TURN'; now: number };

export type ContainerEffect =
  | { type: 'ensureImage' }
  | { type: 'createAndStart' }
  | { type: 'runPostStart' }
  | { type: 'runPreStop' }
  | { type: 'signal'; signal: 'TERM' | 'KILL' }
  | { type: 'backOff'; kind: 'crash' | 'pull' }
  | { type: 'postStartFailed' }
  | { type: 'ready' }
  | { type: 'terminated' };

export type StopCause = 'probe' | 'postStart' | 'pod';

export interface ContainerInput {
  podGraceMs: number;
  name: string;
  role: ContainerRole;
  restartPolicy: RestartPolicy;
  hasPostStart: boolean;
  hasPreStop: boolean;
}

function terminationReason(status: ExitStatus): string {
  if (status.oomKilled) return 'OOMKilled';
  return status.exitCode === 0 ? 'Completed' : 'Error';
}

/** kubecontainer.ShouldContainerBeRestarted, by role (sidecars always restart, init only on failure). */
export function wantsRestart(context: ContainerContext): boolean {
  if (context.podStopping || !context.current) return false;
  if (context.stop) return context.stop.restart;
  const failed = context.current.exitCode !== 0;
  if (context.role === 'sidecar') return true;
  if (context.role === 'init') return failed && context.restartPolicy !== 'Never';
  if (context.restartPolicy === 'Always') return true;
  return context.restartPolicy === 'OnFailure' && failed;
}

function expired(entry: BackoffEntry, eventTime: number): boolean {
  return eventTime - entry.lastUpdate > 2 * CONTAINER_BACKOFF_MAX_MS;
}

/**
 * doBackOff: what is left of the back-off, counted from the finishedAt of the exited container the
 * kubelet's pod status holds. After a crash the kubelet syncs at the next relist (finishedAt + 1 s).
 * After a kill it ordered itself (liveness, startup), it starts the container in the same sync
 * with the pod status read before the kill: the exit it compares against is the previous one.
 */
export function crashBackoffLeft(context: ContainerContext): number {
  const entry = context.crashBackoff;
  const killed = context.stop?.restart === true && context.stop.cause === 'probe';
  const exit = killed ? context.previous : context.current;
  const now = (context.current?.finishedAt ?? 0) + (killed ? 0 : KUBELET_SYNC_MS);
  if (!entry || !exit || expired(entry, exit.finishedAt)) return 0;
  return Math.max(0, entry.ms - (now - exit.finishedAt));
}

/** The finishedAt doBackOff passes to Backoff.Next (none when the status held no exited container). */
function backoffEventTime(context: ContainerContext): number | undefined {
  const exit = context.stop?.restart === true && context.stop.cause === 'probe' ? context.previous : context.current;
  return exit?.finishedAt;
}

/** flowcontrol.Backoff.Next(key, eventTime). */
export function nextBackoff(entry: BackoffEntry | undefined, eventTime: number): BackoffEntry {
  if (!entry || expired(entry, eventTime)) return { ms: CONTAINER_BACKOFF_INITIAL_MS, lastUpdate: eventTime };
  return { ms: Math.min(entry.ms * 2, CONTAINER_BACKOFF_MAX_MS), lastUpdate: eventTime };
}

export const containerMachine = setup({
  types: {
    context: {} as ContainerContext,
    events: {} as ContainerEvent,
    input: {} as ContainerInput,
    emitted: {} as ContainerEffect,
  },
  guards: {
    hasPostStart: ({ context }) => context.hasPostStart,
    hasPreStop: ({ context }) => context.hasPreStop,
    restartNow: ({ context }) => wantsRestart(context) && crashBackoffLeft(context) === 0,
    waitsForTurn: ({ context }) => context.stop?.waitForTurn === true,
    killedForRestart: ({ context }) => context.stop?.restart === true && context.stop.cause === 'probe' && !context.podStopping,
    restartAfterBackOff: ({ context }) => wantsRestart(context),
  },
  actions: {
    recordExit: assign(({ context, event }) => {
      if (event.type !== 'EXITED') return {};
      return {
        // startContainer returns ErrPostStartHook once its kill is done: the reason cache records it.
        ...(context.stop?.cause === 'postStart' ? { syncError: { reason: 'PostStartHookError', message: context.stop.message } } : {}),
        previous: context.current,
        current: {
          exitCode: event.status.exitCode,
          reason: terminationReason(event.status),
          message: event.status.message,
          startedAt: context.startedAt ?? event.now,
          finishedAt: event.now,
          instance: context.instances,
        },
      };
    }),
    /** Back-off .Next at the moment the kubelet restarts the container. */
    stepBackoff: assign({
      crashBackoff: ({ context }) => {
        const eventTime = backoffEventTime(context);
        return eventTime === undefined ? context.crashBackoff : nextBackoff(context.crashBackoff, eventTime);
      },
    }),
    enterCrashLoop: assign({ waitMs: ({ context }) => crashBackoffLeft(context), syncError: { reason: 'CrashLoopBackOff' } }),
    /** killContainer: what the preStop hook used is taken from the grace period, but TERM gets at least 2 s. */
    graceAfterHook: assign(({ context, event }) => {
      if (!context.stop || (event.type !== 'HOOK_DONE' && event.type !== 'HOOK_FAILED')) return {};
      // executePreStopHook reports whole seconds: int64(time.Since(start).Seconds()).
      const used = Math.floor((event.now - (context.stop.deadline - context.stop.graceMs)) / 1000) * 1000;
      return { stop: { ...context.stop, termMs: Math.max(context.stop.graceMs - used, MIN_GRACE_MS) } };
    }),
  },
  delays: {
    kubeletSync: KUBELET_SYNC_MS,
    podResync: POD_RESYNC_MS,
    backOffResync: BACKOFF_RESYNC_MS,
    backOffWait: ({ context }) => context.waitMs,
    preStopGrace: ({ context }) => context.stop?.graceMs ?? 0,
    termToKill: ({ context }) => context.stop?.termMs ?? MIN_GRACE_MS,
  },
}).createMachine({
  id: 'container',
  context: ({ input }) => ({
    ...input,
    instances: 0,
    waitMs: 0,
    podStopping: false,
  }),
  initial: 'waiting',
  states: {
    waiting: {
      initial: 'blocked',
      on: {
        // Not running: nothing to stop; the kubelet simply never starts it again.
        STOP: { target: '.blocked', actions: assign({ podStopping: true }) },
      },
      states: {
        /** Not started yet: waiting for the sandbox, the init containers before it, or its turn. */
        blocked: {
          on: { START: { guard: ({ context }) => !context.podStopping, target: 'pulling' } },
        },
        /** EnsureImageExists: already present, pulled, or failed. */
        pulling: {
          entry: emit({ type: 'ensureImage' }),
          on: {
            IMAGE_READY: 'creating',
            IMAGE_FAILED: {
              target: 'errImagePull',
              actions: assign(({ context, event }) => {
                const pullBackoff = nextBackoff(context.pullBackoff, event.now);
                return {
                  pullBackoff,
                  pullError: event.message,
                  waitMs: Math.max(0, pullBackoff.ms - KUBELET_SYNC_MS),
                  syncError: { reason: 'ErrImagePull', message: event.message },
                };
              }),
            },
            IMAGE_INVALID: {
              target: 'invalidImageName',
              actions: assign({ pullError: ({ event }) => event.message, syncError: ({ event }) => ({ reason: 'InvalidImageName', message: event.message }) }),
            },
            IMAGE_NEVER_PULL: {
              target: 'errImageNeverPull',
              actions: assign({ pullError: ({ event }) => event.message, syncError: ({ event }) => ({ reason: 'ErrImageNeverPull', message: event.message }) }),
            },
          },
        },
        /** ErrImagePull until the next sync finds the image in back-off. */
        errImagePull: {
          after: { kubeletSync: 'imagePullBackOff' },
        },
        /** Back-off pulling image: 10 s, doubling, capped at 300 s. */
        imagePullBackOff: {
          entry: [emit({ type: 'backOff', kind: 'pull' }), assign({ syncError: ({ context }) => ({ reason: 'ImagePullBackOff', message: context.pullError }) })],
          initial: 'resync',
          states: {
            // The pull back-off error carries no end time: the pod worker retries every ~10 s, recording BackOff each time.
            resync: {
              after: { podResync: { target: 'resync', reenter: true, actions: emit({ type: 'backOff', kind: 'pull' }) } },
            },
          },
          after: { backOffWait: 'pulling' },
        },
        /** The image name does not parse: every sync fails the same way, before any registry is asked. */
        invalidImageName: {
          after: { podResync: 'pulling' },
        },
        /** imagePullPolicy Never and the image is not on the node: every resync fails the same way. */
        errImageNeverPull: {
          after: { podResync: { target: 'errImageNeverPull', reenter: true } },
        },
        /** CreateContainer + StartContainer. */
        creating: {
          entry: [assign({ instances: ({ context }) => context.instances + 1 }), emit({ type: 'createAndStart' })],
          on: {
            // generateContainerConfig failed before any container existed: retried at each sync.
            CONFIG_ERROR: {
              target: 'createContainerConfigError',
              actions: assign(({ context, event }) => ({
                instances: context.instances - 1,
                configError: event.message,
                syncError: { reason: 'CreateContainerConfigError', message: event.message },
              })),
            },
            PROCESS_STARTED: {
              target: '#container.running',
              actions: assign({ startedAt: ({ event }) => event.now, stop: undefined, syncError: undefined }),
            },
            START_FAILED: {
              target: '#container.terminated',
              actions: assign(({ context, event }) => ({
                previous: context.current,
                current: {
                  exitCode: event.exitCode,
                  reason: 'StartError',
                  message: event.message,
                  startedAt: event.now,
                  finishedAt: event.now,
                  instance: context.instances,
                },
                stop: undefined,
                syncError: { reason: 'RunContainerError', message: event.message },
              })),
            },
          },
        },
        /** CreateContainerConfigError: the kubelet tries again at the next pod sync. */
        createContainerConfigError: {
          after: { podResync: 'pulling' },
        },
        /** Back-off restarting failed container: 10 s after the first restart, doubling to 300 s. */
        crashLoopBackOff: {
          entry: emit({ type: 'backOff', kind: 'crash' }),
          initial: 'resync',
          states: {
            // Since 1.35 the pod worker sleeps until the back-off ends (capped at the 1-minute resync):
            // one BackOff per wait, again every minute of a long one.
            resync: {
              after: {
                backOffResync: { target: 'resync', reenter: true, actions: emit({ type: 'backOff', kind: 'crash' }) },
              },
            },
          },
          after: { backOffWait: { target: 'pulling', actions: 'stepBackoff' } },
        },
      },
    },
    /** Killed by the kubelet to be restarted (liveness, startup, postStart): the same sync starts it again. */
    restartingAfterKill: {
      always: [
        { guard: 'restartNow', target: 'waiting.pulling', actions: ['stepBackoff', assign({ stop: undefined })] },
        { target: 'waiting.crashLoopBackOff', actions: ['enterCrashLoop', assign({ stop: undefined })] },
      ],
    },
    running: {
      initial: 'checkPostStart',
      states: {
        checkPostStart: {
          always: [{ guard: 'hasPostStart', target: 'postStart' }, { target: 'main' }],
        },
        /** The kubelet's sync waits for postStart; only then is the container reported Running. */
        postStart: {
          entry: emit({ type: 'runPostStart' }),
          on: {
            HOOK_DONE: 'main',
            HOOK_FAILED: {
              target: '#container.stopping',
              actions: [
                assign(({ context, event }) => ({
                  // killContainer with the pod's grace period; whether it restarts is the next sync's call.
                  stop: {
                    deadline: event.now + context.podGraceMs,
                    graceMs: context.podGraceMs,
                    restart: !context.podStopping && (context.role === 'sidecar' || context.restartPolicy !== 'Never'),
                    termMs: Math.max(context.podGraceMs, MIN_GRACE_MS),
                    cause: 'postStart' as const,
                    message: event.message,
                  },
                })),
                emit({ type: 'postStartFailed' }),
              ],
            },
          },
        },
        main: { entry: emit({ type: 'ready' }) },
      },
      on: {
        EXITED: { target: 'terminated', actions: 'recordExit' },
        STOP: {
          target: 'stopping',
          actions: assign(({ context, event }) => ({
            stop: {
              deadline: event.now + event.graceMs,
              graceMs: event.graceMs,
              restart: event.restart,
              termMs: Math.max(event.graceMs, MIN_GRACE_MS),
              cause: event.cause ?? 'pod',
              waitForTurn: event.waitForTurn,
            },
            podStopping: context.podStopping || !event.restart,
          })),
        },
      },
    },
    stopping: {
      initial: 'checkPreStop',
      states: {
        checkPreStop: {
          always: [{ guard: 'hasPreStop', target: 'preStop' }, { target: 'checkTurn' }],
        },
        /** preStop runs inside the grace period; if it outlasts it, TERM follows with a 2 s extension. */
        preStop: {
          entry: emit({ type: 'runPreStop' }),
          on: {
            HOOK_DONE: { target: 'checkTurn', actions: 'graceAfterHook' },
            HOOK_FAILED: { target: 'checkTurn', actions: 'graceAfterHook' },
          },
          after: {
            preStopGrace: { target: 'checkTurn', actions: assign({ stop: ({ context }) => context.stop && { ...context.stop, termMs: MIN_GRACE_MS } }) },
          },
        },
        checkTurn: {
          always: [{ guard: 'waitsForTurn', target: 'waitingForTurn' }, { target: 'terminating' }],
        },
        /**
         * A sidecar's TERM waits until the main containers and the sidecars after it have exited
         * (kuberuntime_termination_order.go waitForTurn); the time waited comes off its grace period.
         */
        waitingForTurn: {
          on: {
            TURN: {
              target: 'terminating',
              actions: assign(({ context, event }) => ({
                stop: context.stop && { ...context.stop, termMs: Math.max(context.stop.deadline - event.now, MIN_GRACE_MS) },
              })),
            },
          },
        },
        /** TERM sent to PID 1; KILL when what is left of the grace period runs out. */
        terminating: {
          entry: emit({ type: 'signal', signal: 'TERM' }),
          after: { termToKill: 'killed' },
        },
        killed: {
          entry: emit({ type: 'signal', signal: 'KILL' }),
        },
      },
      on: {
        EXITED: { target: 'terminated', actions: 'recordExit' },
        STOP: { actions: assign(({ context, event }) => ({ podStopping: context.podStopping || !event.restart, stop: context.stop && { ...context.stop, restart: context.stop.restart && event.restart } })) },
      },
    },
    terminated: {
      entry: emit({ type: 'terminated' }),
      always: [
        { guard: 'killedForRestart', target: 'restartingAfterKill' },
      ],
      // The kubelet notices the exit at its next relist and decides then.
      after: {
        kubeletSync: [
          { guard: 'restartNow', target: 'waiting.pulling', actions: ['stepBackoff', assign({ stop: undefined })] },
          { guard: 'restartAfterBackOff', target: 'waiting.crashLoopBackOff', actions: ['enterCrashLoop', assign({ stop: undefined })] },
        ],
      },
      on: {
        STOP: { actions: assign({ podStopping: true }) },
      },
    },
  },
});
