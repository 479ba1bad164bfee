/**
 * Sweep over every example under kubernetes/website content/en/examples/pods/ (saved, block-style,
 * in src/k8s/fixtures/docs under the same relative path). Three tables, and every saved file is in
 * exactly one of them:
 *  - `runnable`: catalogue images and kinds PodPlay simulates; simulated (with the companion objects
 *    the same docs page creates) and checked against what the page says, quoted in the test name;
 *  - `notRunnable`: an unknown image or a feature PodPlay does not simulate; PodPlay must at least
 *    say so with a located diagnostic (or, for an unknown image, a pull failure naming the image);
 *  - `differs`: the engine gives something other than the page, each with how (empty today: the
 *    last ones were fixed and are asserted as their pages say in docs-sweep-fixed*.test.ts, listed
 *    in `fixedSince`).
 * Pages are content/en/docs/... in kubernetes/website.
 */
import { describe, expect, it } from 'vitest';
import { admitManifests, formatDiagnostic } from '../../k8s';
import { DEFAULT_NODE, type NodeSettings, type SimAction, type Trace } from '..';
import { containerAt, eventsOf, podAt, run, statusAt, statusChanges } from './builders';
import { ALL_FIXTURES, SPECIAL_AND_ENV_CONFIG, SPECIAL_CONFIG_MULTIKEYS, fixture, logs, withDocs, withProbe } from './docs-fixtures';

interface Runnable {
  path: string;
  page: string;
  claim: string;
  /** The manifest simulated (default: the fixture alone). */
  manifest?: () => string;
  node?: Partial<NodeSettings>;
  nodes?: NodeSettings[];
  actions?: SimAction[];
  until?: number;
  check: (trace: Trace) => void;
}

const TASKS = 'tasks/configure-pod-container';
const ZONE = 'topology.kubernetes.io/zone';
const SPREAD = "node(s) didn't match pod topology spread constraints";

const zoned = (name: string, labels: Record<string, string>): NodeSettings => ({ ...DEFAULT_NODE, name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...labels } });

/** topology-spread-constraints.md's nodes: `node=nodeN`, `zone=zoneA|zoneB|zoneC`. */
const PAGE_NODES = ['zoneA', 'zoneA', 'zoneB', 'zoneB', 'zoneC'].map((zone, i) => zoned(`node${i + 1}`, { node: `node${i + 1}`, zone }));

