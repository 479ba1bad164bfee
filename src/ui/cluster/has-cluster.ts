/**
 * Whether the playground shows the Cluster view: more than one pod in the run, a Service, a
 * controller or more than one node at some moment. Apart from the view, which loads lazily.
 */
import type { Frame } from '../../engine/trace-types';

export function hasCluster(frames: readonly Frame[], podCount: number): boolean {
  return (
    podCount > 1 ||
    frames.some(
      (f) =>
        f.nodes.length > 1 ||
        f.services.length > 0 ||
        f.replicaSets.length + f.deployments.length + f.statefulSets.length + f.daemonSets.length > 0,
    )
  );
}
