/**
 * Docs examples that once differed from their pages and now run as the pages say (see the sweep's
 * `differs` list for the ones that still do not). Each case quotes or cites its page.
 */
import { describe, expect, it } from 'vitest';
import { admitManifests, formatDiagnostic } from '../../k8s';
import { containerAt, eventsOf, podAt, run, statusAt } from './builders';
import { fixture, logs, withDocs, withProbe } from './docs-fixtures';

const warningsOf = (manifest: string, file: string) =>
  admitManifests(manifest, file).diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic);

describe('downward API volumes (tasks/inject-data-application/downward-api-volume-expose-pod-information.md)', () => {
  it('dapi-volume.yaml: "cluster=\\"test-cluster1\\" rack=\\"rack-22\\" zone=\\"us-est-coast\\"" then "build=\\"two\\" builder=\\"john-doe\\"" (keys sorted, as the kubelet writes them)', () => {
    const t = run(fixture('inject/dapi-volume.yaml'), { until: 10_000 });
    expect(logs(t, 'kubernetes-downwardapi-volume-example', 'client-container').slice(0, 8)).toEqual([
      '',
      '',
      'cluster="test-cluster1"',
      'rack="rack-22"',
      'zone="us-est-coast"',
      '',
      'build="two"',
      'builder="john-doe"',
    ]);
  });

  it('dapi-volume-resources.yaml: "cat /etc/podinfo/cpu_limit" (limits.cpu 250m, divisor 1m) gives 250; mem_limit 64 (divisor 1Mi)', () => {
    const manifest = withProbe(
      fixture('inject/dapi-volume-resources.yaml'),
      'client-container',
      'test "$(cat /etc/podinfo/cpu_limit)" = 250 && test "$(cat /etc/podinfo/cpu_request)" = 125 && test "$(cat /etc/podinfo/mem_limit)" = 64 && test "$(cat /etc/podinfo/mem_request)" = 32',
    );
    const t = run(manifest, { until: 20_000 });
    expect(containerAt(t, 19_000, 'client-container').ready).toBe(true);
  });
});

describe('extended resources (tasks/configure-pod-container/extended-resource.md)', () => {
  it.each(['resource/extended-resource-pod.yaml', 'resource/extended-resource-pod-2.yaml'])('%s: on a node advertising no example.com/dongle the Pod is Pending (Insufficient example.com/dongle), or PodPlay says it ignores the request', (path) => {
    const manifest = fixture(path);
    const warned = warningsOf(manifest, path).some((w) => w.includes('example.com/dongle'));
    const t = run(manifest, { until: 20_000 });
    const pending = statusAt(t, 19_000) === 'Pending' && eventsOf(t, 'FailedScheduling').some((e) => e.message.includes('Insufficient example.com/dongle'));
    expect(warned || pending).toBe(true);
  });
});

describe('security/hello-apparmor.yaml (the beta annotation form)', () => {
  it('is not silently ignored: a located warning on the container.apparmor.security.beta.kubernetes.io annotation', () => {
    const w = warningsOf(fixture('security/hello-apparmor.yaml'), 'hello-apparmor.yaml');
    expect(w.some((line) => line.includes('container.apparmor.security.beta.kubernetes.io/hello'))).toBe(true);
  });
});

describe('private-reg-pod.yaml (tasks/configure-pod-container/pull-image-private-registry.md)', () => {
  it('image "<your-private-image>" cannot be parsed: the kubelet reports InvalidImageName, not ErrImagePull', () => {
    const t = run(fixture('private-reg-pod.yaml'), { until: 10_000 });
    expect(containerAt(t, 9_000, 'private-reg-container').state?.waiting?.reason).toBe('InvalidImageName');
    expect(statusAt(t, 9_000)).toBe('InvalidImageName');
  });
});

describe('registry.k8s.io/pause:2.0 (concepts/scheduling-eviction/assign-pod-node.md examples)', () => {
  it.each([
    ['pod-with-affinity-anti-affinity.yaml', 'with-node-affinity', {}],
    ['pod-with-node-affinity-2.yaml', 'with-node-affinity-2', {}],
    ['pod-with-node-affinity-1.yaml', 'with-node-affinity-1', { labels: { 'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': 'antarctica-east1' } }],
  ])('%s: the Pod is scheduled on a linux node and runs (pause:2.0 is a published tag)', (path, container, node) => {
    const t = run(fixture(path), { until: 20_000, node });
    expect(statusAt(t, 19_000)).toBe('Running');
    expect(containerAt(t, 19_000, container).ready).toBe(true);
  });
});

describe('pod-nginx-specific-node.yaml on a cluster without foo-node', () => {
  it('nodeName bypasses the scheduler: no FailedScheduling event, the Pod stays Pending', () => {
    const t = run(fixture('pod-nginx-specific-node.yaml'), { until: 10_000 });
    expect(eventsOf(t, 'FailedScheduling')).toEqual([]);
    expect(podAt(t, 9_000).status?.phase).toBe('Pending');
  });
});

