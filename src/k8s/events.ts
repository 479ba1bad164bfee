/**
 * A Kubernetes Event as PodPlay records it: the fields `kubectl describe` and `kubectl get events`
 * show, stamped with virtual time. `t` is milliseconds since the scenario started (the first Pod's
 * creation); the CLI prints seconds.
 */
export interface SimEvent {
  /** Virtual milliseconds since the scenario started. */
  t: number;
  type: 'Normal' | 'Warning';
  reason: string;
  /** `pod/NAME` (or `node/NAME`), as the CLI contract shows it. */
  object: string;
  /** `spec.containers{app}`, `spec.initContainers{init}`, or absent for the whole object. */
  fieldPath?: string;
  message: string;
  /** The component that reported it: `kubelet`, `default-scheduler`, `node-controller`, ... */
  source: string;
}
