import type { Lesson } from '../types';
import { conditions } from './conditions';
import { controllersHeal } from './controllers-heal';
import { lostNode } from './lost-node';
import { crashLoopBackOff } from './crashloop-backoff';
import { gracefulTermination } from './graceful-termination';
import { hooksAndStates } from './hooks-states';
import { livenessReadiness } from './liveness-readiness';
import { nodeFailure } from './node-failure';
import { phases } from './phases';
import { podBasics } from './pod-basics';
import { portClash } from './port-clash';
import { priorityPreemption } from './priority-preemption';
import { privilegedContainers } from './privileged';
import { probeHandlers } from './probe-handlers';
import { readinessGates } from './readiness-gates';
import { readinessService } from './readiness-service';
import { restartPolicies } from './restart-policies';
import { sharedMemory } from './shared-memory';
import { sharedNetwork } from './shared-network';
import { sharedStorage } from './shared-storage';
import { startupProbe } from './startup-probe';
import { unschedulable } from './unschedulable';

/** Every lesson, in the order a course would take them. */
export const LESSONS: Lesson[] = [
  podBasics,
  sharedNetwork,
  portClash,
  sharedStorage,
  sharedMemory,
  nodeFailure,
  controllersHeal,
  lostNode,
  gracefulTermination,
  privilegedContainers,
  phases,
  conditions,
  unschedulable,
  priorityPreemption,
  probeHandlers,
  livenessReadiness,
  readinessService,
  startupProbe,
  hooksAndStates,
  restartPolicies,
  crashLoopBackOff,
  readinessGates,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