/** The example as kubernetes/website has it: flow sequences, and `\'` inside a double-quoted scalar. */
const ENVARS_FILE_UPSTREAM = `apiVersion: v1
kind: Pod
metadata:
  name: envfile-test-pod
spec:
  initContainers:
    - name: setup-envfile
      image:  nginx
      command: ['sh', '-c', "echo \\"DB_ADDRESS=\\'address\\'\\nREST_ENDPOINT=\\'endpoint\\'\\" > /data/config.env"]
      volumeMounts:
        - name: config
          mountPath: /data
  containers:
    - name: use-envfile
      image: nginx
      command: [ "/bin/sh", "-c", "env" ]
      env:
        - name: DB_ADDRESS
          valueFrom:
            fileKeyRef:
              path: config.env
              volumeName: config
              key: DB_ADDRESS
              optional: false
  restartPolicy: Never
  volumes:
    - name: config
      emptyDir: {}`;

describe('inject/envars-file-container.yaml (tasks/inject-data-application/define-environment-variable-via-file.md)', () => {
  it('the upstream text is accepted (go-yaml reads \\\' as a quote) and means what the saved block-style copy means', () => {
    const upstream = admitManifests(ENVARS_FILE_UPSTREAM, 'envars-file-container.yaml');
    expect(upstream.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(upstream.pods[0].pod.spec).toEqual(admitManifests(fixture('inject/envars-file-container.yaml')).pods[0].pod.spec);
  });

  it('kubectl logs envfile-test-pod -c use-envfile | grep DB_ADDRESS: "DB_ADDRESS=address" (the kubelet reads the init container\'s env file)', () => {
    const t = run(ENVARS_FILE_UPSTREAM, { until: 30_000 });
    expect(logs(t, 'envfile-test-pod', 'use-envfile').filter((l) => l.includes('DB_ADDRESS'))).toEqual(['DB_ADDRESS=address']);
    expect(statusAt(t, 29_000)).toBe('Completed');
  });

  it('a key the file lacks: CreateContainerConfigError worded as makeEnvironmentVariables words it', () => {
    const t = run(fixture('inject/envars-file-container.yaml').replace('key: DB_ADDRESS', 'key: DB_PASSWORD'), { until: 30_000 });
    const uid = podAt(t, 29_000).metadata?.uid ?? '?';
    const message = `environment variable key "DB_PASSWORD" not found in file "/var/lib/kubelet/pods/${uid}/volumes/kubernetes.io~empty-dir/config/config.env"`;
    expect(containerAt(t, 29_000, 'use-envfile').state?.waiting).toEqual({ reason: 'CreateContainerConfigError', message });
    expect(eventsOf(t, 'Failed').map((e) => e.message)).toContain(`Error: ${message}`);
  });
});

describe('multi-container/adapter.yaml (concepts/workloads/pods: adapter pattern; page not in the search index)', () => {
  it('the adapter sidecar (tail -F raw.log | while read line) logs "adapted: <date> raw event" for each line main-app appends, within tail\'s 1 s poll', () => {
    const t = run(fixture('multi-container/adapter.yaml'), { until: 30_000 });
    const started = eventsOf(t, 'Started', 'spec.containers{main-app}')[0].t;
    const adapted = (t.logs['adapter-pattern-example/adapter'] ?? []).filter((l) => l.stream === 'stdout');
    // main-app appends a line at start and then every 2 s (sleep 2).
    const writes = Array.from({ length: Math.floor((29_000 - started) / 2000) }, (_, k) => started + 2000 * k);
    expect(adapted.length).toBeGreaterThanOrEqual(writes.length);
    writes.forEach((w, k) => {
      expect(adapted[k].text).toMatch(/^adapted: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4} raw event$/);
      expect(adapted[k].t).toBeGreaterThanOrEqual(w);
      expect(adapted[k].t).toBeLessThanOrEqual(w + 1000);
    });
    expect(statusAt(t, 29_000)).toBe('Running');
  });
});

describe('config/redis-pod.yaml (tutorials/configuration/configure-redis-using-configmap.md)', () => {
  const EMPTY_CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: example-redis-config\ndata:\n  redis-config: ""\n';
  it.each([
    ['with the empty ConfigMap first created: "maxmemory" "0", "maxmemory-policy" "noeviction"', EMPTY_CONFIG, '0', 'noeviction'],
    ['recreated after the ConfigMap update: "maxmemory" "2097152", "maxmemory-policy" "allkeys-lru"', fixture('config/example-redis-config.yaml'), '2097152', 'allkeys-lru'],
  ])('kubectl exec redis -- redis-cli CONFIG GET, %s', (_, configMap, maxmemory, policy) => {
    const check = `test "$(redis-cli CONFIG GET maxmemory | tr "\\n" " ")" = "maxmemory ${maxmemory} " && test "$(redis-cli CONFIG GET maxmemory-policy | tr "\\n" " ")" = "maxmemory-policy ${policy} "`;
    const t = run(withProbe(withDocs(configMap, fixture('config/redis-pod.yaml')), 'redis', check), { until: 30_000 });
    expect(statusAt(t, 29_000)).toBe('Running');
    expect(containerAt(t, 29_000, 'redis').ready).toBe(true);
    expect(logs(t, 'redis', 'redis')).toContainEqual(expect.stringMatching(/\* Configuration loaded$/));
  });
});