/** An existing pod the page's cluster already runs, bound to its node. */
const placed = (name: string, labels: string, nodeName: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels: { ${labels} }\nspec:\n  nodeName: ${nodeName}\n  containers:\n  - name: pause\n    image: registry.k8s.io/pause:3.8\n`;
const INJECT = 'tasks/inject-data-application';

const runnable: Runnable[] = [
  {
    path: 'simple-pod.yaml',
    page: 'concepts/workloads/pods/_index.md',
    claim: 'To create the Pod shown above: nginx:1.14.2 runs',
    until: 30_000,
    check: (t) => {
      expect(statusAt(t, 29_000)).toBe('Running');
      expect(containerAt(t, 29_000, 'nginx').ready).toBe(true);
    },
  },
  {
    path: 'commands.yaml',
    page: `${INJECT}/define-command-argument-container.md`,
    claim: 'The output shows the values of the HOSTNAME and KUBERNETES_PORT environment variables: command-demo, tcp://10.3.240.1:443',
    until: 30_000,
    check: (t) => {
      const out = logs(t, 'command-demo', 'command-demo-container');
      expect(out[0]).toBe('command-demo');
      expect(out[1]).toMatch(/^tcp:\/\/10\.\d+\.\d+\.\d+:443$/);
      expect(statusAt(t, 29_000)).toBe('Completed');
    },
  },
  {
    path: 'init-containers.yaml',
    page: `${TASKS}/configure-pod-initialization.md`,
    claim: 'The output shows that nginx is serving the web page that was written by the init container (info.cern.ch)',
    manifest: () => withProbe(fixture('init-containers.yaml'), 'nginx', 'grep -q info.cern.ch /usr/share/nginx/html/index.html'),
    until: 40_000,
    check: (t) => {
      expect(statusChanges(t).map(([, s]) => s)).toEqual(['Pending', 'Init:0/1', 'PodInitializing', 'Running']);
      expect(containerAt(t, 39_000, 'nginx').ready).toBe(true);
    },
  },
  {
    path: 'lifecycle-events.yaml',
    page: `${TASKS}/attach-handler-lifecycle-event.md`,
    claim: 'Verify that the Container in the Pod is running ... Hello from the postStart handler',
    manifest: () => withProbe(fixture('lifecycle-events.yaml'), 'lifecycle-demo-container', 'grep -q "Hello from the postStart handler" /usr/share/message'),
    until: 30_000,
    check: (t) => {
      expect(statusAt(t, 29_000)).toBe('Running');
      expect(eventsOf(t, 'FailedPostStartHook')).toEqual([]);
      expect(containerAt(t, 29_000, 'lifecycle-demo-container').ready).toBe(true);
    },
  },
  {
    path: 'multi-container/shared-volume.yaml',
    page: 'concepts/workloads/pods/init-containers.md (pattern example)',
    claim: 'Init containers always run to completion; nginx then serves what the init container wrote',
    until: 30_000,
    check: (t) => {
      expect(statusChanges(t).map(([, s]) => s)).toEqual(['Pending', 'Init:0/1', 'PodInitializing', 'Running']);
      expect(containerAt(t, 29_000, 'content-writer').state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    },
  },
  {
    path: 'multi-container/localhost.yaml',
    page: 'concepts/workloads/pods (multi-container patterns; page not in the search index)',
    claim: 'the client sidecar reaches nginx on localhost:80 and prints the head of its welcome page',
    until: 30_000,
    check: (t) => {
      const out = logs(t, 'localhost-example', 'client');
      expect(out).toContain('<title>Welcome to nginx!</title>');
      expect(statusAt(t, 29_000)).toBe('Running');
    },
  },
  {
    path: 'multi-container/resources.yaml',
    page: 'concepts/workloads/pods (multi-container patterns; page not in the search index)',
    claim: 'setup runs to completion, the log-shipper sidecar and nginx run; requests without CPU limits make the Pod Burstable',
    until: 30_000,
    check: (t) => {
      expect(logs(t, 'resources-example', 'setup')).toEqual(['setting up']);
      expect(statusAt(t, 29_000)).toBe('Running');
      expect(containerAt(t, 29_000, 'log-shipper').ready).toBe(true);
      expect(containerAt(t, 29_000, 'app').ready).toBe(true);
      expect(podAt(t, 29_000).status?.qosClass).toBe('Burstable');
    },
  },
  {
    path: 'multi-container/startup-coordination.yaml',
    page: 'concepts/workloads/pods (multi-container patterns; page not in the search index)',
    claim: 'main-app starts only once the config sidecar has passed its startup probe, and reads greeting=hello',
    until: 30_000,
    check: (t) => {
      expect(logs(t, 'startup-coordination-example', 'main-app')).toEqual(['greeting=hello']);
      const sidecarStarted = t.probes.find((p) => p.container === 'config-sidecar' && p.result === 'success');
      const mainStarted = eventsOf(t, 'Started', 'spec.containers{main-app}')[0];
      expect(sidecarStarted).toBeDefined();
      expect(mainStarted.t).toBeGreaterThanOrEqual(sidecarStarted?.t ?? Infinity);
    },
  },
  {
    path: 'two-container-pod.yaml',
    page: 'tasks/access-application-cluster/communicate-containers-same-pod-shared-volume.md',
    claim: 'debian-container terminated (exit 0) ... curl localhost: "Hello from the debian container"',
    manifest: () => withProbe(fixture('two-container-pod.yaml'), 'nginx-container', 'grep -q "Hello from the debian container" /usr/share/nginx/html/index.html'),
    until: 30_000,
    check: (t) => {
      expect(containerAt(t, 29_000, 'debian-container').state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
      expect(containerAt(t, 29_000, 'nginx-container').state?.running).toBeDefined();
      expect(containerAt(t, 29_000, 'nginx-container').ready).toBe(true);
    },
  },
  {
    path: 'share-process-namespace.yaml',
    page: 'tasks/configure-pod-container/share-process-namespace.md',
    claim: 'ps ax: 1 root /pause, nginx: master process nginx -g daemon off; (root), nginx: worker process (101); kill -HUP <master> brings the worker back under a new PID',
    manifest: () =>
      withProbe(
        fixture('share-process-namespace.yaml'),
        'shell',
        // Anchored patterns: this script's own command line (also in ps ax) must not match them.
        "ps ax | grep -Eq '^ *1 +root +[0-9:]+ /pause$' && ps ax | grep -Eq '^ *[0-9]+ +root +[0-9:]+ nginx: master process nginx -g daemon off;$' && " +
          "w1=$(ps ax | grep -E '^ *[0-9]+ +101 +[0-9:]+ nginx: worker process$' | cut -c1-5) && test -n \"$w1\" && " +
          "kill -HUP $(ps ax | grep -E '^ *[0-9]+ +root +[0-9:]+ nginx: master' | cut -c1-5) && sleep 0.1 && " +
          "w2=$(ps ax | grep -E '^ *[0-9]+ +101 +[0-9:]+ nginx: worker process$' | cut -c1-5) && test -n \"$w2\" && test \"$w1\" != \"$w2\"",
      ),
    until: 30_000,
    check: (t) => {
      expect(containerAt(t, 29_000, 'shell').ready).toBe(true);
    },
  },
  {
    path: 'probe/exec-liveness.yaml',
    page: `${TASKS}/configure-liveness-readiness-startup-probes.md`,
    claim: "Liveness probe failed: cat: can't open '/tmp/healthy' ... Container liveness failed liveness probe, will be restarted ... RESTARTS 1",
    until: 100_000,
    check: (t) => {
      const unhealthy = eventsOf(t, 'Unhealthy').filter((e) => e.t <= 60_000);
      expect(unhealthy).toHaveLength(3);
      expect(unhealthy[0].message.trimEnd()).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
      expect(eventsOf(t, 'Killing')[0].message).toBe('Container liveness failed liveness probe, will be restarted');
      expect(containerAt(t, 95_000, 'liveness').restartCount).toBe(1);
    },
  },
  {
    path: 'probe/http-liveness.yaml',
    page: `${TASKS}/configure-liveness-readiness-startup-probes.md`,
    claim: 'after 10 seconds, the health checks will fail, and the kubelet will kill and restart the container',
    until: 60_000,
    check: (t) => {
      expect(eventsOf(t, 'Unhealthy')[0].message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
      expect(eventsOf(t, 'Killing')[0].message).toBe('Container liveness failed liveness probe, will be restarted');
    },
  },
  {
    path: 'probe/tcp-liveness-readiness.yaml',
    page: `${TASKS}/configure-liveness-readiness-startup-probes.md`,
    claim: 'the first readiness probe 15 seconds after the container starts ... If the probe succeeds, the Pod will be marked as ready',
    until: 40_000,
    check: (t) => {
      const started = eventsOf(t, 'Started')[0].t;
      const first = t.probes.filter((p) => p.probe === 'readiness')[0];
      expect(first.t - started).toBeGreaterThanOrEqual(15_000);
      expect(first.result).toBe('success');
      expect(containerAt(t, 39_000, 'goproxy').ready).toBe(true);
    },
  },
  {
    path: 'probe/grpc-liveness.yaml',
    page: `${TASKS}/configure-liveness-readiness-startup-probes.md`,
    claim: 'After 15 seconds, view Pod events to verify that the liveness check has not failed',
    until: 40_000,
    check: (t) => {
      expect(eventsOf(t, 'Unhealthy')).toEqual([]);
      expect(statusAt(t, 39_000)).toBe('Running');
    },
  },
  {
    path: 'probe/pod-with-http-healthcheck.yaml',
    page: 'concepts/configuration/liveness-readiness-startup-probes.md (example of an HTTP liveness probe)',
    claim: 'the kubelet sends GET /_status/healthz to port 80; stock nginx answers 404, which counts as a failure: the container is restarted',
    until: 70_000,
    check: (t) => {
      expect(eventsOf(t, 'Unhealthy')[0].message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 404');
      expect(eventsOf(t, 'Killing')[0].message).toBe('Container nginx failed liveness probe, will be restarted');
    },
  },
  {
    path: 'probe/pod-with-tcp-socket-healthcheck.yaml',
    page: 'concepts/configuration/liveness-readiness-startup-probes.md (example of a TCP liveness probe)',
    claim: 'the kubelet opens a TCP connection to 6379 after 30 s; redis accepts, so the container is never restarted',
    until: 60_000,
    check: (t) => {
      expect(t.probes.filter((p) => p.probe === 'liveness').length).toBeGreaterThan(0);
      expect(eventsOf(t, 'Unhealthy')).toEqual([]);
      expect(containerAt(t, 59_000, 'redis').restartCount).toBe(0);
    },
  },
  {
    path: 'qos/qos-pod.yaml',
    page: `${TASKS}/quality-service-pod.md`,
    claim: 'Kubernetes gave the Pod a QoS class of Guaranteed',
    until: 20_000,
    check: (t) => expect(podAt(t, 19_000).status?.qosClass).toBe('Guaranteed'),
  },
  {
    path: 'qos/qos-pod-2.yaml',
    page: `${TASKS}/quality-service-pod.md`,
    claim: 'Kubernetes gave the Pod a QoS class of Burstable',
    until: 20_000,
    check: (t) => expect(podAt(t, 19_000).status?.qosClass).toBe('Burstable'),
  },
  {
    path: 'qos/qos-pod-3.yaml',
    page: `${TASKS}/quality-service-pod.md`,
    claim: 'Kubernetes gave the Pod a QoS class of BestEffort',
    until: 20_000,
    check: (t) => expect(podAt(t, 19_000).status?.qosClass).toBe('BestEffort'),
  },
  {
    path: 'qos/qos-pod-4.yaml',
    page: `${TASKS}/quality-service-pod.md`,
    claim: 'Pod with two containers, one with a memory request: QoS class of Burstable',
    until: 20_000,
    check: (t) => {
      expect(podAt(t, 19_000).status?.qosClass).toBe('Burstable');
      expect(statusAt(t, 19_000)).toBe('Running');
    },
  },
  {
    path: 'qos/qos-pod-5.yaml',
    page: `${TASKS}/resize-container-resources.md`,
    claim: 'the Pod starts with requests equal to limits (700m, 200Mi): qosClass Guaranteed, Running',
    until: 20_000,
    check: (t) => {
      expect(podAt(t, 19_000).status?.qosClass).toBe('Guaranteed');
      expect(statusAt(t, 19_000)).toBe('Running');
    },
  },
  {
    path: 'resource/cpu-request-limit.yaml',
    page: `${TASKS}/assign-cpu-resource.md`,
    claim: 'the Container attempts to use 2 CPUs; it is throttled to its limit and keeps running',
    until: 60_000,
    check: (t) => {
      expect(statusAt(t, 59_000)).toBe('Running');
      expect(containerAt(t, 59_000, 'cpu-demo-ctr').restartCount).toBe(0);
    },
  },
  {
    path: 'resource/cpu-request-limit-2.yaml',
    page: `${TASKS}/assign-cpu-resource.md`,
    claim: 'The output shows that the Pod status is Pending ... FailedScheduling ... Insufficient cpu',
    until: 20_000,
    check: (t) => {
      expect(statusAt(t, 19_000)).toBe('Pending');
      expect(eventsOf(t, 'FailedScheduling')[0].message).toContain('Insufficient cpu');
    },
  },
  {
    path: 'resource/memory-request-limit.yaml',
    page: `${TASKS}/assign-memory-resource.md`,
    claim: 'The Container is running (150M under a 200Mi limit)',
    until: 30_000,
    check: (t) => {
      expect(statusAt(t, 29_000)).toBe('Running');
      expect(podAt(t, 29_000).status?.qosClass).toBe('Burstable');
    },
  },
  {
    path: 'resource/memory-request-limit-2.yaml',
    page: `${TASKS}/assign-memory-resource.md`,
    claim: 'The Container is being killed because it is out of memory (OOM) ... reason: OOMKilled ... restarted again and again',
    until: 60_000,
    check: (t) => {
      const c = containerAt(t, 59_000, 'memory-demo-2-ctr');
      expect(c.lastState?.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
      expect(c.restartCount).toBeGreaterThanOrEqual(2);
      expect(statusChanges(t).map(([, s]) => s)).toContain('CrashLoopBackOff');
    },
  },
  {
    path: 'resource/memory-request-limit-3.yaml',
    page: `${TASKS}/assign-memory-resource.md`,
    claim: 'The output shows that the Pod status is PENDING ... Insufficient memory',
    until: 20_000,
    check: (t) => {
      expect(statusAt(t, 19_000)).toBe('Pending');
      expect(eventsOf(t, 'FailedScheduling')[0].message).toContain('Insufficient memory');
    },
  },
  {
    path: 'inject/dapi-envars-pod.yaml',
    page: `${INJECT}/environment-variable-expose-pod-information.md`,
    claim: 'The output shows the values of selected environment variables: node name, pod name, namespace, pod IP, service account',
    until: 20_000,
    check: (t) => {
      const pod = podAt(t, 19_000);
      expect(logs(t, 'dapi-envars-fieldref', 'test-container').slice(1, 6)).toEqual([
        'node-1',
        'dapi-envars-fieldref',
        'default',
        pod.status?.podIP ?? '?',
        'default',
      ]);
    },
  },
  {
    path: 'inject/dapi-envars-container.yaml',
    page: `${INJECT}/environment-variable-expose-pod-information.md`,
    claim: 'The output shows the values of selected environment variables: 1, 1, 33554432, 67108864',
    until: 20_000,
    check: (t) => expect(logs(t, 'dapi-envars-resourcefieldref', 'test-container').slice(1, 5)).toEqual(['1', '1', '33554432', '67108864']),
  },
  {
    path: 'inject/dependent-envars.yaml',
    page: `${INJECT}/define-interdependent-environment-variables.md`,
    claim: 'SERVICE_ADDRESS=https://172.17.0.1:80, ESCAPED_REFERENCE=$(PROTOCOL)://172.17.0.1:80',
    until: 20_000,
    check: (t) => {
      const out = logs(t, 'dependent-envars-demo', 'dependent-envars-demo');
      expect(out[out.indexOf('SERVICE_ADDRESS') + 1]).toBe('https://172.17.0.1:80');
      expect(out[out.indexOf('ESCAPED_REFERENCE') + 1]).toBe('$(PROTOCOL)://172.17.0.1:80');
      // The example echoes UNCHANGE_REFERENCE (sic) and printenv of that unset name prints nothing.
      expect(out[out.indexOf('UNCHANGE_REFERENCE') + 1]).toBe('ESCAPED_REFERENCE');
    },
  },
  {
    path: 'inject/secret-envars-pod.yaml',
    page: `${INJECT}/distribute-credentials-secure.md`,
    claim: 'echo $SECRET_USERNAME: my-app; echo $SECRET_PASSWORD: 39528$vdg7Jb (Secret test-secret from inject/secret.yaml)',
    manifest: () => withProbe(withDocs(fixture('inject/secret.yaml'), fixture('inject/secret-envars-pod.yaml')), 'envars-test-container', 'test "$SECRET_USERNAME" = my-app && test "$SECRET_PASSWORD" = \'39528$vdg7Jb\''),
    until: 30_000,
    check: (t) => expect(containerAt(t, 29_000, 'envars-test-container').ready).toBe(true),
  },
  {
    path: 'inject/pod-secret-envFrom.yaml',
    page: `${INJECT}/distribute-credentials-secure.md`,
    claim: 'Configure all key-value pairs in a Secret as container environment variables: username: my-app, password: 39528$vdg7Jb',
    manifest: () => withProbe(withDocs(fixture('inject/secret.yaml'), fixture('inject/pod-secret-envFrom.yaml')), 'envars-test-container', 'test "$username" = my-app && test "$password" = \'39528$vdg7Jb\''),
    until: 30_000,
    check: (t) => expect(containerAt(t, 29_000, 'envars-test-container').ready).toBe(true),
  },
  {
    path: 'inject/secret-pod.yaml',
    page: `${INJECT}/distribute-credentials-secure.md`,
    claim: 'ls /etc/secret-volume: password username; cat username: my-app; cat password: 39528$vdg7Jb',
    manifest: () =>
      withProbe(
        withDocs(fixture('inject/secret.yaml'), fixture('inject/secret-pod.yaml')),
        'test-container',
        'test "$(ls /etc/secret-volume | tr "\\n" " ")" = "password username " && test "$(cat /etc/secret-volume/username)" = my-app && test "$(cat /etc/secret-volume/password)" = \'39528$vdg7Jb\'',
      ),
    until: 30_000,
    check: (t) => expect(containerAt(t, 29_000, 'test-container').ready).toBe(true),
  },
  {
    path: 'pod-configmap-env-var-valueFrom.yaml',
    page: `${TASKS}/configure-pod-configmap.md`,
    claim: 'That command produces the following output in the test-container container: very charm',
    manifest: () => withDocs(SPECIAL_CONFIG_MULTIKEYS, fixture('pod-configmap-env-var-valueFrom.yaml')),
    until: 20_000,
    check: (t) => {
      expect(logs(t, 'dapi-test-pod', 'test-container')).toEqual(['very charm']);
      expect(statusAt(t, 19_000)).toBe('Completed');
    },
  },
  {
    path: 'pod-configmap-envFrom.yaml',
    page: `${TASKS}/configure-pod-configmap.md`,
    claim: "Now, the Pod's output includes environment variables SPECIAL_LEVEL=very and SPECIAL_TYPE=charm",
    manifest: () => withDocs(SPECIAL_CONFIG_MULTIKEYS, fixture('pod-configmap-envFrom.yaml')),
    until: 20_000,
    check: (t) => expect(logs(t, 'dapi-test-pod', 'test-container')).toEqual(expect.arrayContaining(['SPECIAL_LEVEL=very', 'SPECIAL_TYPE=charm'])),
  },
  {
    path: 'pod-configmap-volume.yaml',
    page: `${TASKS}/configure-pod-configmap.md`,
    claim: 'When the pod runs, the command ls /etc/config/ produces: SPECIAL_LEVEL SPECIAL_TYPE',
    manifest: () => withDocs(SPECIAL_CONFIG_MULTIKEYS, fixture('pod-configmap-volume.yaml')),
    until: 20_000,
    check: (t) => expect(logs(t, 'dapi-test-pod', 'test-container')).toEqual(['SPECIAL_LEVEL', 'SPECIAL_TYPE']),
  },
  {
    path: 'pod-configmap-volume-specific-key.yaml',
    page: `${TASKS}/configure-pod-configmap.md`,
    claim: 'When the pod runs, the command cat /etc/config/keys produces: very',
    manifest: () => withDocs(SPECIAL_CONFIG_MULTIKEYS, fixture('pod-configmap-volume-specific-key.yaml')),
    until: 20_000,
    check: (t) => expect(logs(t, 'dapi-test-pod', 'test-container')).toEqual(['very']),
  },
  {
    path: 'pod-single-configmap-env-variable.yaml',
    page: `${TASKS}/configure-pod-configmap.md`,
    claim: "Now, the Pod's output includes environment variable SPECIAL_LEVEL_KEY=very",
    manifest: () => withDocs(SPECIAL_AND_ENV_CONFIG, fixture('pod-single-configmap-env-variable.yaml')),
    until: 20_000,
    check: (t) => expect(logs(t, 'dapi-test-pod', 'test-container')).toContain('SPECIAL_LEVEL_KEY=very'),
  },
  {
    path: 'pod-multiple-configmap-env-variable.yaml',
    page: `${TASKS}/configure-pod-configmap.md`,
    claim: "Now, the Pod's output includes environment variables SPECIAL_LEVEL_KEY=very and LOG_LEVEL=INFO",
    manifest: () => withDocs(SPECIAL_AND_ENV_CONFIG, fixture('pod-multiple-configmap-env-variable.yaml')),
    until: 20_000,
    check: (t) => expect(logs(t, 'dapi-test-pod', 'test-container')).toEqual(expect.arrayContaining(['SPECIAL_LEVEL_KEY=very', 'LOG_LEVEL=INFO'])),
  },
  {
    path: 'pod-nginx-required-affinity.yaml',
    page: `${TASKS}/assign-pods-nodes-using-node-affinity.md`,
    claim: 'Verify that the pod is running on your chosen node (labelled disktype=ssd)',
    node: { labels: { 'kubernetes.io/hostname': 'node-1', disktype: 'ssd' } },
    until: 20_000,
    check: (t) => {
      expect(podAt(t, 19_000).spec?.nodeName).toBe('node-1');
      expect(statusAt(t, 19_000)).toBe('Running');
    },
  },
  {
    path: 'pod-nginx-preferred-affinity.yaml',
    page: `${TASKS}/assign-pods-nodes-using-node-affinity.md`,
    claim: 'Verify that the pod is running on your chosen node (preferred disktype=ssd)',
    node: { labels: { 'kubernetes.io/hostname': 'node-1', disktype: 'ssd' } },
    until: 20_000,
    check: (t) => {
      expect(podAt(t, 19_000).spec?.nodeName).toBe('node-1');
      expect(statusAt(t, 19_000)).toBe('Running');
    },
  },
  {
    path: 'pod-nginx.yaml',
    page: `${TASKS}/assign-pods-nodes.md`,
    claim: 'Verify that the pod is running on your chosen node (nodeSelector disktype: ssd)',
    node: { labels: { 'kubernetes.io/hostname': 'node-1', disktype: 'ssd' } },
    until: 20_000,
    check: (t) => {
      expect(podAt(t, 19_000).spec?.nodeName).toBe('node-1');
      expect(statusAt(t, 19_000)).toBe('Running');
    },
  },
  {
    path: 'assigning-pods-to-nodes-affinity.yaml',
    page: 'concepts/scheduling-eviction/assign-pod-node.md',
    claim:
      'The node must have a label with the key topology.kubernetes.io/zone and the value antarctica-east1; the node preferably has a label with the key another-node-label-key and the value another-node-label-value',
    nodes: [
      { ...DEFAULT_NODE, name: 'elsewhere', labels: { 'kubernetes.io/hostname': 'elsewhere', 'topology.kubernetes.io/zone': 'antarctica-west1' } },
      { ...DEFAULT_NODE, name: 'plain', labels: { 'kubernetes.io/hostname': 'plain', 'topology.kubernetes.io/zone': 'antarctica-east1' } },
      { ...DEFAULT_NODE, name: 'preferred', labels: { 'kubernetes.io/hostname': 'preferred', 'topology.kubernetes.io/zone': 'antarctica-east1', 'another-node-label-key': 'another-node-label-value' } },
    ],
    until: 5_000,
    check: (t) => {
      // Filtered: only the antarctica-east1 nodes fit; scored: the preferred label wins (NodeAffinity).
      expect(eventsOf(t, 'Scheduled')[0].message).toBe('Successfully assigned default/with-node-affinity to preferred');
      expect(t.scheduling[0].nodes.map((n) => [n.node, n.reasons])).toEqual([
        ['elsewhere', ["node(s) didn't match Pod's node affinity/selector"]],
        ['plain', []],
        ['preferred', []],
      ]);
      // k8s.gcr.io/pause:2.0 is not in PodPlay's catalogue: the pull fails, as for an unknown repository.
      expect(eventsOf(t, 'Failed').some((e) => e.message.startsWith('Failed to pull image "k8s.gcr.io/pause:2.0"'))).toBe(true);
    },
  },
  {
    path: 'pod-with-pod-affinity.yaml',
    page: 'concepts/scheduling-eviction/assign-pod-node.md',
    claim:
      'the scheduler can place the example Pod on a node only if that node belongs to a zone where other Pods have been labeled with security=S1; it should try to avoid a zone where Pods are labeled security=S2',
    // Zone V holds an S1 and an S2 pod, zone U an S1 pod, zone W none.
    manifest: () =>
      withDocs(
        placed('s1-v', 'security: S1', 'v-1'),
        placed('s2-v', 'security: S2', 'v-2'),
        placed('s1-u', 'security: S1', 'u-1'),
        fixture('pod-with-pod-affinity.yaml'),
      ),
    nodes: [zoned('v-1', { [ZONE]: 'V' }), zoned('v-2', { [ZONE]: 'V' }), zoned('u-1', { [ZONE]: 'U' }), zoned('w-1', { [ZONE]: 'W' })],
    until: 10_000,
    check: (t) => {
      // Filtered (required podAffinity): zone W has no S1 pod. Scored (preferred podAntiAffinity): zone V has an S2 pod.
      const d = t.scheduling.find((x) => x.pod === 'with-pod-affinity');
      expect(d?.nodes.map((n) => [n.node, n.reasons, n.score?.plugins.InterPodAffinity])).toEqual([
        ['v-1', [], 0],
        ['v-2', [], 0],
        ['u-1', [], 100],
        ['w-1', ["node(s) didn't match pod affinity rules"], undefined],
      ]);
      expect(eventsOf(t, 'Scheduled').find((e) => e.object === 'pod/with-pod-affinity')?.message).toBe('Successfully assigned default/with-pod-affinity to u-1');
    },
  },
  {
    path: 'topology-spread-constraints/one-constraint.yaml',
    page: 'concepts/scheduling-eviction/topology-spread-constraints.md',
    claim: 'placed into zone A, the distribution of Pods would become [3, 1]: a skew of 2 violates maxSkew: 1, so the incoming Pod can only be placed onto a node in zone B',
    manifest: () => withDocs(placed('p1', 'foo: bar', 'node1'), placed('p2', 'foo: bar', 'node2'), placed('p3', 'foo: bar', 'node3'), fixture('topology-spread-constraints/one-constraint.yaml')),
    nodes: PAGE_NODES.slice(0, 4),
    until: 10_000,
    check: (t) => {
      const d = t.scheduling.find((x) => x.pod === 'mypod');
      expect(d?.nodes.map((n) => n.reasons.join())).toEqual([SPREAD, SPREAD, '', '']);
      expect(['node3', 'node4']).toContain(d?.node);
      // The stored version's k8s.gcr.io/pause:3.1 is not in PodPlay's catalogue (registry.k8s.io/pause is): the pull fails.
      expect(eventsOf(t, 'Failed').some((e) => e.object === 'pod/mypod' && e.message.startsWith('Failed to pull image "k8s.gcr.io/pause:3.1"'))).toBe(true);
    },
  },
  {
    path: 'topology-spread-constraints/two-constraints.yaml',
    page: 'concepts/scheduling-eviction/topology-spread-constraints.md',
    claim:
      'to match the first constraint the incoming Pod can only be placed onto nodes in zone B; the second allows only node4. The only valid placement is onto node node4',
    // The page's 4-node cluster (node=nodeN, zone=zoneA|zoneB) with foo: bar pods on node1, node2 and node3.
    manifest: () => withDocs(placed('p1', 'foo: bar', 'node1'), placed('p2', 'foo: bar', 'node2'), placed('p3', 'foo: bar', 'node3'), fixture('topology-spread-constraints/two-constraints.yaml')),
    nodes: PAGE_NODES.slice(0, 4),
    until: 10_000,
    check: (t) => {
      const d = t.scheduling.find((x) => x.pod === 'mypod');
      expect(d?.node).toBe('node4');
      expect(d?.nodes.map((n) => n.reasons.join())).toEqual([SPREAD, SPREAD, SPREAD, '']);
      expect(eventsOf(t, 'Started').some((e) => e.object === 'pod/mypod')).toBe(true);
    },
  },
  {
    path: 'topology-spread-constraints/one-constraint-with-nodeaffinity.yaml',
    page: 'concepts/scheduling-eviction/topology-spread-constraints.md',
    claim: 'you know that zone C must be excluded: mypod will be placed into zone B instead of zone C',
    // The page's 5-node cluster: node1, node2 (zoneA), node3, node4 (zoneB), node5 (zoneC); pods on node1..node3.
    manifest: () =>
      withDocs(placed('p1', 'foo: bar', 'node1'), placed('p2', 'foo: bar', 'node2'), placed('p3', 'foo: bar', 'node3'), fixture('topology-spread-constraints/one-constraint-with-nodeaffinity.yaml')),
    nodes: PAGE_NODES,
    until: 10_000,
    check: (t) => {
      // nodeAffinityPolicy Honor: zoneC is not a domain, so the minimum is zone B's 1, not zone C's 0.
      const d = t.scheduling.find((x) => x.pod === 'mypod');
      expect(d?.nodes.map((n) => n.reasons.join())).toEqual([SPREAD, SPREAD, '', '', "node(s) didn't match Pod's node affinity/selector"]);
      expect(['node3', 'node4']).toContain(d?.node);
    },
  },
  {
    path: 'pod-nginx-specific-node.yaml',
    page: `${TASKS}/assign-pods-nodes.md`,
    claim: 'Verify that the pod is running on your chosen node (nodeName: foo-node)',
    node: { name: 'foo-node', labels: { 'kubernetes.io/hostname': 'foo-node', 'kubernetes.io/os': 'linux' } },
    until: 20_000,
    check: (t) => {
      expect(podAt(t, 19_000).spec?.nodeName).toBe('foo-node');
      expect(statusAt(t, 19_000)).toBe('Running');
    },
  },
  {
    path: 'pod-with-toleration.yaml',
    page: 'concepts/scheduling-eviction/taint-and-toleration.md',
    claim: 'a Pod with this toleration can be scheduled (here onto an untainted node) and runs',
    until: 20_000,
    check: (t) => expect(statusAt(t, 19_000)).toBe('Running'),
  },
  {
    path: 'pod-with-affinity-preferred-weight.yaml',
    page: 'concepts/scheduling-eviction/assign-pod-node.md',
    claim: 'the Pod can only be placed on a node with kubernetes.io/os=linux (the default node has it)',
    until: 20_000,
    check: (t) => {
      expect(podAt(t, 19_000).spec?.nodeName).toBe('node-1');
      expect(statusAt(t, 19_000)).toBe('Running');
    },
  },
  {
    path: 'pod-without-scheduling-gates.yaml',
    page: 'concepts/scheduling-eviction/pod-scheduling-readiness.md',
    claim: 'the Pod is scheduled and runs: test-pod 1/1 Running',
    until: 20_000,
    check: (t) => {
      expect(statusAt(t, 19_000)).toBe('Running');
      expect(containerAt(t, 19_000, 'pause').ready).toBe(true);
    },
  },
  {
    path: 'storage/redis.yaml',
    page: `${TASKS}/configure-volume-storage.md`,
    claim: 'the Container restarts (RESTARTS 1) and the file written to /data/redis is still there',
    manifest: () => withProbe(fixture('storage/redis.yaml'), 'redis', 'test -f /data/redis/test-file'),
    actions: [
      { at: 10, kind: 'writeFile', container: 'redis', path: '/data/redis/test-file', content: 'Hello\n' },
      { at: 20, kind: 'killContainer', container: 'redis', how: 'crash' },
    ],
    until: 60_000,
    check: (t) => {
      const c = containerAt(t, 59_000, 'redis');
      expect(c.restartCount).toBe(1);
      expect(c.state?.running).toBeDefined();
      expect(c.ready).toBe(true);
    },
  },
];

type Diag = { kind: 'warning' | 'error'; match: RegExp } | { kind: 'pull'; image: string };
interface NotRunnable {
  path: string;
  reason: string;
  /** What PodPlay must say (formatted `file:line:col: [warning: ]path: message`, or the pull failure). */
  diagnostic: Diag;
  manifest?: () => string;
}

const unknownImage = (path: string, image: string, reason = `image ${image} is not in the catalogue`): NotRunnable => ({ path, reason, diagnostic: { kind: 'pull', image } });
const warns = (path: string, reason: string, match: RegExp): NotRunnable => ({ path, reason, diagnostic: { kind: 'warning', match } });
const rejects = (path: string, reason: string, match: RegExp): NotRunnable => ({ path, reason, diagnostic: { kind: 'error', match } });

const notRunnable: NotRunnable[] = [
  unknownImage('inject/envars.yaml', 'gcr.io/google-samples/hello-app:2.0'),
  { ...unknownImage('inject/envFrom.yaml', 'gcr.io/google-samples/node-hello:1.0'), manifest: () => withDocs(fixture('inject/configmap-envFrom.yaml'), fixture('inject/envFrom.yaml')) },
  unknownImage('pod-rs.yaml', 'gcr.io/google-samples/hello-app:2.0'),
  unknownImage('security/security-context-3.yaml', 'gcr.io/google-samples/hello-app:2.0'),
  unknownImage('security/security-context-4.yaml', 'gcr.io/google-samples/hello-app:2.0', 'image hello-app not in the catalogue (and capabilities are not simulated)'),
  unknownImage('multi-container/ambassador.yaml', 'docker.io/alpine/socat:1.8.0.3'),
  unknownImage('resource/pod-level-resize.yaml', 'registry.k8s.io/nginx:latest', 'registry.k8s.io/nginx is not in the catalogue; pod-level resources and resize are not simulated'),
  warns('security/security-context.yaml', 'securityContext (runAsUser, fsGroup) is not simulated; node-hello image unknown', /security-context\.yaml:6:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/security-context-2.yaml', 'securityContext (runAsUser) is not simulated; hello-app image unknown', /security-context-2\.yaml:6:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/security-context-5.yaml', 'runAsUser/runAsGroup/supplementalGroups are not simulated (the page shows id: uid=1000 gid=3000 groups=3000,4000)', /security-context-5\.yaml:6:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/security-context-6.yaml', 'supplementalGroupsPolicy is not simulated', /security-context-6\.yaml:6:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/security-context-7.yaml', 'securityContext.cgroupOptions (a field newer than PodPlay\'s schema)', /security-context-7\.yaml:15:9: warning: spec\.containers\[0\]\.securityContext\.cgroupOptions: unknown field "cgroupOptions"/),
  warns('security/apparmor/default-pod.yaml', 'AppArmor is not simulated', /default-pod\.yaml:8:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/apparmor/hello-apparmor.yaml', 'AppArmor is not simulated (the page shows touch: /tmp/test: Permission denied)', /hello-apparmor\.yaml:6:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/hello-apparmor-2.yaml', 'AppArmor is not simulated', /hello-apparmor-2\.yaml:6:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/seccomp/fields.yaml', 'seccomp is not simulated', /fields\.yaml:6:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/seccomp/ga/audit-pod.yaml', 'seccomp is not simulated; hashicorp/http-echo unknown', /audit-pod\.yaml:8:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/seccomp/ga/default-pod.yaml', 'seccomp is not simulated; hashicorp/http-echo unknown', /default-pod\.yaml:8:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/seccomp/ga/fine-pod.yaml', 'seccomp is not simulated; hashicorp/http-echo unknown', /fine-pod\.yaml:8:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/seccomp/ga/violation-pod.yaml', 'seccomp is not simulated; hashicorp/http-echo unknown', /violation-pod\.yaml:8:3: warning: spec\.securityContext: not simulated by PodPlay/),
  warns('security/seccomp/alpha/audit-pod.yaml', 'alpha seccomp annotations (removed in 1.27); hashicorp/http-echo unknown', /audit-pod\.yaml:16:9: warning: spec\.containers\[0\]\.securityContext\.allowPrivilegeEscalation: not simulated by PodPlay/),
  warns('security/seccomp/alpha/default-pod.yaml', 'alpha seccomp annotations (removed in 1.27); hashicorp/http-echo unknown', /default-pod\.yaml:16:9: warning: spec\.containers\[0\]\.securityContext\.allowPrivilegeEscalation: not simulated/),
  warns('security/seccomp/alpha/fine-pod.yaml', 'alpha seccomp annotations (removed in 1.27); hashicorp/http-echo unknown', /fine-pod\.yaml:16:9: warning: spec\.containers\[0\]\.securityContext\.allowPrivilegeEscalation: not simulated/),
  warns('security/seccomp/alpha/violation-pod.yaml', 'alpha seccomp annotations (removed in 1.27); hashicorp/http-echo unknown', /violation-pod\.yaml:16:9: warning: spec\.containers\[0\]\.securityContext\.allowPrivilegeEscalation: not simulated/),
  warns('security/seccomp/kind.yaml', 'a kind cluster configuration, not a Kubernetes object', /kind\.yaml:2:7: warning: kind: kind Cluster is not simulated yet/),
  warns('user-namespaces-stateless.yaml', 'user namespaces (hostUsers: false) are not simulated', /user-namespaces-stateless\.yaml:6:3: warning: spec\.hostUsers: not simulated by PodPlay/),
  warns('image-volumes.yaml', 'image volumes are not simulated', /image-volumes\.yaml:17:7: warning: spec\.volumes\[0\]\.image: not simulated by PodPlay/),
  warns('image-volumes-subpath.yaml', 'image volumes are not simulated', /image-volumes-subpath\.yaml:18:7: warning: spec\.volumes\[0\]\.image: not simulated by PodPlay/),
  warns('emptydir-volume-mode.yaml', 'emptyDir.mode is newer than PodPlay\'s schema', /emptydir-volume-mode\.yaml:18:9: warning: spec\.volumes\[0\]\.emptyDir\.mode: unknown field "mode"/),
  warns('resource/pod-level-cpu-request-limit.yaml', 'pod-level resources are not simulated', /pod-level-cpu-request-limit\.yaml:7:3: warning: spec\.resources: not simulated by PodPlay/),
  warns('resource/pod-level-memory-request-limit.yaml', 'pod-level resources are not simulated', /pod-level-memory-request-limit\.yaml:7:3: warning: spec\.resources: not simulated by PodPlay/),
  warns('resource/pod-level-pid-limit.yaml', 'pod-level resources are not simulated', /pod-level-pid-limit\.yaml:7:3: warning: spec\.resources: not simulated by PodPlay/),
  warns('resource/pod-level-resources.yaml', 'pod-level resources are not simulated; fedora unknown', /pod-level-resources\.yaml:7:3: warning: spec\.resources: not simulated by PodPlay/),
  warns('resource/pod-level-resource-managers-container-scope-mixed.yaml', 'pod-level resources and resource managers are not simulated; registry.example image', /container-scope-mixed\.yaml:16:3: warning: spec\.resources: not simulated by PodPlay/),
  warns('resource/pod-level-resource-managers-pod-scope-mixed.yaml', 'pod-level resources and resource managers are not simulated; registry.example image', /pod-scope-mixed\.yaml:15:3: warning: spec\.resources: not simulated by PodPlay/),
  warns('resource/pod-level-resource-managers-empty-shared-pool.yaml', 'pod-level resources and resource managers are not simulated (the page says it is rejected at admission)', /empty-shared-pool\.yaml:15:3: warning: spec\.resources: not simulated by PodPlay/),
  warns('resource/pod-resize.yaml', 'in-place resize is not simulated', /pod-resize\.yaml:10:7: warning: spec\.containers\[0\]\.resizePolicy: not simulated by PodPlay/),
  warns('restart-policy/restart-all-containers.yaml', 'RestartAllContainers (restartPolicyRules) is alpha and not simulated', /restart-all-containers\.yaml:21:7: warning: spec\.initContainers\[1\]\.restartPolicyRules: not simulated by PodPlay/),
  warns('pod-with-scheduling-gates.yaml', 'scheduling gates are not simulated (the page shows STATUS SchedulingGated)', /pod-with-scheduling-gates\.yaml:6:3: warning: spec\.schedulingGates: not simulated by PodPlay/),
  warns('storage/pv-pod.yaml', 'PersistentVolumeClaims are not simulated', /pv-pod\.yaml:8:7: warning: spec\.volumes\[0\]\.persistentVolumeClaim: not simulated by PodPlay/),
  warns('storage/pv-pod-backup.yaml', 'PersistentVolumeClaims are not simulated', /pv-pod-backup\.yaml:8:7: warning: spec\.volumes\[0\]\.persistentVolumeClaim: not simulated by PodPlay/),
  warns('storage/pv-duplicate.yaml', 'PersistentVolumeClaims are not simulated', /pv-duplicate\.yaml:20:7: warning: spec\.volumes\[0\]\.persistentVolumeClaim: not simulated by PodPlay/),
  warns('storage/expandable-pvc-pod.yaml', 'PersistentVolumeClaims are not simulated', /expandable-pvc-pod\.yaml:17:7: warning: spec\.volumes\[0\]\.persistentVolumeClaim: not simulated by PodPlay/),
  warns('storage/pv-volume.yaml', 'PersistentVolumes are not simulated', /pv-volume\.yaml:2:7: warning: kind: kind PersistentVolume is not simulated yet/),
  warns('storage/pv-claim.yaml', 'PersistentVolumeClaims are not simulated', /pv-claim\.yaml:2:7: warning: kind: kind PersistentVolumeClaim is not simulated yet/),
  warns('storage/expandable-pvc.yaml', 'PersistentVolumeClaims are not simulated', /expandable-pvc\.yaml:2:7: warning: kind: kind PersistentVolumeClaim is not simulated yet/),
  warns('storage/projected-podcertificate.yaml', 'podCertificate projections need a signer for coolcert.example.com/foo and the alpha PodCertificateRequest API', /projected-podcertificate\.yaml:25:13: warning: spec\.volumes\[0\]\.projected\.sources\[0\]\.podCertificate: not simulated by PodPlay/),
  rejects('pod-with-numeric-toleration.yaml', 'numeric toleration operators (Gt) need an alpha feature gate; the API server rejects them without it', /pod-with-numeric-toleration\.yaml:14:17: spec\.tolerations\[0\]\.operator: Unsupported value: "Gt"/),
  rejects('storage/projected-clustertrustbundle.yaml', 'the example mounts "token-vol" but names its volume "root-certificates-vol": the API server rejects it', /projected-clustertrustbundle\.yaml:13:17: spec\.containers\[0\]\.volumeMounts\[0\]\.name: Not found: "token-vol"/),
  rejects('pod-with-node-affinity.yaml', 'the stored version puts a preference list under requiredDuringScheduling...: not a NodeSelector', /pod-with-node-affinity\.yaml:9:9: spec\.affinity\.nodeAffinity\.requiredDuringSchedulingIgnoredDuringExecution: json: cannot unmarshal array/),
  rejects('inject/pod-multiple-secret-env-variable.yaml', 'the stored version indents with a tab: not YAML (kubectl rejects it too)', /pod-multiple-secret-env-variable\.yaml:15:1: Tabs are not allowed as indentation/),
  rejects('inject/pod-single-secret-env-variable.yaml', 'the stored version has no apiVersion', /pod-single-secret-env-variable\.yaml:1:1: apiVersion: Object 'apiVersion' is missing/),
];

/** Examples that once differed and now match their pages: asserted in docs-sweep-fixed*.test.ts. */
const fixedSince = [
  'inject/dapi-volume.yaml',
  'inject/dapi-volume-resources.yaml',
  'resource/extended-resource-pod.yaml',
  'resource/extended-resource-pod-2.yaml',
  'security/hello-apparmor.yaml',
  'private-reg-pod.yaml',
  'pod-with-affinity-anti-affinity.yaml',
  'pod-with-node-affinity-1.yaml',
  'pod-with-node-affinity-2.yaml',
  'multi-container/adapter.yaml',
  'config/redis-pod.yaml',
  'inject/envars-file-container.yaml',
  // Asserted in docs-sweep-fixed-volumes.test.ts.
  'storage/projected.yaml',
  'storage/projected-secret-downwardapi-configmap.yaml',
  'storage/projected-secrets-nondefault-permission-mode.yaml',
  'storage/projected-service-account-token.yaml',
  'pod-projected-svc-token.yaml',
];

/** Companion objects (ConfigMaps, Secrets) used by the rows above; not Pods. */
const companions = ['config/example-redis-config.yaml', 'inject/configmap-envFrom.yaml', 'inject/secret.yaml'];

/** Where PodPlay differs from the page, and how (see the header). */
const differs: Array<{ path: string; how: string }> = [
];

describe('docs sweep: every saved example is classified once', () => {
  it('runnable + notRunnable + differs + companions = the fixtures', () => {
    const listed = [...runnable.map((r) => r.path), ...notRunnable.map((r) => r.path), ...differs.map((r) => r.path), ...fixedSince, ...companions];
    expect([...listed].sort()).toEqual(ALL_FIXTURES);
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe('docs sweep: examples that run as their page says', () => {
  it.each(runnable.map((r) => [`${r.path} (${r.page}): "${r.claim}"`, r] as const))('%s', (_, r) => {
    const manifest = r.manifest ? r.manifest() : fixture(r.path);
    const admitted = admitManifests(manifest, r.path);
    expect(admitted.ok).toBe(true);
    const trace = run(manifest, { until: r.until ?? 60_000, node: r.node, nodes: r.nodes, actions: r.actions });
    r.check(trace);
  });
});

describe('docs sweep: examples PodPlay cannot run say why, with a located diagnostic', () => {
  it.each(notRunnable.map((r) => [`${r.path}: ${r.reason}`, r] as const))('%s', (_, r) => {
    const manifest = r.manifest ? r.manifest() : fixture(r.path);
    const admitted = admitManifests(manifest, r.path);
    const d = r.diagnostic;
    if (d.kind === 'pull') {
      expect(admitted.ok).toBe(true);
      const trace = run(manifest, { until: 10_000 });
      const failed = eventsOf(trace, 'Failed').find((e) => e.message.startsWith(`Failed to pull image "${d.image}"`));
      expect(failed?.type).toBe('Warning');
      return;
    }
    const formatted = admitted.diagnostics.filter((x) => x.severity === d.kind).map(formatDiagnostic);
    expect(formatted.some((line) => d.match.test(line)), formatted.join('\n')).toBe(true);
    if (d.kind === 'error') expect(admitted.ok).toBe(false);
  });
});
