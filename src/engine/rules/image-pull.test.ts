/**
 * The kubelet's image manager: pull policy decides whether to pull; pulls are serialized per node
 * (serializeImagePulls=true); a failed pull backs off 10 s, 20 s, 40 s... from the failure.
 * Simplification (src/engine/timing.ts): a pull takes exactly PULL_OVERHEAD_MS + size / speed, and
 * the sandbox exactly 1 s, so the first pull starts at t = 1 s.
 * Sources: pkg/kubelet/images/image_manager.go (EnsureImageExists, shouldPullImage, logIt),
 * pkg/kubelet/images/puller.go (serialImagePuller), pkg/kubelet/events/event.go (reasons),
 * pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer: "Error: %v").
 */
import { describe, expect, it } from 'vitest';
import { BUSYBOX_PULL_MS, SANDBOX_MS, containerAt, eventsOf, gaps, onePod, run, statusAt, timesOf } from './builders';

const sleeper = (image: string, policy?: string) =>
  onePod({ image, body: `    command: ["sleep", "3600"]${policy ? `\n    imagePullPolicy: ${policy}` : ''}` });

const kubeletEvents = (manifest: string, cachedImages: string[]) =>
  run(manifest, { cachedImages, until: 10_000 })
    .events.filter((e) => e.source === 'kubelet')
    .map((e) => [e.t, e.type, e.reason, e.message]);

describe('pull policy (pkg/kubelet/images/image_manager.go EnsureImageExists, shouldPullImage)', () => {
  it.each([
    {
      rule: 'IfNotPresent and cached: no pull, "already present on machine"',
      manifest: sleeper('busybox:1.36'),
      cached: ['busybox:1.36'],
      expected: [
        [SANDBOX_MS, 'Normal', 'Pulled', 'Container image "busybox:1.36" already present on machine and can be accessed by the pod'],
        [SANDBOX_MS, 'Normal', 'Created', 'Container created'],
        [SANDBOX_MS, 'Normal', 'Started', 'Container started'],
      ],
    },
    {
      rule: 'IfNotPresent and not cached: Pulling, then Pulled with the time taken and size',
      manifest: sleeper('busybox:1.36'),
      cached: [],
      expected: [
        [SANDBOX_MS, 'Normal', 'Pulling', 'Pulling image "busybox:1.36"'],
        [SANDBOX_MS + BUSYBOX_PULL_MS, 'Normal', 'Pulled', 'Successfully pulled image "busybox:1.36" in 605ms (605ms including waiting). Image size: 2200000 bytes.'],
        [SANDBOX_MS + BUSYBOX_PULL_MS, 'Normal', 'Created', 'Container created'],
        [SANDBOX_MS + BUSYBOX_PULL_MS, 'Normal', 'Started', 'Container started'],
      ],
    },
    {
      rule: 'Always pulls even when the image is cached',
      manifest: sleeper('busybox:1.36', 'Always'),
      cached: ['busybox:1.36'],
      expected: [
        [SANDBOX_MS, 'Normal', 'Pulling', 'Pulling image "busybox:1.36"'],
        [SANDBOX_MS + BUSYBOX_PULL_MS, 'Normal', 'Pulled', 'Successfully pulled image "busybox:1.36" in 605ms (605ms including waiting). Image size: 2200000 bytes.'],
        [SANDBOX_MS + BUSYBOX_PULL_MS, 'Normal', 'Created', 'Container created'],
        [SANDBOX_MS + BUSYBOX_PULL_MS, 'Normal', 'Started', 'Container started'],
      ],
    },
    {
      rule: 'no tag defaults to Always: a cached busybox is pulled again',
      manifest: sleeper('busybox'),
      cached: ['busybox'],
      expected: [
        [SANDBOX_MS, 'Normal', 'Pulling', 'Pulling image "busybox"'],
        [SANDBOX_MS + BUSYBOX_PULL_MS, 'Normal', 'Pulled', 'Successfully pulled image "busybox" in 605ms (605ms including waiting). Image size: 2200000 bytes.'],
        [SANDBOX_MS + BUSYBOX_PULL_MS, 'Normal', 'Created', 'Container created'],
        [SANDBOX_MS + BUSYBOX_PULL_MS, 'Normal', 'Started', 'Container started'],
      ],
    },
    {
      rule: 'Never and cached: "already present on machine"',
      manifest: sleeper('busybox:1.36', 'Never'),
      cached: ['docker.io/library/busybox:1.36'],
      expected: [
        [SANDBOX_MS, 'Normal', 'Pulled', 'Container image "busybox:1.36" already present on machine and can be accessed by the pod'],
        [SANDBOX_MS, 'Normal', 'Created', 'Container created'],
        [SANDBOX_MS, 'Normal', 'Started', 'Container started'],
      ],
    },
  ])('$rule', ({ manifest, cached, expected }) => {
    expect(kubeletEvents(manifest, cached)).toEqual(expected);
  });

  it('Never and absent: ErrImageNeverPull (event ErrImageNeverPull, Failed "Error: ErrImageNeverPull", waiting reason, kubectl STATUS)', () => {
    const trace = run(sleeper('busybox:1.36', 'Never'), { until: 30_000 });
    const first = trace.events.filter((e) => e.source === 'kubelet' && e.t === SANDBOX_MS).map((e) => [e.type, e.reason, e.message]);
    expect(first).toEqual([
      ['Warning', 'ErrImageNeverPull', 'Container image "busybox:1.36" is not present with pull policy of Never'],
      ['Warning', 'Failed', 'Error: ErrImageNeverPull'],
    ]);
    expect(eventsOf(trace, 'Pulling')).toEqual([]);
    expect(containerAt(trace, 5_000).state?.waiting).toEqual({
      reason: 'ErrImageNeverPull',
      message: 'Container image "busybox:1.36" is not present with pull policy of Never',
    });
    expect(statusAt(trace, 5_000)).toBe('ErrImageNeverPull');
  });
});

