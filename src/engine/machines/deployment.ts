/**
 * A Deployment's rollout as `kubectl rollout status` follows it, driven by the Deployment
 * controller's Progressing condition (pkg/controller/deployment/progress.go): progressing while a
 * new ReplicaSet is scaled up and old ones down; complete once the new ReplicaSet has every replica
 * available (NewReplicaSetAvailable); failed when no progress was made for progressDeadlineSeconds
 * (ProgressDeadlineExceeded); paused by `kubectl rollout pause`.
 */
import { setup } from 'xstate';

/** One event per Progressing reason the controller writes. */
export type RolloutEvent =
  /** NewReplicaSetCreated or FoundNewReplicaSet: a new revision starts rolling out. */
  | { type: 'NEW_REPLICA_SET' }
  /** ReplicaSetUpdated: more updated, ready or available replicas, or fewer old ones. */
  | { type: 'PROGRESS' }
  /** NewReplicaSetAvailable: every replica updated and available. */
  | { type: 'AVAILABLE' }
  /** ProgressDeadlineExceeded: no progress for progressDeadlineSeconds. */
  | { type: 'DEADLINE_EXCEEDED' }
  /** DeploymentPaused / DeploymentResumed. */
  | { type: 'PAUSE' }
  | { type: 'RESUME' };

/** The Progressing condition's reason → the event the rollout machine receives. */
export const ROLLOUT_EVENT_OF_REASON: Readonly<Record<string, RolloutEvent['type']>> = {
  NewReplicaSetCreated: 'NEW_REPLICA_SET',
  FoundNewReplicaSet: 'NEW_REPLICA_SET',
  ReplicaSetUpdated: 'PROGRESS',
  NewReplicaSetAvailable: 'AVAILABLE',
  ProgressDeadlineExceeded: 'DEADLINE_EXCEEDED',
  DeploymentPaused: 'PAUSE',
  DeploymentResumed: 'RESUME',
};

export const deploymentMachine = setup({
  types: { events: {} as RolloutEvent },
}).createMachine({
  id: 'deployment',
  initial: 'progressing',
  states: {
    /** Progressing=True: the controller scales the new ReplicaSet up and the old ones down. */
    progressing: {
      on: { AVAILABLE: 'complete', DEADLINE_EXCEEDED: 'failed', PAUSE: 'paused' },
    },
    /** Progressing=True, NewReplicaSetAvailable: the rollout is done (scaling does not reopen it). */
    complete: {
      on: { NEW_REPLICA_SET: 'progressing', PROGRESS: 'progressing', PAUSE: 'paused' },
    },
    /** Progressing=False, ProgressDeadlineExceeded: the controller reports it and keeps trying. */
    failed: {
      on: { PROGRESS: 'progressing', NEW_REPLICA_SET: 'progressing', AVAILABLE: 'complete' },
    },
    /** Progressing=Unknown, DeploymentPaused: template changes wait; scaling still happens. */
    paused: {
      on: { RESUME: 'progressing' },
    },
  },
});
