/**
 * The Pods a workload controller created, as its informer lists them: a Pod the API server removed
 * is gone from the list (the informer's delete), so a long run that recreates many Pods does not
 * walk ever more dead ones. Removed Pods are the API's business after that: the trace's deletedAt
 * comes from the cluster's own list.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from '../cluster/cluster';
import type { PodRunner } from '../kubelet/pod-runner';

export class OwnedPods {
  private runners: PodRunner[] = [];

  constructor(private readonly cluster: Pick<Cluster, 'addPod'>) {}

  /** Creates the Pod in the API: the controller's from now on. */
  create(pod: Pod, now: number): PodRunner {
    const runner = this.cluster.addPod(pod, now);
    this.runners.push(runner);
    return runner;
  }

  /** The Pods the API still holds, oldest first (terminating and finished ones included). */
  get live(): readonly PodRunner[] {
    if (this.runners.some((r) => r.isRemoved)) this.runners = this.runners.filter((r) => !r.isRemoved);
    return this.runners;
  }
}
