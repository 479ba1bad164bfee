/**
 * `kubectl describe pod` golden text: describePod, describeContainers, DescribeProbe and
 * DescribeEvents of k8s.io/kubectl/pkg/describe (kubectl 1.36), laid out by tabwriter
 * (minwidth 0, padding 2), events deduplicated as client-go's EventCorrelator stores them.
 */
import { describe, expect, it } from 'vitest';
import { describePod } from './describe-pod';
import { crashLoopEvents, crashLoopPod, livenessHttpEvents, livenessHttpPod } from './describe-fixtures';

describe('describePod', () => {
  it('describePod: a running pod with an HTTP liveness probe', () => {
    expect(describePod(livenessHttpPod(), livenessHttpEvents, 65_000)).toMatchSnapshot();
  });
  it('describePod + DescribeEvents: a crash-looping pod with aggregated events', () => {
    expect(describePod(crashLoopPod(), crashLoopEvents, 100_000)).toMatchSnapshot();
  });
});