describe('failed pulls back off (image_manager.go EnsureImageExists: backOff.Next / IsInBackOffSinceUpdate)', () => {
  const image = 'example.com/nope:1.0';
  const trace = run(onePod({ image }), { until: 100_000 });
  const failed = eventsOf(trace, 'Failed').filter((e) => e.message.startsWith('Failed to pull image'));

  it('ErrImagePull: Failed "Failed to pull image ..." then Failed "Error: ErrImagePull", state Waiting ErrImagePull', () => {
    const at = SANDBOX_MS + 500;
    expect(trace.events.filter((e) => e.t === at).map((e) => [e.type, e.reason, e.message])).toEqual([
      [
        'Warning',
        'Failed',
        `Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to do request: Head "https://example.com/v2/nope/manifests/1.0": dial tcp: lookup example.com: no such host`,
      ],
      ['Warning', 'Failed', 'Error: ErrImagePull'],
    ]);
    expect(containerAt(trace, at).state?.waiting?.reason).toBe('ErrImagePull');
    expect(statusAt(trace, at)).toBe('ErrImagePull');
  });

  it('ImagePullBackOff: BackOff "Back-off pulling image" (Normal), Failed "Error: ImagePullBackOff", kubectl STATUS ImagePullBackOff', () => {
    const backOff = eventsOf(trace, 'BackOff')[0];
    expect([backOff.type, backOff.message]).toEqual(['Normal', `Back-off pulling image "${image}"`]);
    expect(eventsOf(trace, 'Failed').some((e) => e.t === backOff.t && e.message === 'Error: ImagePullBackOff')).toBe(true);
    expect(containerAt(trace, backOff.t).state?.waiting?.reason).toBe('ImagePullBackOff');
    expect(statusAt(trace, backOff.t)).toBe('ImagePullBackOff');
    expect(trace.frames[trace.frames.length - 1].pods[0].status?.phase).toBe('Pending');
  });

  it('the waits from each failure to the next pull are 10 s, 20 s, 40 s', () => {
    const pulls = timesOf(trace, 'Pulling');
    expect(pulls.slice(1).map((t, i) => t - failed[i].t)).toEqual([10_000, 20_000, 40_000]);
    expect(gaps(failed.map((e) => e.t)).slice(0, 3)).toEqual([10_500, 20_500, 40_500]);
  });
});

describe('serialized pulls (pkg/kubelet/images/puller.go serialImagePuller)', () => {
  it('two pods pulling at once: the second waits for the first, and says so ("including waiting")', () => {
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      'spec:',
      '  containers:',
      '  - name: web',
      '    image: nginx:1.27',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: tools',
      'spec:',
      '  containers:',
      '  - name: tools',
      '    image: busybox:1.36',
      '    command: ["sleep", "3600"]',
      '',
    ].join('\n');
    const trace = run(manifest, { until: 10_000 });
    const pulled = eventsOf(trace, 'Pulled').map((e) => [e.object, e.t, e.message]);
    // nginx: 72 MB at 20 MiB/s = 3.433 s + 0.5 s.
    expect(pulled).toEqual([
      ['pod/web', 4_933, 'Successfully pulled image "nginx:1.27" in 3.933s (3.933s including waiting). Image size: 72000000 bytes.'],
      ['pod/tools', 5_538, 'Successfully pulled image "busybox:1.36" in 605ms (4.538s including waiting). Image size: 2200000 bytes.'],
    ]);
    expect(eventsOf(trace, 'Pulling').map((e) => [e.object, e.t])).toEqual([
      ['pod/web', 1_000],
      ['pod/tools', 1_000],
    ]);
  });

  it('two containers of one pod: SyncPod starts them in order, so the second pull begins once the first container started', () => {
    const manifest = onePod({ image: 'nginx:1.27' }).replace(
      /\n$/,
      '\n  - name: side\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n',
    );
    const trace = run(manifest, { until: 10_000 });
    expect(trace.events.filter((e) => e.source === 'kubelet').map((e) => [e.t, e.reason, e.fieldPath])).toEqual([
      [1_000, 'Pulling', 'spec.containers{app}'],
      [4_933, 'Pulled', 'spec.containers{app}'],
      [4_933, 'Created', 'spec.containers{app}'],
      [4_933, 'Started', 'spec.containers{app}'],
      [4_933, 'Pulling', 'spec.containers{side}'],
      [5_538, 'Pulled', 'spec.containers{side}'],
      [5_538, 'Created', 'spec.containers{side}'],
      [5_538, 'Started', 'spec.containers{side}'],
    ]);
  });
});
