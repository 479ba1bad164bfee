/** A located problem in a user's manifest: `pod.yaml:12:7: spec.containers[0].image: Required value`. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  col: number;
  /** Field path, e.g. `spec.containers[0].livenessProbe.periodSeconds`. */
  path: string;
  message: string;
}
